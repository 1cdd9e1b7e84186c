import { compileMarket, createStrategyAnalyzer, exhaustiveCheck, listCount, whatIf, type Scenario } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";
import { allLists, assignmentOf } from "../support/run.ts";
import { echo } from "./examples.ts";

/** A market with one applicant singled out. */
const marketWithApplicant = (programs = 5) =>
  simpleScenario({ applicants: { min: 1, max: 7 }, programs: { min: 1, max: programs }, maxQuota: 2 }).chain((scenario) =>
    fc.tuple(fc.constant(scenario), fc.nat({ max: scenario.applicants.length - 1 })),
  );

/** Her program when she submits `list` and everyone else keeps theirs: a full rerun of the engine on ids. */
const literalOutcome = (scenario: Scenario, who: number, list: string[]): string | null => {
  const variant: Scenario = { ...scenario, applicants: scenario.applicants.map((a, i) => (i === who ? { ...a, rol: list } : a)) };
  return assignmentOf(variant).get(scenario.applicants[who]!.id) ?? null;
};

describe("exhaustiveCheck", () => {
  it("should equal literal enumeration of every list on random small markets", () => {
    fc.assert(
      fc.property(marketWithApplicant(), ([scenario, who]) => {
        const trueList = scenario.applicants[who]!.rol;
        // Literal: rerun the whole match for each list, score by her true list (unmatched = length).
        const score = (p: string | null): number => (p === null ? trueList.length : trueList.indexOf(p));
        const truthful = score(literalOutcome(scenario, who, trueList));
        let better = 0;
        let ties = 0;
        let worse = 0;
        let best = trueList.length;
        const lists = allLists(trueList);
        const byOutcome = new Array<number>(trueList.length + 1).fill(0);
        for (const list of lists) {
          const s = score(literalOutcome(scenario, who, list));
          byOutcome[s]!++;
          if (s < truthful) better++;
          else if (s === truthful) ties++;
          else worse++;
          best = Math.min(best, s);
        }
        const market = compileMarket(scenario);
        const result = exhaustiveCheck(createStrategyAnalyzer(market, { applicant: who }));
        expect(result.listsTried).toBe(lists.length);
        expect({ better: result.better, ties: result.ties, worse: result.worse }).toEqual({ better, ties, worse });
        expect(result.byOutcome).toEqual(byOutcome);
        expect(result.truthful.score).toBe(truthful);
        expect(result.best.score).toBe(best);
        expect(literalOutcome(scenario, who, result.best.list.map((p) => market.programIds[p]!))).toBe(best < trueList.length ? trueList[best] : null);
      }),
      // The echo market: a chain of bumps comes back to displace Iris (see examples.ts).
      { numRuns: 150, examples: [[[echo, 2]]] },
    );
  });

  it("should never find a list that beats truthful for any single applicant", () => {
    fc.assert(
      fc.property(marketWithApplicant(6), ([scenario, who]) => {
        const result = exhaustiveCheck(createStrategyAnalyzer(compileMarket(scenario), { applicant: who }));
        expect(result.better).toBe(0);
        expect(result.best.score).toBe(result.truthful.score);
      }),
    );
  });

  it("should count every list exactly for long lists, where enumeration would be out of reach", () => {
    // Twelve programs of one position; "a" ranks them all. Program P0 ranks someone else first who also wants it,
    // so her budget set is P1 … P11: every list gets its first entry other than P0, or nothing.
    const ids = Array.from({ length: 12 }, (_, i) => `P${i}`);
    const scenario: Scenario = {
      programs: ids.map((id) => ({ id, quota: 1, rol: id === "P0" ? ["rival", "a"] : ["a"] })),
      applicants: [{ id: "a", rol: ids }, { id: "rival", rol: ["P0"] }],
    };
    const result = exhaustiveCheck(createStrategyAnalyzer(compileMarket(scenario), { applicant: 0 }), { maxPrograms: 12 });
    expect(result.listsTried).toBe(listCount(12));
    expect(result.truthful.trueRank).toBe(2);
    // Tied with truthful (P1): lists starting with P1, or with P0 then P1. Everything else is worse: a later
    // program, or nothing (the empty list and [P0]).
    expect(result.ties).toBe(listCount(11) + listCount(10));
    expect(result.worse).toBe(listCount(12) - listCount(11) - listCount(10));
    expect(result.better).toBe(0);
  });

  it("should refuse an applicant with more acceptable programs than maxPrograms", () => {
    const scenario: Scenario = {
      programs: ["P", "Q", "R"].map((id) => ({ id, quota: 1, rol: ["a"] })),
      applicants: [{ id: "a", rol: ["P", "Q", "R"] }],
    };
    const analyzer = createStrategyAnalyzer(compileMarket(scenario), { applicant: 0 });
    expect(() => exhaustiveCheck(analyzer, { maxPrograms: 2 })).toThrow(/exhaustiveCheck: the applicant ranks 3 programs, over the limit of 2/);
  });
});

describe("listCount", () => {
  it("listCount(m) counts every ordering of every subset, the empty list included", () => {
    for (let m = 0; m <= 5; m++) expect(listCount(m)).toBe(allLists(Array.from({ length: m }, (_, i) => i)).length);
    // 8 programs: 1 + 8 + 56 + 336 + 1680 + 6720 + 20160 + 40320 + 40320.
    expect(listCount(8)).toBe(109_601);
  });
});

describe("whatIf", () => {
  it("should give the same outcome as rerunning the match for any submitted list, extended ones included", () => {
    const input = marketWithApplicant().chain(([scenario, who]) =>
      fc.tuple(fc.constant(scenario), fc.constant(who), fc.array(fc.shuffledSubarray(scenario.programs.map((p) => p.id)), { minLength: 1, maxLength: 4 })),
    );
    fc.assert(
      fc.property(input, ([scenario, who, lists]) => {
        const market = compileMarket(scenario);
        const analyzer = createStrategyAnalyzer(market, { applicant: who });
        const index = new Map(market.programIds.map((id, p) => [id, p]));
        for (const list of lists) {
          const result = whatIf(analyzer, list.map((id) => index.get(id)!));
          const got = result.submitted.program < 0 ? null : market.programIds[result.submitted.program];
          expect(got).toBe(literalOutcome(scenario, who, list));
          expect(result.verdict).not.toBe("better");
        }
      }),
      { numRuns: 150 },
    );
  });

  it("whatIf rejects a program index out of range", () => {
    const scenario: Scenario = { programs: [{ id: "P", quota: 1, rol: ["a"] }], applicants: [{ id: "a", rol: ["P"] }] };
    const analyzer = createStrategyAnalyzer(compileMarket(scenario), { applicant: 0 });
    expect(() => whatIf(analyzer, [3])).toThrow(/whatIf: submitted\[0\] must be a program index in \[0, 1\), got 3/);
  });
});
