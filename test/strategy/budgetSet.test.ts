import { compileMarket, createStrategyAnalyzer, inBudgetSet, whatIf } from "@matchlab/core";
import { describe, expect, it } from "vitest";
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

  it("createStrategyAnalyzer rejects an applicant index out of range", () => {
    expect(() => createStrategyAnalyzer(compileMarket(echo), { applicant: 3 })).toThrow(/createStrategyAnalyzer: applicant must be an index in \[0, 3\), got 3/);
  });
});
