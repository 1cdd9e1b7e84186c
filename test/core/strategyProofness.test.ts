import type { Scenario } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";
import { allLists, assignmentOf } from "../support/run.ts";

/** Her rank of `program` by her true list; unmatched (null) is worse than any ranked program. */
const trueRank = (trueList: readonly string[], program: string | null | undefined): number =>
  program === null || program === undefined ? Infinity : trueList.indexOf(program) < 0 ? Infinity : trueList.indexOf(program);

describe("applicant-proposing deferred acceptance is strategy-proof for applicants", () => {
  it("should not reward any reordering or truncation of one's own list (checked exhaustively on small markets)", () => {
    const market = simpleScenario({ applicants: { min: 1, max: 6 }, programs: { min: 1, max: 4 }, maxQuota: 2 }).chain((scenario) =>
      fc.tuple(fc.constant(scenario), fc.nat({ max: scenario.applicants.length - 1 })),
    );
    fc.assert(
      fc.property(market, ([scenario, who]) => {
        const me = scenario.applicants[who]!;
        const truthful = trueRank(me.rol, assignmentOf(scenario).get(me.id));
        // Every list she could submit over all programs, including ones absent from her true list.
        for (const list of allLists(scenario.programs.map((p) => p.id))) {
          const variant: Scenario = { ...scenario, applicants: scenario.applicants.map((a, i) => (i === who ? { ...a, rol: list } : a)) };
          expect(trueRank(me.rol, assignmentOf(variant).get(me.id))).toBeGreaterThanOrEqual(truthful);
        }
      }),
      { numRuns: 100 },
    );
  });
});
