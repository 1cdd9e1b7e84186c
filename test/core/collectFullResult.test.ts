import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectFullResult, compileFullMarket, compileGeneratedFull, generateMarket, rothPeranson, type FullMarket, type FullMatching } from "@matchlab/core";
import seedrandom from "seedrandom";
import { fullScenario } from "../arbitraries/fullMarket.ts";

/** Checks collectFullResult's rosters and supplemental ranks against a scan of every program's whole list and a walk of the supplemental lists from list 0. */
function expectCollectedAsScanned(m: FullMarket, x: FullMatching): number {
  const result = collectFullResult(m, x);
  const { nP, applicantIds, progStart, progRol } = m.base;
  for (let p = 0; p < nP; p++) {
    const holders: string[] = [];
    for (let e = progStart[p]!; e < progStart[p + 1]!; e++) {
      const a = progRol[e]!;
      if (x.primaryOf[a] === p || x.supplementalOf[a] === p) holders.push(applicantIds[a]!);
    }
    expect(result.programs[p]!.matched).toEqual(holders);
    expect(result.programs[p]!.unfilled).toBe(x.quota[p]! - holders.length);
  }
  let laterLists = 0;
  result.applicants.forEach((outcome, a) => {
    const se = x.supplementalEntry[a]!;
    if (se < 0) return expect(outcome.supplementalRank).toBeNull();
    let list = 0;
    while (m.suppStart[list + 1]! <= se) list++;
    if (list > 0) laterLists++;
    expect(outcome.supplementalRank).toBe(se - m.suppStart[list]! + 1);
  });
  return laterLists;
}

describe("collectFullResult", () => {
  it("should list every holder of a program in the order of its list, and rank supplemental matches on their list, as a full scan does", () => {
    fc.assert(
      fc.property(fullScenario({ singles: { min: 0, max: 8 }, couples: { min: 0, max: 3 }, programs: { min: 1, max: 6 }, variations: true }), (scenario) => {
        const m = compileFullMarket(scenario);
        const x = rothPeranson(m, { rng: seedrandom("1") });
        expectCollectedAsScanned(m, x);
      }),
      { numRuns: 200 },
    );
  });

  it("should agree with the full scan on generated markets with couples and many supplemental matches", () => {
    let laterLists = 0;
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 300 }), fc.integer({ min: 1, max: 1e6 }), (applicants, seed) => {
        const g = generateMarket({ preset: "uniform", applicants, listLength: 6, couplesShare: 0.1, supplementalShare: 0.4 }, seedrandom.alea(String(seed)));
        const m = compileGeneratedFull(g);
        laterLists += expectCollectedAsScanned(m, rothPeranson(m, { rng: seedrandom("1") }));
      }),
      { numRuns: 40 },
    );
    // The markets exercise the search: supplemental matches on lists other than the first.
    expect(laterLists).toBeGreaterThan(0);
  });
});
