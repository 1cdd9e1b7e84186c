import { compileCsr, compileMarket, parseScenarioText, scanSimpleScenario, scanSimpleScenarioStream, type ByteSource, type ScannedScenario, type Scenario } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioAttributes } from "../../packages/core/src/cli/loadMarket.ts";
import { simpleScenario } from "../arbitraries/market.ts";
import { applyEdit, hostileValues, mutateJson, reverseKeys, textEdit } from "../support/mutateJson.ts";

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What the general path (JSON.parse, duplicate keys, zod, compileMarket) makes of a text: the market and its attributes, or undefined. */
function generalPath(text: string) {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return undefined;
  const { scenario } = parsed;
  return { name: scenario.name, market: compileMarket(scenario), ...scenarioAttributes(scenario) };
}

/** The same from the scanner, or undefined when it leaves the text to the general path. */
function scannedPath(text: string) {
  const scanned = scanSimpleScenario(bytesOf(text));
  if (scanned === undefined) return undefined;
  const { name, applicantType, programSpecialty, specialties } = scanned;
  return { name, market: compileCsr(scanned), applicantType, programSpecialty, specialties };
}

/** Every optional field the scanner reads, with varied values (several specialties and types, non-ASCII names). */
const withAttributes = fc.tuple(simpleScenario({ applicants: { min: 0, max: 12 }, programs: { min: 0, max: 6 } }), fc.nat()).map(([s, k]): Scenario => ({
  $schema: "./scenario.schema.json",
  name: `market ${k}`,
  description: "Déjà vu: \"quoted\", tab\t and \\u escapes \u2028",
  ...s,
  couples: [],
  programs: s.programs.map((p, i) => ({
    ...p, name: `Programme n° ${i}`, specialty: ["IM", "FM", "Surgery"][(i + k) % 3]!, visa: (["none", "j1", "h1b"] as const)[i % 3]!,
    scoreScreen: (200 + i + k) % 301, imgFriendly: i % 2 === 0, region: "West", track: (["categorical", "preliminary", "advanced", "primary"] as const)[(i + k) % 4]!,
  })),
  applicants: s.applicants.map((a, i) => ({
    ...a, name: `Zoë ${i}`, type: (["us-md", "us-do", "us-img", "non-us-img", "other"] as const)[(i + k) % 5]!, step2ck: 250.5, needsVisa: i % 2 === 1,
    usceMonths: i * 1.5, region: "South", specialties: i % 3 === 0 ? [] : ["IM", "FM"],
  })),
}));

const anyValidScenario = fc.oneof(simpleScenario(), withAttributes);
/** How a valid scenario may be written: indentation, CRLF line ends, keys in reverse order. */
const layout = fc.record({ space: fc.constantFrom(undefined, 0, 1, 2, "\t"), crlf: fc.boolean(), reversed: fc.boolean() });

function write(scenario: unknown, { space, crlf, reversed }: { space: string | number | undefined; crlf: boolean; reversed: boolean }): string {
  const text = JSON.stringify(reversed ? reverseKeys(scenario) : scenario, null, space);
  return crlf ? text.replaceAll("\n", "\r\n") : text;
}

