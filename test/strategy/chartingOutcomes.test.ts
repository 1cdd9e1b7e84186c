import { chartingOutcomes, compileLists, type CompiledMarket } from "@matchlab/core";
import { describe, expect, it } from "vitest";
import { drawMarket } from "../support/drawUniform.ts";

describe("chartingOutcomes", () => {
  it("should count every applicant of every draw once, by group and list length", () => {
    const series = chartingOutcomes(drawMarket, { draws: 5, seed: 1, groupOf: (_, a) => (a === 0 ? "me" : "others") });
    expect(series.map((s) => s.group)).toEqual(["me", "others"]);
    // The drawer gives everyone 6 programs; 60 applicants per draw.
    expect(series[0]!.points.map((p) => [p.programsRanked, p.applicants])).toEqual([[6, 5]]);
    expect(series[1]!.points.map((p) => [p.programsRanked, p.applicants])).toEqual([[6, 295]]);
    for (const point of series.flatMap((s) => s.points)) expect(point.probability).toBe(point.matched / point.applicants);
  });

  it("should tally a fixed market by list length (worked example)", () => {
    // Applicant i ranks programs 0 … i mod 3 (1 to 3 programs); every program has one position and ranks everyone
    // in index order. The drawer ignores the seed, so both draws are this market.
    const fixed = (): CompiledMarket =>
      compileLists({
        applicantIds: ["a0", "a1", "a2", "a3", "a4", "a5"],
        programIds: ["P0", "P1", "P2"],
        applicantLists: [[0], [0, 1], [0, 1, 2], [0], [0, 1], [0, 1, 2]],
        programLists: [[0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5]],
        quotas: [1, 1, 1],
      });
    // a0 → P0; a1 → P1 (P0 holds a0, whom it prefers); a2 → P2; a3 … a5 are turned away everywhere. Each list
    // length has 2 applicants per draw (a0 and a3, a1 and a4, a2 and a5), one of whom matches.
    const [all] = chartingOutcomes(fixed, { draws: 2, seed: 0 });
    expect(all!.points).toEqual([
      { programsRanked: 1, applicants: 4, matched: 2, probability: 0.5 },
      { programsRanked: 2, applicants: 4, matched: 2, probability: 0.5 },
      { programsRanked: 3, applicants: 4, matched: 2, probability: 0.5 },
    ]);
  });
});
