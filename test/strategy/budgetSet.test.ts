import { compileMarket, createStrategyAnalyzer, inBudgetSet, whatIf } from "@matchlab/core";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { simpleScenario } from "../arbitraries/market.ts";
import { assignmentOf } from "../support/run.ts";
import { echo } from "./examples.ts";


describe("inBudgetSet", () => {
  it("should leave out a program whose chain of bumps comes back to displace her", () => {
    // The literal rerun agrees: with [P] she is unmatched.
    expect(assignmentOf(echo).get("Iris")).toBe(null);
    const analyzer = createStrategyAnalyzer(compileMarket(echo), { applicant: 2 });
    expect(inBudgetSet(analyzer, 0)).toBe(false);
    expect(whatIf(analyzer, [0]).submitted.program).toBe(-1);
  });

  it("should include a program with a free position that ranks her", () => {
    const market = compileMarket({ ...echo, programs: echo.programs.map((p) => (p.id === "P" ? { ...p, quota: 2 } : p)) });
    expect(inBudgetSet(createStrategyAnalyzer(market, { applicant: 2 }), 0)).toBe(true);
  });

  it("should give the same answers with buffers taken over from another applicant's analyzer", () => {
    fc.assert(
      fc.property(simpleScenario({ applicants: { min: 2, max: 7 }, programs: { min: 1, max: 5 } }), (scenario) => {
        const market = compileMarket(scenario);
        let previous = createStrategyAnalyzer(market, { applicant: 0 });
        for (let a = 1; a < market.nA; a++) {
          const reused = createStrategyAnalyzer(market, { applicant: a, reuse: previous });
          const fresh = createStrategyAnalyzer(market, { applicant: a });
          for (let p = 0; p < market.nP; p++) expect(inBudgetSet(reused, p)).toBe(inBudgetSet(fresh, p));
          previous = reused;
        }
      }),
      { numRuns: 100 },
    );
  });

  it("createStrategyAnalyzer rejects an applicant index out of range", () => {
    expect(() => createStrategyAnalyzer(compileMarket(echo), { applicant: 3 })).toThrow(/createStrategyAnalyzer: applicant must be an index in \[0, 3\), got 3/);
  });
});
