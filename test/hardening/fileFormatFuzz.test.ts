import { ScenarioError, compileGenerated, decodeMarketFile, encodeMarketFile, formatSms, generateMarket, parseSmsText, solve, type GeneratedMarket } from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";

/** How many files each property tries (NOTES-harden.md reports these figures). */
export const FORMAT_FUZZ_RUNS = { mlmTruncated: 300, mlmCorrupt: 1500, mlmHeader: 500, smsText: 1000, smsMutated: 1000 } as const;

/** Small generated markets, one with attribute columns and couples, one bare research market. */
const markets: GeneratedMarket[] = [
  generateMarket({ applicants: 60, couplesShare: 0.2 }, seedrandom("fuzz-nrmp")),
  generateMarket({ preset: "uniform", applicants: 30, programs: 12, quota: 2, listLength: 5 }, seedrandom("fuzz-uniform")),
];
const encoded = markets.map(encodeMarketFile);

/** Decoding gives a market the engine can use (then it must run), or a ScenarioError; nothing else, and fast. */
function expectMarketOrClearError(bytes: Uint8Array): void {
  let market: GeneratedMarket;
  try {
    market = decodeMarketFile(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    for (const issue of (error as ScenarioError).issues) expect(`${issue.path}: ${issue.message}`).toMatch(/^\S.*: \S/);
    return;
  }
  // A corruption the checks let through is a different but well-formed market: it must compile and match.
  if (market.couples === undefined || market.couples.members.length === 0) expect(solve(compileGenerated(market)).matchOf.length).toBe(market.nA);
}

const fileIndex = fc.nat({ max: encoded.length - 1 });

describe("decodeMarketFile on damaged .mlm files", () => {
  it("should refuse every truncation that loses data with a clear error", () => {
    fc.assert(
      fc.property(fileIndex, fc.double({ min: 0, max: 1, noNaN: true }), (f, share) => {
        const whole = encoded[f]!;
        const cut = Math.floor(share * (whole.length - 1));
        let decoded: GeneratedMarket;
        try {
          decoded = decodeMarketFile(whole.slice(0, cut));
        } catch (error) {
          expect(error).toBeInstanceOf(ScenarioError);
          return;
        }
        // Only the last section's alignment padding (under 8 bytes) may go missing unnoticed.
        expect(cut).toBeGreaterThan(whole.length - 8);
        expect(decoded.nA).toBe(markets[f]!.nA);
      }),
      { numRuns: FORMAT_FUZZ_RUNS.mlmTruncated },
    );
  });

  it("should answer random byte changes with a market or a clear error", () => {
    const changes = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fileIndex, changes, (f, list) => {
        const bytes = encoded[f]!.slice();
        for (const [at, value] of list) bytes[at % bytes.length] = value;
        expectMarketOrClearError(bytes);
      }),
      { numRuns: FORMAT_FUZZ_RUNS.mlmCorrupt },
    );
  });

  it("should answer any header (huge lengths and counts included) without a crash or a huge allocation", () => {
    const count = fc.oneof(fc.nat(), fc.constantFrom(2 ** 31, 2 ** 32 - 1, 2 ** 53 - 1, -1, 1.5, Number.MAX_VALUE));
    const section = fc.record({ name: fc.constantFrom("appStart", "appRol", "progStart", "progRol", "quota", "constructor", "__proto__"), type: fc.constantFrom("u8", "u16", "u32", "i32", "f64", "constructor"), length: count });
    const header = fc.oneof(
      fc.jsonValue(),
      fc.record({ version: fc.constantFrom(1, 2), nA: count, nP: count, programIds: fc.array(fc.string()), sections: fc.array(section, { maxLength: 6 }) }),
    );
    fc.assert(
      fc.property(header, fc.nat({ max: 256 }), (value, tail) => {
        const text = new TextEncoder().encode(JSON.stringify(value) ?? "");
        const bytes = new Uint8Array(8 + text.length + tail);
        bytes.set(new TextEncoder().encode("MLM1"), 0);
        new DataView(bytes.buffer).setUint32(4, text.length, true);
        bytes.set(text, 8);
        expectMarketOrClearError(bytes);
      }),
      { numRuns: FORMAT_FUZZ_RUNS.mlmHeader },
    );
  });

  it("should refuse list offsets that run past the entries (they made the duplicate check spin forever)", () => {
    // Found by the byte-change property: one changed byte of appStart sent a list past the end of appRol.
    const appStart = markets[1]!.appStart.slice();
    appStart[1] = markets[1]!.appRol.length + 50;
    expect(() => decodeMarketFile(encodeMarketFile({ ...markets[1]!, appStart }))).toThrow(`sections.appRol: list 0 ends at entry ${markets[1]!.appRol.length + 50}, past the ${markets[1]!.appRol.length} entries`);
  });

  it("should refuse a header that claims more bytes than the file holds", () => {
    const bytes = encoded[0]!.slice(0, 64);
    new DataView(bytes.buffer).setUint32(4, 0xffffffff, true);
    expect(() => decodeMarketFile(bytes)).toThrow("the file is truncated (header runs past the end)");
    expect(() => decodeMarketFile(bytes.slice(0, 6))).toThrow("shorter than its 8-byte preamble");
  });
});

describe("parseSmsText on hostile text", () => {
  const token = fc.oneof(fc.constantFrom("r", "c", "p", "-1", "0", "1", "99999999999999999999", "x", "#", "__proto__", "constructor"), fc.string({ maxLength: 4 }));
  const line = fc.tuple(fc.array(token, { maxLength: 8 }), fc.constantFrom(" ", "\t", "  ")).map(([tokens, gap]) => tokens.join(gap));

  it("should answer any lines with a scenario or issues that name the line", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const result = parseSmsText(lines.join("\n"));
        if (!result.ok) for (const issue of result.issues) expect(issue.message).toMatch(/\S/);
      }),
      { numRuns: FORMAT_FUZZ_RUNS.smsText },
    );
  });

  it("should answer truncated or spliced suite files with a scenario or clear issues", () => {
    fc.assert(
      fc.property(simpleScenario(), fc.nat(), fc.nat(), fc.string({ maxLength: 6 }), (scenario, at, cut, insert) => {
        const text = formatSms(scenario);
        const i = at % (text.length + 1);
        const result = parseSmsText(text.slice(0, i) + insert + text.slice(Math.min(text.length, i + (cut % 8))));
        if (!result.ok) for (const issue of result.issues) expect(`${issue.path}: ${issue.message}`).toMatch(/^\S.*: \S/);
      }),
      { numRuns: FORMAT_FUZZ_RUNS.smsMutated },
    );
  });

  it("should refuse a capacity beyond the quota limit rather than allocate for it", () => {
    const result = parseSmsText("r a P\np P 99999999999999999999 a\n");
    expect(!result.ok && result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(["programs[0].quota: quota must be a non-negative integer (at most 1000000)"]);
  });
});
