import { collectResult, compileMarket, solve } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { naiveDeferredAcceptance } from "../../benchmarks/src/naive.ts";
import { simpleScenario } from "../arbitraries/market.ts";

describe("naiveDeferredAcceptance(applicants, programs) (the benchmarks' baseline)", () => {
  it("should find the engine's applicant-proposing matching, with the same number of proposals", () => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const market = compileMarket(scenario);
        const matching = solve(market, { side: "applicant" });
        const expected = new Map<string, string>();
        for (const a of collectResult(market, matching).applicants) if (a.program !== null) expected.set(a.id, a.program);
        const naive = naiveDeferredAcceptance(scenario.applicants, scenario.programs);
        expect(naive.assignment).toEqual(expected);
        // In DA every applicant applies down to her final match whatever the order, so the counts agree too.
        expect(naive.proposals).toBe(matching.proposals);
      }),
    );
  });

  it("should let a full program bump its least-preferred holder (worked example)", () => {
    // P (quota 2) ranks C > A > B. A and B apply first and are held; C applies and bumps B, the worst held;
    // B then applies to Q, which ranks her: A, C at P and B at Q. Proposals: A→P, B→P, C→P, B→Q = 4.
    const result = naiveDeferredAcceptance(
      [{ id: "A", rol: ["P"] }, { id: "B", rol: ["P", "Q"] }, { id: "C", rol: ["P"] }],
      [{ id: "P", quota: 2, rol: ["C", "A", "B"] }, { id: "Q", quota: 1, rol: ["B"] }],
    );
    expect(result.assignment).toEqual(new Map([["A", "P"], ["C", "P"], ["B", "Q"]]));
    expect(result.proposals).toBe(4);
  });
});