describe("scanSimpleScenario(bytes)", () => {
  it("should read every valid simple scenario, however written, to the market the general path compiles", () => {
    fc.assert(
      fc.property(anyValidScenario, layout, (scenario, how) => {
        const text = write(scenario, how);
        const general = generalPath(text);
        expect(general).toBeDefined();
        expect(scannedPath(text)).toStrictEqual(general);
      }),
      { numRuns: 500 },
    );
  });

  it("should accept only texts the general path accepts, and then give the same market (mutated values)", () => {
    let scanned = 0;
    let left = 0;
    fc.assert(
      fc.property(anyValidScenario, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), hostileValues, layout, (scenario, choices, replacement, how) => {
        const text = write(mutateJson(scenario, choices, replacement), how);
        const fast = scannedPath(text);
        if (fast === undefined) return void left++;
        scanned++;
        expect(fast).toStrictEqual(generalPath(text));
      }),
      { numRuns: 1500 },
    );
    // Both outcomes must occur, or the property proves nothing about one of them.
    expect(scanned).toBeGreaterThan(100); // about 220 of 1,500
    expect(left).toBeGreaterThan(50);
  });

  it("should accept only texts the general path accepts, and then give the same market (text edits)", () => {
    let scanned = 0;
    let left = 0;
    fc.assert(
      fc.property(anyValidScenario, fc.array(textEdit, { minLength: 1, maxLength: 3 }), layout, (scenario, edits, how) => {
        const text = edits.reduce(applyEdit, write(scenario, how));
        const fast = scannedPath(text);
        if (fast === undefined) return void left++;
        scanned++;
        expect(fast).toStrictEqual(generalPath(text));
      }),
      { numRuns: 1500 },
    );
    expect(scanned).toBeGreaterThan(20); // about 60 of 1,500: most edits break the JSON
    expect(left).toBeGreaterThan(50);
  });

  it("should leave to the general path every text it must refuse or explain", () => {
    const ok = '{"programs": [{"id": "P", "quota": 1, "rol": ["a"]}], "applicants": [{"id": "a", "rol": ["P"]}]}';
    expect(scannedPath(ok)).toStrictEqual(generalPath(ok));
    const variants: Record<string, string> = {
      "a repeated top-level key": ok.replace('"applicants"', '"programs": [], "applicants"'),
      "a repeated program key": ok.replace('"quota": 1', '"quota": 1, "quota": 2'),
      "a repeated applicant key": ok.replace('"rol": ["P"]', '"rol": ["P"], "rol": []'),
      "an escaped key (\\u0071 is q)": ok.replace('"quota"', '"\\u0071uota"'),
      "an escaped id": ok.replace('["a"]', '["\\u0061"]'),
      "an id that is not ASCII": ok.replaceAll('"a"', '"é"'),
      "an empty id": ok.replaceAll('"a"', '""'),
      "an unknown key": ok.replace('"quota": 1', '"quota": 1, "evenOnly": false'),
      "a null optional field": ok.replace('"quota": 1', '"quota": 1, "name": null'),
      "a number past a double": ok.replace('"quota": 1', '"quota": 1, "scoreScreen": 1e999'),
      "a leading zero": ok.replace('"quota": 1', '"quota": 01'),
      "a fractional quota": ok.replace('"quota": 1', '"quota": 1.5'),
      "a negative quota": ok.replace('"quota": 1', '"quota": -1'),
      "a quota over the limit": ok.replace('"quota": 1', '"quota": 1000001'),
      "a score over 300": ok.replace('"rol": ["P"]', '"rol": ["P"], "step2ck": 300.5'),
      "an unknown applicant type": ok.replace('"rol": ["P"]', '"rol": ["P"], "type": "us"'),
      "an unknown id in a list": ok.replace('["P"]', '["Q"]'),
      "an id listed twice": ok.replace('["P"]', '["P", "P"]'),
      "two programs with one id": ok.replace('"programs": [', '"programs": [{"id": "P", "quota": 0, "rol": []}, '),
      "a missing quota": ok.replace('"quota": 1, ', ""),
      "couples": ok.replace('"applicants"', '"couples": [{"members": ["a", "a"], "rol": []}], "applicants"'),
      "a byte-order mark": `\uFEFF${ok}`,
      "text after the scenario": `${ok} {}`,
      "a trailing comma": ok.replace('["a"]', '["a",]'),
      "a control character in a name": ok.replace('"quota": 1', '"quota": 1, "name": "x\ty"'),
      "a bad escape in a name": ok.replace('"quota": 1', '"quota": 1, "name": "x\\qy"'),
      "a truncated file": ok.slice(0, -1),
      "an empty file": "",
      "not an object": "[]",
    };
    for (const [what, text] of Object.entries(variants)) expect(scannedPath(text), what).toBeUndefined();
  });

  it("should read numbers as JSON.parse does: exponents, -0 and long digit strings", () => {
    // 1e2 is the integer 100; -0 is an integer ≥ 0 for zod; 0.1e1 is 1; 250.000000000000001 is 250 as a double.
    const text = '{"programs": [{"id": "P", "quota": 1e2, "rol": ["a"], "scoreScreen": 250.000000000000001}, {"id": "Q", "quota": -0, "rol": []}, {"id": "R", "quota": 0.1e1, "rol": []}], "applicants": [{"id": "a", "rol": ["P", "R"], "usceMonths": 123456789012345678}]}';
    const fast = scannedPath(text);
    expect(fast).toStrictEqual(generalPath(text));
    expect(Array.from(fast!.market.quota)).toEqual([100, 0, 1]);
  });

  it("should read ids that collide with Object.prototype names and share ids across the two sides", () => {
    const text = JSON.stringify({ programs: [{ id: "__proto__", quota: 1, rol: ["constructor", "x"] }, { id: "x", quota: 1, rol: ["x"] }], applicants: [{ id: "constructor", rol: ["__proto__"] }, { id: "x", rol: ["x", "__proto__"] }] });
    expect(scannedPath(text)).toStrictEqual(generalPath(text));
    expect(scannedPath(text)!.market.applicantIds).toEqual(["constructor", "x"]);
  });

  it("should tell apart ids longer than 8 bytes that share their first 8", () => {
    const ids = ["applicant-1", "applicant-2", "applicant-10", "applicant-1x"];
    const text = JSON.stringify({ programs: [{ id: "program-000001", quota: 2, rol: ids }, { id: "program-000002", quota: 1, rol: [...ids].reverse() }], applicants: ids.map((id, i) => ({ id, rol: i % 2 === 0 ? ["program-000001", "program-000002"] : ["program-000002"] })) });
    const fast = scannedPath(text);
    expect(fast).toStrictEqual(generalPath(text));
    expect(Array.from(fast!.market.progRol)).toEqual([0, 1, 2, 3, 3, 2, 1, 0]);
  });
});

