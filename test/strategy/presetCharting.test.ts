import { APPLICANT_TYPES, compileGenerated, deferredAcceptance, drawSeed, generateMarket, presetChartingOutcomes } from "@matchlab/core";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";

describe("presetChartingOutcomes", () => {
  it("should tally every generated applicant by her type and list length, as an independent rerun does", () => {
    const market = { preset: "nrmp-2025" as const, applicants: 2000 };
    const progress: number[] = [];
    const series = presetChartingOutcomes({ market, draws: 3, seed: 9, onProgress: (done) => progress.push(done) }, seedrandom.alea);
    expect(progress).toEqual([1, 2, 3]);
    expect(series.map((s) => s.group)).toEqual([...APPLICANT_TYPES]);
    // Recount by hand: the same three markets, matched once each, tallied by type and list length.
    const expected = new Map<string, { applicants: number; matched: number }>();
    for (let d = 0; d < 3; d++) {
      const generated = generateMarket(market, seedrandom.alea(String(drawSeed(9, d))));
      const { matchOf } = deferredAcceptance(compileGenerated(generated));
      for (let a = 0; a < generated.nA; a++) {
        const key = `${APPLICANT_TYPES[generated.applicants!.type[a]!]}/${generated.appStart[a + 1]! - generated.appStart[a]!}`;
        const tally = expected.get(key) ?? { applicants: 0, matched: 0 };
        tally.applicants++;
        if (matchOf[a]! >= 0) tally.matched++;
        expected.set(key, tally);
      }
    }
    const got = new Map(series.flatMap((s) => s.points.map((p) => [`${s.group}/${p.programsRanked}`, { applicants: p.applicants, matched: p.matched }] as const)));
    expect(got).toEqual(expected);
    expect(series.flatMap((s) => s.points).reduce((sum, p) => sum + p.applicants, 0)).toBe(3 * 2000);
  });

  it("presetChartingOutcomes rejects a research preset (no applicant types)", () => {
    expect(() => presetChartingOutcomes({ market: { preset: "uniform" }, draws: 1, seed: 1 }, seedrandom.alea)).toThrow(/presetChartingOutcomes: needs an NRMP preset/);
  });
});
