import { checkStability, compileMarket, findDuplicateKeys, parseScenario, parseScenarioText, solve, type ParseResult } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";

/** Every outcome is a usable scenario (which then solves to a stable matching) or issues that say where and what. */
function expectValidOutcome(result: ParseResult): void {
  if (result.ok) {
    const market = compileMarket(result.scenario);
    expect(checkStability(market, solve(market).matchOf).stable).toBe(true);
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.path).toMatch(/\S/);
    expect(issue.message).toMatch(/\S/);
  }
}

/** Replaces, deletes or duplicates the value at a random place in a JSON-like tree. */
function mutate(value: unknown, choices: number[], replacement: unknown): unknown {
  const [choice = 0, ...rest] = choices;
  if (Array.isArray(value) && value.length > 0) {
    const i = choice % value.length;
    const copy = [...value];
    if (rest.length === 0) {
      if (choice % 3 === 0) copy.splice(i, 1);
      else if (choice % 3 === 1) copy.splice(i, 0, copy[i]);
      else copy[i] = replacement;
    } else copy[i] = mutate(copy[i], rest, replacement);
    return copy;
  }
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const key = keys[choice % keys.length]!;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (rest.length === 0) {
      if (choice % 2 === 0) delete copy[key];
      else copy[key] = replacement;
    } else copy[key] = mutate(copy[key], rest, replacement);
    return copy;
  }
  return replacement;
}

/** How many inputs each property tries (NOTES-harden.md reports these figures). */
export const PARSER_FUZZ_RUNS = { jsonValue: 2000, mutated: 1000, text: 2000, textEdits: 1000, noDuplicates: 1000, duplicates: 500, anyText: 1000 } as const;

describe("parseScenario under fuzzing", () => {
  it("should answer any JSON value with a scenario or clear issues, never an exception", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectValidOutcome(parseScenario(value))), { numRuns: PARSER_FUZZ_RUNS.jsonValue });
  });

  it("should answer mutations of valid scenarios with a scenario or clear issues", () => {
    const mutated = fc.tuple(simpleScenario(), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.oneof(fc.jsonValue(), fc.constantFrom("__proto__", "", -1, 1.5, "2", null)));
    fc.assert(fc.property(mutated, ([scenario, choices, replacement]) => expectValidOutcome(parseScenario(mutate(scenario, choices, replacement)))), { numRuns: PARSER_FUZZ_RUNS.mutated });
  });

  it("should answer any text with a scenario or clear issues", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.json()), (text) => expectValidOutcome(parseScenarioText(text))), { numRuns: PARSER_FUZZ_RUNS.text });
  });

  it("should answer truncated, spliced or BOM-prefixed scenario text with a scenario or clear issues", () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("\uFEFF", "\u0000", '"', "{", "]", ",", "NaN", "1e999")));
    fc.assert(
      fc.property(simpleScenario(), edit, fc.boolean(), (scenario, [at, cut, insert], pretty) => {
        const text = JSON.stringify(scenario, null, pretty ? 2 : undefined);
        const i = at % (text.length + 1);
        expectValidOutcome(parseScenarioText(text.slice(0, i) + insert + text.slice(i + cut)));
      }),
      { numRuns: PARSER_FUZZ_RUNS.textEdits },
    );
  });
});

describe("findDuplicateKeys", () => {
  it("should find none in any text JSON.stringify writes (escaped keys and white space included)", () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (value, space) => {
      expect(findDuplicateKeys(JSON.stringify(value, null, space) ?? "")).toEqual([]);
    }), { numRuns: PARSER_FUZZ_RUNS.noDuplicates });
  });

  it("should find a key written twice, with its path, wherever it is", () => {
    // A scenario with one program's quota written twice: parsed, it would silently keep the second.
    const strangeKeyValue = fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
    fc.assert(
      fc.property(simpleScenario(), fc.nat(), strangeKeyValue, (scenario, pick, extra) => {
        fc.pre(scenario.programs.length > 0);
        const p = pick % scenario.programs.length;
        const programs = scenario.programs.map((program, i) => (i === p ? { ...extra, ...program, quota: "QUOTA" } : program));
        const text = JSON.stringify({ ...scenario, programs }).replace('"quota":"QUOTA"', `"quota":${scenario.programs[p]!.quota},"quota":1`);
        expect(findDuplicateKeys(text)).toEqual([{ path: `programs[${p}].quota`, message: 'duplicate key "quota" in this object (JSON would silently keep only the last one)' }]);
        const parsed = parseScenarioText(text);
        expect(!parsed.ok && parsed.issues[0]!.path).toBe(`programs[${p}].quota`);
      }),
      { numRuns: PARSER_FUZZ_RUNS.duplicates },
    );
  });

  it("should end and not throw on any text, JSON or not (it is public API)", () => {
    const text = fc.oneof(fc.string({ unit: "binary" }), fc.json().map((json) => json.slice(0, json.length >> 1)), fc.constantFrom('{"a', '{"a\\', ',,]]}}', '"'));
    fc.assert(
      fc.property(text, (body) => {
        expect(findDuplicateKeys(body).length).toBeLessThanOrEqual(100);
      }),
      { numRuns: PARSER_FUZZ_RUNS.anyText },
    );
  });

  it("should read escaped keys as JSON does", () => {
    // "\u0071" is "q", so the inner object has q twice; the last object has the key made of one quote twice.
    const text = String.raw`{"a\"b": {"\u0071": 1, "q": 2}, "x": [{}, {"\"": 0, "\"": 1}]}`;
    expect(findDuplicateKeys(text).map((issue) => issue.path)).toEqual([String.raw`["a\"b"].q`, String.raw`x[1]["\""]`]);
  });
});
