import { checkStability, compileMarket, solve, type Scenario, type Side } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { permutation, simpleScenario } from "../arbitraries/market.ts";
import { allStableMatchings, extremePartner, naiveBlockingPairs, naiveIsIndividuallyRational } from "../support/naive.ts";
import { assignmentOf } from "../support/run.ts";

const sides: Side[] = ["applicant", "program"];
const tiny = simpleScenario({ applicants: { min: 0, max: 5 }, programs: { min: 0, max: 4 }, maxQuota: 2 });

describe.each(sides)("solve(market, { side: %j })", (side) => {
  it("should produce a stable matching, by the engine's checker and by the naive definition", () => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const market = compileMarket(scenario);
        const matching = solve(market, { side });
        expect(checkStability(market, matching.matchOf).blockingPairs).toEqual([]);
        expect(naiveBlockingPairs(scenario, assignmentOf(scenario, side))).toEqual([]);
      }),
    );
  });

  it("should respect every quota and pair only mutually ranked partners", () => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        expect(naiveIsIndividuallyRational(scenario, assignmentOf(scenario, side))).toBe(true);
      }),
    );
  });

  it("should not depend on the input order of applicants and programs", () => {
    const shuffled = simpleScenario().chain((scenario) =>
      fc.tuple(fc.constant(scenario), permutation(scenario.applicants.length), permutation(scenario.programs.length)),
    );
    fc.assert(
      fc.property(shuffled, ([scenario, order, programOrder]) => {
        const reordered: Scenario = {
          applicants: order.map((i) => scenario.applicants[i]!),
          programs: programOrder.map((i) => scenario.programs[i]!),
        };
        const sortById = (m: Map<string, string | null>) => [...m].sort(([x], [y]) => (x < y ? -1 : 1));
        expect(sortById(assignmentOf(reordered, side))).toEqual(sortById(assignmentOf(scenario, side)));
      }),
    );
  });

  it("should leave every held applicant's matchEntry pointing at her matched program", () => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const market = compileMarket(scenario);
        const { matchOf, matchEntry } = solve(market, { side });
        for (let a = 0; a < market.nA; a++) {
          expect(matchEntry[a]! < 0 ? -1 : market.appRol[matchEntry[a]!]).toBe(matchOf[a]);
        }
      }),
    );
  });
});

describe("deferred acceptance against brute force on tiny markets", () => {
  it("should match the brute-force applicant-optimal stable matching when applicants propose", () => {
    fc.assert(
      fc.property(tiny, (scenario) => {
        const stable = allStableMatchings(scenario);
        expect(assignmentOf(scenario, "applicant")).toEqual(extremePartner(scenario, stable, "best"));
      }),
    );
  });

  it("should match the brute-force program-optimal stable matching when programs propose", () => {
    // In a many-to-one market the program-optimal stable matching gives every applicant her worst stable partner.
    fc.assert(
      fc.property(tiny, (scenario) => {
        const stable = allStableMatchings(scenario);
        expect(assignmentOf(scenario, "program")).toEqual(extremePartner(scenario, stable, "worst"));
      }),
    );
  });

  it("should find a matching among the brute-force stable ones, which always exist in a simple market", () => {
    fc.assert(
      fc.property(tiny, (scenario) => {
        const stable = allStableMatchings(scenario).map((m) => JSON.stringify([...m]));
        expect(stable).toContain(JSON.stringify([...assignmentOf(scenario, "applicant")]));
      }),
    );
  });
});

describe("rural hospitals theorem", () => {
  it("should match the same set of applicants and fill the same positions under both sides", () => {
    fc.assert(
      fc.property(simpleScenario({ applicants: { min: 0, max: 12 }, programs: { min: 0, max: 6 } }), (scenario) => {
        const byApplicants = assignmentOf(scenario, "applicant");
        const byPrograms = assignmentOf(scenario, "program");
        const matchedSet = (m: Map<string, string | null>) => [...m].filter(([, p]) => p !== null).map(([a]) => a).sort();
        const fill = (m: Map<string, string | null>) => scenario.programs.map((p) => [...m.values()].filter((x) => x === p.id).length);
        expect(matchedSet(byPrograms)).toEqual(matchedSet(byApplicants));
        expect(fill(byPrograms)).toEqual(fill(byApplicants));
      }),
    );
  });
});
