import { compileMarket, createStrategyAnalyzer, exhaustiveCheck, literalExhaustiveCheck, type Scenario, type Side } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";
import { allLists, assignmentOf } from "../support/run.ts";

const marketWithApplicant = simpleScenario({ applicants: { min: 1, max: 6 }, programs: { min: 1, max: 4 }, maxQuota: 2 }).chain((scenario) =>
  fc.tuple(fc.constant(scenario), fc.nat({ max: scenario.applicants.length - 1 }), fc.constantFrom<Side>("applicant", "program")),
);

describe("literalExhaustiveCheck", () => {
  it("should count lists like a rerun of the whole scenario per list, under either side", () => {
    fc.assert(
      fc.property(marketWithApplicant, ([scenario, who, side]) => {
        const trueList = scenario.applicants[who]!.rol;
        const score = (list: string[]): number => {
          const variant: Scenario = { ...scenario, applicants: scenario.applicants.map((a, i) => (i === who ? { ...a, rol: list } : a)) };
          const p = assignmentOf(variant, side).get(scenario.applicants[who]!.id) ?? null;
          return p === null ? trueList.length : trueList.indexOf(p);
        };
        const truthful = score(trueList);
        const scores = allLists(trueList).map(score);
        const result = literalExhaustiveCheck(compileMarket(scenario), { applicant: who, side });
        expect(result.truthful.score).toBe(truthful);
        expect(result.best.score).toBe(Math.min(...scores));
        expect(result.better).toBe(scores.filter((s) => s < truthful).length);
        expect(result.ties).toBe(scores.filter((s) => s === truthful).length);
        expect(result.worse).toBe(scores.filter((s) => s > truthful).length);
        expect(score(result.best.list.map((p) => scenario.programs[p]!.id))).toBe(result.best.score);
      }),
      { numRuns: 150 },
    );
  });

  it("should agree with the budget-set fast path under applicant-proposing", () => {
    fc.assert(
      fc.property(marketWithApplicant, ([scenario, who]) => {
        const market = compileMarket(scenario);
        const fast = exhaustiveCheck(createStrategyAnalyzer(market, { applicant: who }));
        const literal = literalExhaustiveCheck(market, { applicant: who });
        expect({ better: literal.better, ties: literal.ties, worse: literal.worse, listsTried: literal.listsTried, best: literal.best.score }).toEqual({
          better: fast.better, ties: fast.ties, worse: fast.worse, listsTried: fast.listsTried, best: fast.best.score,
        });
      }),
      { numRuns: 150 },
    );
  });

  it("should find the list that beats truthful under program-proposing (APPIC 2×2)", () => {
    // Program-proposing gives Y her 2nd choice A. Ranking only B, she turns A down; A then offers Z, who leaves B
    // for A, and B offers Y. Of her 5 lists, [B] does better, [] worse, the other 3 the same.
    const appic: Scenario = {
      programs: [
        { id: "A", quota: 1, rol: ["Y", "Z"] },
        { id: "B", quota: 1, rol: ["Z", "Y"] },
      ],
      applicants: [
        { id: "Y", rol: ["B", "A"] },
        { id: "Z", rol: ["A", "B"] },
      ],
    };
    const result = literalExhaustiveCheck(compileMarket(appic), { applicant: 0, side: "program" });
    expect(result).toEqual({ truthful: { program: 0, score: 1 }, best: { program: 1, score: 0, list: [1] }, listsTried: 5, better: 1, ties: 3, worse: 1 });
  });
});
