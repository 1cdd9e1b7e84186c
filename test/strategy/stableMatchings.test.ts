import { compileMarket, countStableMatchings, findRotations, forEachStableMatching, isStable, programProposing, type Scenario } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeScenario, simpleScenario } from "../arbitraries/market.ts";
import { allStableMatchings, allStablePerfectMatchings } from "../support/naive.ts";
import { stableMatchingsByExposedRotations, stableMatchingsOfClone } from "../support/naiveLattice.ts";
import { walkRestart, walkRestartSmall } from "./examples.ts";

/** A matching as a canonical string of "applicant:program" pairs, for set comparison. */
const key = (scenario: Scenario, program: (i: number) => string | null): string =>
  scenario.applicants.map((a, i) => `${a.id}:${program(i) ?? "-"}`).join(",");

describe("forEachStableMatching", () => {
  it("should list exactly the brute-force stable matchings on tiny markets, each once", () => {
    fc.assert(
      fc.property(simpleScenario({ applicants: { min: 0, max: 7 }, programs: { min: 0, max: 4 }, maxQuota: 3 }), (scenario) => {
        const market = compileMarket(scenario);
        const listed: string[] = [];
        forEachStableMatching(findRotations(market), (matchOf) => {
          listed.push(key(scenario, (i) => (matchOf[i]! < 0 ? null : market.programIds[matchOf[i]!]!)));
        });
        const expected = allStableMatchings(scenario).map((m) => key(scenario, (i) => m.get(scenario.applicants[i]!.id) ?? null));
        expect(new Set(listed).size).toBe(listed.length);
        expect([...listed].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 300 },
    );
  });

  it("should list exactly the brute-force stable matchings of complete markets, which have many", () => {
    const markets = fc.oneof(
      completeScenario({ applicants: 5, programs: 5, maxQuota: 1 }),
      completeScenario({ applicants: 6, programs: 3, maxQuota: 2 }),
    );
    fc.assert(
      fc.property(markets, (scenario) => {
        const market = compileMarket(scenario);
        const listed: string[] = [];
        forEachStableMatching(findRotations(market), (matchOf) => {
          listed.push(key(scenario, (i) => (matchOf[i]! < 0 ? null : market.programIds[matchOf[i]!]!)));
        });
        const expected = allStableMatchings(scenario).map((m) => key(scenario, (i) => m.get(scenario.applicants[i]!.id) ?? null));
        expect([...listed].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 100, examples: [[walkRestartSmall]] },
    );
  });

  it("should list the same matchings as a search by exposed rotations on one-to-one markets too large for brute force", () => {
    const markets = fc.oneof(
      completeScenario({ applicants: 9, programs: 9, maxQuota: 1 }),
      simpleScenario({ applicants: { min: 8, max: 14 }, programs: { min: 8, max: 14 }, maxQuota: 1 }).map((s) => ({
        ...s,
        programs: s.programs.map((p) => ({ ...p, quota: 1 })),
      })),
    );
    fc.assert(
      fc.property(markets, (scenario) => {
        const market = compileMarket(scenario);
        const listed: string[] = [];
        forEachStableMatching(findRotations(market), (matchOf) => {
          listed.push(key(scenario, (i) => (matchOf[i]! < 0 ? null : market.programIds[matchOf[i]!]!)));
        });
        const expected = stableMatchingsByExposedRotations(scenario).map((m) => key(scenario, (i) => m.get(scenario.applicants[i]!.id) ?? null));
        expect([...listed].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 200, examples: [[walkRestart]] },
    );
  });

  it("should list the same matchings as a search by exposed rotations on the one-to-one clone of many-to-one markets", () => {
    const markets = fc.oneof(
      completeScenario({ applicants: 9, programs: 4, maxQuota: 3 }),
      simpleScenario({ applicants: { min: 8, max: 14 }, programs: { min: 3, max: 7 }, maxQuota: 3 }),
    );
    fc.assert(
      fc.property(markets, (scenario) => {
        const market = compileMarket(scenario);
        const listed: string[] = [];
        forEachStableMatching(findRotations(market), (matchOf) => {
          listed.push(key(scenario, (i) => (matchOf[i]! < 0 ? null : market.programIds[matchOf[i]!]!)));
        });
        const expected = stableMatchingsOfClone(scenario).map((m) => key(scenario, (i) => m.get(scenario.applicants[i]!.id) ?? null));
        expect([...listed].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 150 },
    );
  });

  it("forEachStableMatching(findRotations(market)) lists the 5 brute-force stable matchings of a market whose walk must come back to its first applicant", () => {
    // test/strategy/examples.ts works out the lattice: ρ0 and ρ1 from the start, ρ2 after both, so 5 closed sets.
    // The rotation walk met ρ0 and ρ1 each with their first applicant at the bottom of its stack and used to stop
    // there, finding 2 rotations and 4 matchings, the last of them not the program-optimal one.
    const market = compileMarket(walkRestart);
    const poset = findRotations(market);
    const listed: string[] = [];
    let all: Int32Array | undefined;
    forEachStableMatching(poset, (matchOf, applied) => {
      listed.push(key(walkRestart, (i) => market.programIds[matchOf[i]!]!));
      if (applied.length === poset.count) all = matchOf.slice();
    });
    const bruteForce = allStablePerfectMatchings(walkRestart).map((m) => key(walkRestart, (i) => m.get(walkRestart.applicants[i]!.id)!));
    expect(bruteForce).toHaveLength(5);
    expect(poset.count).toBe(3);
    expect([...listed].sort()).toEqual([...bruteForce].sort());
    expect(all).toEqual(programProposing(market).matchOf);
  });

  it("should visit only stable, distinct matchings on markets too large for brute force", () => {
    // Both precedence rules matter here: without the "passed-over slot" rule, unstable matchings get listed.
    const markets = fc.oneof(
      simpleScenario({ applicants: { min: 8, max: 12 }, programs: { min: 8, max: 12 }, maxQuota: 1 }),
      simpleScenario({ applicants: { min: 10, max: 16 }, programs: { min: 4, max: 8 }, maxQuota: 3 }),
    );
    fc.assert(
      fc.property(markets, (scenario) => {
        const market = compileMarket(scenario);
        const seen = new Set<string>();
        forEachStableMatching(findRotations(market), (matchOf) => {
          expect(isStable(market, matchOf)).toBe(true);
          seen.add(matchOf.join(","));
        });
        expect(countStableMatchings(findRotations(market))).toEqual({ count: seen.size, complete: true });
      }),
      { numRuns: 300 },
    );
  });

  it("should start at the applicant-optimal matching and end at the program-optimal one", () => {
    // Complete lists give long walks with many rotations, where one missed rotation shows at the end.
    const markets = fc.oneof(
      simpleScenario({ applicants: { min: 1, max: 10 }, programs: { min: 1, max: 5 }, maxQuota: 3 }),
      completeScenario({ applicants: 9, programs: 9, maxQuota: 1 }),
      completeScenario({ applicants: 12, programs: 5, maxQuota: 3 }),
    );
    fc.assert(
      fc.property(markets, (scenario) => {
        const market = compileMarket(scenario);
        const poset = findRotations(market);
        const seen: Int32Array[] = [];
        let all: Int32Array | undefined;
        forEachStableMatching(poset, (matchOf, applied) => {
          seen.push(matchOf.slice());
          if (applied.length === poset.count) all = matchOf.slice();
        });
        expect(seen[0]).toEqual(poset.applicantOptimal);
        expect(all).toEqual(programProposing(market).matchOf);
      }),
    );
  });

  it("should stop at the limit", () => {
    // The APPIC 2×2 market has exactly two stable matchings (ALGORITHM.md §14.2).
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
    const poset = findRotations(compileMarket(appic));
    expect(poset.count).toBe(1);
    expect(countStableMatchings(poset)).toEqual({ count: 2, complete: true });
    expect(countStableMatchings(poset, { limit: 1 })).toEqual({ count: 1, complete: false });
    expect(countStableMatchings(poset, { limit: 2 })).toEqual({ count: 2, complete: true });
  });
});
