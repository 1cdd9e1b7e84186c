import { checkStability, compileMarket, type Scenario } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyAssignment, simpleScenario } from "../arbitraries/market.ts";
import { naiveBlockingPairs, naiveIsIndividuallyRational } from "../support/naive.ts";

// Shrunk counterexample, kept forever: an applicant matched to a program she did not list still counts by the
// program's own rank of her (it ranked a6 and a7 above a8, so a8 does not block with p0).
const programRanksUnlistedHolder: [Scenario, number[]] = [
  {
    programs: [{ id: "p0", quota: 0, rol: ["a6", "a7", "a8"] }, { id: "p1", quota: 0, rol: [] }, { id: "p2", quota: 0, rol: [] }],
    applicants: ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"].map((id) => ({ id, rol: [] as string[] })).concat([{ id: "a8", rol: ["p0"] }]),
  },
  [-1, -1, 1, 1, 1, 1, 0, 0, 1],
];

const scenarioWithAssignment = simpleScenario().chain((scenario) => fc.tuple(fc.constant(scenario), anyAssignment(scenario)));

describe("checkStability(market, matchOf)", () => {
  it("should report exactly the blocking pairs of the textbook definition, for any matching", () => {
    fc.assert(
      fc.property(scenarioWithAssignment, ([scenario, matchOf]) => {
        const market = compileMarket(scenario);
        const assignment = new Map(scenario.applicants.map((a, i) => [a.id, matchOf[i]! < 0 ? null : scenario.programs[matchOf[i]!]!.id]));
        const found = checkStability(market, matchOf).blockingPairs.map(({ applicant, program }) => [market.applicantIds[applicant], market.programIds[program]]);
        expect(found).toEqual(naiveBlockingPairs(scenario, assignment));
      }),
      { examples: [[programRanksUnlistedHolder]] },
    );
  });

  it("should flag over-quota programs and pairs that are not mutually ranked", () => {
    fc.assert(
      fc.property(scenarioWithAssignment, ([scenario, matchOf]) => {
        const market = compileMarket(scenario);
        const report = checkStability(market, matchOf);
        const assignment = new Map(scenario.applicants.map((a, i) => [a.id, matchOf[i]! < 0 ? null : scenario.programs[matchOf[i]!]!.id]));
        expect(report.overQuota.length === 0 && report.notMutual.length === 0).toBe(naiveIsIndividuallyRational(scenario, assignment));
        expect(report.stable).toBe(naiveIsIndividuallyRational(scenario, assignment) && naiveBlockingPairs(scenario, assignment).length === 0);
      }),
    );
  });

  it("finds the blocking pair when Run-A-Match's Chen and Ford swap", () => {
    // City: Eastman, Anderson; Mercy: Chen; General: Ford, Davis is the unique stable matching. Put Ford at Mercy
    // and Chen at General: Chen did not rank General (not mutual), and Chen–Mercy blocks (Mercy ranks Chen first, Chen
    // prefers Mercy to her unacceptable General).
    const scenario = {
      programs: [
        { id: "Mercy", quota: 2, rol: ["Chen", "Ford"] },
        { id: "City", quota: 2, rol: ["Eastman", "Anderson", "Chen", "Davis", "Ford"] },
        { id: "General", quota: 2, rol: ["Eastman", "Anderson", "Ford", "Davis"] },
      ],
      applicants: [
        { id: "Anderson", rol: ["City"] }, { id: "Chen", rol: ["City", "Mercy"] }, { id: "Ford", rol: ["City", "General", "Mercy"] },
        { id: "Davis", rol: ["Mercy", "City", "General"] }, { id: "Eastman", rol: ["City", "Mercy", "General"] },
      ],
    };
    const market = compileMarket(scenario);
    const report = checkStability(market, [1, 2, 0, 2, 1]);
    expect(report.notMutual).toEqual([1]);
    expect(report.blockingPairs.map(({ applicant, program }) => [market.applicantIds[applicant], market.programIds[program]])).toEqual([
      ["Chen", "Mercy"],
      ["Ford", "General"],
    ]);
  });
});
