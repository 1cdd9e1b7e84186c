import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectResult, compileMarket, solve } from "@matchlab/core";
import { simpleScenario } from "../arbitraries/market.ts";

describe("collectResult", () => {
  it("should list each program's matched applicants in the order of the program's list, both sides proposing, small and large rosters", () => {
    // Quotas up to 30 give rosters past the insertion-sort cut-off (16) as well as the usual one or two.
    fc.assert(
      fc.property(simpleScenario({ applicants: { min: 0, max: 60 }, programs: { min: 0, max: 4 }, maxQuota: 30 }), fc.constantFrom("applicant" as const, "program" as const), (scenario, side) => {
        const market = compileMarket(scenario);
        const result = collectResult(market, solve(market, { side }));
        const programOf = new Map(result.applicants.map((a) => [a.id, a.program]));
        result.programs.forEach((outcome, p) => {
          const program = scenario.programs[p]!;
          // Reference, from the scenario alone: the program's list, kept where the applicant is matched to it.
          const expected = program.rol.filter((a) => programOf.get(a) === program.id);
          expect(outcome.id).toBe(program.id);
          expect(outcome.matched).toEqual(expected);
          expect(outcome.unfilled).toBe(program.quota - expected.length);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("should list a program's two matches best first: p ranks b before a, both rank p first", () => {
    // Both applicants propose to p (their only choice, quota 2) and both are held; p's list says b, then a.
    const scenario = { programs: [{ id: "p", quota: 2, rol: ["b", "a"] }], applicants: [{ id: "a", rol: ["p"] }, { id: "b", rol: ["p"] }] };
    const market = compileMarket(scenario);
    expect(collectResult(market, solve(market)).programs[0]!.matched).toEqual(["b", "a"]);
  });
});
