import { checkFullStability, compileGeneratedFull, generateMarket, rothPeranson } from "@matchlab/core";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";

/**
 * A repair pushes no more singles and supplemental lists than its program has vacancies, and the program comes
 * back to the rest of its list once they have moved (repair.ts). Whoever it skipped and can still block then (the
 * program now prefers her to its least-preferred holder) must be pushed on the resumed scan, or the run ends with
 * a blocking pair it believes stable. That is rare: of 120 generated 3,000-applicant markets with couples and
 * supplemental lists, an engine that never resumed got one wrong, this one (it ends "stable" with a blocking pair).
 */
describe("repairs that stop at their vacancies and resume", () => {
  it("should end stable where a scan had to resume, and say so only when the checker agrees", () => {
    const m = compileGeneratedFull(generateMarket({ preset: "nrmp-2025", applicants: 3000, supplementalShare: 0.3 }, seedrandom.alea("r-32")));
    const matching = rothPeranson(m, { rng: seedrandom("1"), maxReorderings: 0, maxKprOrders: 0, maxWalkSteps: 0 });
    expect(checkFullStability(m, matching).blocking).toEqual([]);
    expect(matching.completed).toBe(true);
    expect(matching.method).toBe("roth-peranson");
  });

  it("should report completed exactly when the checker finds the matching stable, on markets full of PGY-1 vacancies", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const m = compileGeneratedFull(generateMarket({ preset: "nrmp-2025", applicants: 2500, couplesShare: 0.05, supplementalShare: 0.3 }, seedrandom.alea(`resume-${seed}`)));
      const matching = rothPeranson(m, { rng: seedrandom("1"), maxReorderings: 0, maxKprOrders: 0, maxWalkSteps: 0 });
      expect(matching.completed).toBe(checkFullStability(m, matching).stable);
    }
  });
});
