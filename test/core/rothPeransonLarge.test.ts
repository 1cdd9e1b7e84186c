import { checkFullStability, compileFullMarket, rothPeranson } from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { fullScenario } from "../arbitraries/fullMarket.ts";
import { naiveFullBlocking } from "../support/naiveCouples.ts";
import { nrmpLikeMarket } from "../support/nrmpLikeMarket.ts";
import { runFull } from "../support/runFull.ts";

describe("rothPeranson on larger markets", () => {
  it("should agree with the naive checker on medium markets with many couples, where loops are broken", () => {
    const medium = fullScenario({ singles: { min: 10, max: 30 }, couples: { min: 3, max: 10 }, programs: { min: 3, max: 8 }, maxQuota: 3, maxPairs: 8, variations: true });
    fc.assert(
      fc.property(medium.map((s) => ({ ...s, programs: s.programs.map(({ revertsTo: _, evenOnly: __, ...p }) => p) })), (scenario) => {
        const run = runFull(scenario);
        const quota = (p: string) => scenario.programs.find((x) => x.id === p)!.quota;
        expect(run.blockingCount).toBe(naiveFullBlocking(scenario, run.naive, quota).length);
        if (run.result.completed) expect(run.stable).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it.each(["1", "2", "3"])("should find a stable matching on a 6,000-applicant market with 6 percent of applicants in couples (seed %s)", (seed) => {
    // The bar: markets like the Stable Matching Suite's, where a public RP implementation cycles.
    const scenario = nrmpLikeMarket({ applicants: 6000, programs: 750, coupleShare: 0.06, supplementalShare: 0 }, seedrandom(seed));
    const market = compileFullMarket(scenario);
    const matching = rothPeranson(market, { rng: seedrandom(seed) });
    expect(matching.completed).toBe(true);
    expect(checkFullStability(market, matching).stable).toBe(true);
  });

  it.each(["1", "3"])("should terminate and report stability honestly with couples and supplemental lists (seed %s)", (seed) => {
    // Supplemental lists can create genuine cycles (seed 3 ends with one blocking pair after every order): the
    // run must still end, and `completed` must say exactly whether the checker finds the matching stable.
    const scenario = nrmpLikeMarket({ applicants: 6000, programs: 750, coupleShare: 0.05, supplementalShare: 0.1 }, seedrandom(seed));
    const market = compileFullMarket(scenario);
    const matching = rothPeranson(market, { rng: seedrandom(seed), maxReorderings: 3 });
    expect(matching.completed).toBe(checkFullStability(market, matching).stable);
  });
});
