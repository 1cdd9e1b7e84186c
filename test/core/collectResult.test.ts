import { collectResult, compileMarket, solve } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";

describe("collectResult(market, matching)", () => {
  it("should list each program's matches in the program's order of preference, and each applicant's program and rank", () => {
    // Quotas up to 30 give large rosters as well as the usual one or two.
    const market = fc.record({ scenario: simpleScenario({ applicants: { min: 0, max: 60 }, programs: { min: 0, max: 4 }, maxQuota: 30 }), side: fc.constantFrom("applicant" as const, "program" as const) });
    fc.assert(
      fc.property(market, ({ scenario, side }) => {
        const compiled = compileMarket(scenario);
        const result = collectResult(compiled, solve(compiled, { side }));
        const programOf = new Map(result.applicants.map((a) => [a.id, a.program]));
        // Independently, from the scenario's own lists: a program's roster is its list filtered to those matched to it.
        for (const [p, program] of scenario.programs.entries()) {
          const roster = result.programs[p]!;
          expect(roster.matched).toEqual(program.rol.filter((a) => programOf.get(a) === program.id));
          expect(roster.unfilled).toBe(program.quota - roster.matched.length);
        }
        for (const [a, applicant] of scenario.applicants.entries()) {
          const outcome = result.applicants[a]!;
          expect(outcome.rank).toBe(outcome.program === null ? null : applicant.rol.indexOf(outcome.program) + 1);
        }
        expect(result.stats.rankDistribution.reduce((sum, n) => sum + n, 0)).toBe(result.stats.matched);
      }),
      { numRuns: 300 },
    );
  });

  it("should order a roster by the program's list, not by applicant index", () => {
    // P ranks a2 first, then a0, then a1; all three rank only P, which has three positions: all match.
    const scenario = { programs: [{ id: "P", quota: 3, rol: ["a2", "a0", "a1"] }], applicants: ["a0", "a1", "a2"].map((id) => ({ id, rol: ["P"] })) };
    const market = compileMarket(scenario);
    expect(collectResult(market, solve(market)).programs[0]!.matched).toEqual(["a2", "a0", "a1"]);
  });
});