/** A source handing out `bytes` in pieces of `piece` bytes (or fewer at the end). */
function source(bytes: Uint8Array, piece: number): ByteSource {
  let at = 0;
  return {
    read: (into, offset) => {
      const n = Math.min(piece, into.length - offset, bytes.length - at);
      into.set(bytes.subarray(at, at + n), offset);
      at += n;
      return n;
    },
  };
}

/** A streamed scan of `text` through a window of `window` bytes, keeping `margin` ahead, read `piece` bytes at a time. */
function streamed(text: string, window: number, margin: number, piece: number): ScannedScenario | undefined {
  const bytes = bytesOf(text);
  return scanSimpleScenarioStream(source(bytes, piece), { fileBytes: bytes.length, window: new Uint8Array(window), margin });
}

describe("scanSimpleScenarioStream(source, options)", () => {
  const windows = fc.record({ margin: fc.integer({ min: 1, max: 200 }), extra: fc.integer({ min: 1, max: 300 }), piece: fc.integer({ min: 1, max: 600 }) });

  it("should read what scanSimpleScenario reads whenever it accepts, through any window, and accept it all through a wide margin", () => {
    let narrow = 0;
    fc.assert(
      fc.property(anyValidScenario, layout, windows, (scenario, how, { margin, extra, piece }) => {
        const text = write(scenario, how);
        const whole = scanSimpleScenario(bytesOf(text));
        expect(whole).toBeDefined();
        const fast = streamed(text, margin + extra, margin, piece);
        if (fast === undefined) narrow++;
        else expect(fast).toStrictEqual(whole);
        // A margin longer than the whole text never runs out.
        expect(streamed(text, text.length * 2 + 2, text.length + 1, piece)).toStrictEqual(whole);
      }),
      { numRuns: 400 },
    );
    expect(narrow).toBeLessThan(400); // some narrow windows must have slid all the way through
  });

  it("should leave to the general path what scanSimpleScenario leaves (edited texts), through any window", () => {
    fc.assert(
      fc.property(anyValidScenario, fc.array(textEdit, { minLength: 1, maxLength: 3 }), windows, (scenario, edits, { margin, extra, piece }) => {
        const text = edits.reduce(applyEdit, JSON.stringify(scenario));
        const fast = streamed(text, margin + extra, margin, piece);
        if (fast !== undefined) expect(fast).toStrictEqual(scanSimpleScenario(bytesOf(text)));
      }),
      { numRuns: 600 },
    );
  });

  it("should slide a small window along a list much longer than itself", () => {
    // One program ranks 3,000 applicants (about 30 kB of list); the window holds 256 bytes.
    const ids = Array.from({ length: 3000 }, (_, i) => `applicant-${i}`);
    const text = JSON.stringify({ programs: [{ id: "P", quota: 2, rol: ids }], applicants: ids.map((id, i) => ({ id, rol: i % 3 === 0 ? ["P"] : [] })) });
    const fast = streamed(text, 256, 128, 100);
    expect(fast).toStrictEqual(scanSimpleScenario(bytesOf(text)));
    expect(fast!.progRol.length).toBe(3000);
  });

  it("should refuse trailing text that lies beyond the first window", () => {
    const text = `${JSON.stringify({ programs: [], applicants: [] })}${" ".repeat(1000)}x`;
    expect(scanSimpleScenario(bytesOf(text))).toBeUndefined();
    expect(streamed(text, 300, 100, 64)).toBeUndefined();
    expect(streamed(text.slice(0, -1), 300, 100, 64)).toStrictEqual(scanSimpleScenario(bytesOf(text.slice(0, -1))));
  });
});
