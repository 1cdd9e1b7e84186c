import { compileFullMarket, compileMarket, deferredAcceptance, rothPeranson, type Scenario } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullScenario } from "../arbitraries/fullMarket.ts";
import { simpleScenario } from "../arbitraries/market.ts";
import { allFeasibleMatchings, naiveFullBlocking } from "../support/naiveCouples.ts";
import { runFull } from "../support/runFull.ts";

const withCouples = fullScenario({ singles: { min: 0, max: 8 }, couples: { min: 1, max: 4 }, programs: { min: 1, max: 5 } });
const withEverything = fullScenario({ singles: { min: 0, max: 8 }, couples: { min: 0, max: 3 }, programs: { min: 1, max: 6 }, variations: true });
// The naive reference has no notion of reversions or even requests, so the markets compared with it have none.
const withoutReversions = (s: Scenario): Scenario => ({ ...s, programs: s.programs.map(({ revertsTo: _, evenOnly: __, ...p }) => p) });
const tiny = fullScenario({ singles: { min: 0, max: 3 }, couples: { min: 1, max: 2 }, programs: { min: 1, max: 3 }, maxQuota: 2, maxPairs: 3, variations: true }).map(withoutReversions);
const originalQuota = (scenario: Scenario) => (p: string) => scenario.programs.find((x) => x.id === p)!.quota;

describe("rothPeranson(market) on simple markets", () => {
  it("should equal applicant-proposing deferred acceptance exactly", () => {
    fc.assert(
      fc.property(simpleScenario({ applicants: { min: 0, max: 15 }, programs: { min: 0, max: 6 } }), (scenario) => {
        const full = rothPeranson(compileFullMarket(scenario));
        const da = deferredAcceptance(compileMarket(scenario));
        expect([...full.primaryOf]).toEqual([...da.matchOf]);
        expect(full.completed).toBe(true);
        expect(full.reorderings).toBe(0);
      }),
    );
  });
});

describe("rothPeranson(market) with couples", () => {
  it("should match both partners of a couple or neither", () => {
    fc.assert(
      fc.property(withCouples, (scenario) => {
        const { result } = runFull(scenario);
        for (const couple of result.couples) {
          const [a, b] = couple.members.map((id) => result.applicants.find((x) => x.id === id)!);
          if (couple.pair === null) expect([a!.program, b!.program]).toEqual([null, null]);
          else expect([a!.program, b!.program]).toEqual(couple.pair);
        }
      }),
    );
  });

  it("should match a couple only at a pair on its list", () => {
    fc.assert(
      fc.property(withCouples, (scenario) => {
        const { result } = runFull(scenario);
        result.couples.forEach((couple, c) => {
          if (couple.rank === null) return;
          expect(scenario.couples![c]!.rol[couple.rank - 1]).toEqual(couple.pair);
        });
      }),
    );
  });

  it("should report stable exactly when the naive definition finds no blocking single, couple or supplemental case", () => {
    fc.assert(
      fc.property(withEverything.map(withoutReversions), (scenario) => {
        const run = runFull(scenario);
        const naive = naiveFullBlocking(scenario, run.naive, originalQuota(scenario));
        expect(run.blockingCount).toBe(naive.length);
      }),
    );
  });

  it("should return a stable matching whenever it completes without giving up", () => {
    fc.assert(
      fc.property(withEverything, (scenario) => {
        const run = runFull(scenario);
        if (run.result.completed) expect(run.stable).toBe(true);
      }),
    );
  });

  it("should find no blocking pair or couple by brute force when it reports stable, and give up only when no stable matching exists", () => {
    fc.assert(
      fc.property(tiny, (scenario) => {
        const run = runFull(scenario);
        const quota = originalQuota(scenario);
        if (run.stable) expect(naiveFullBlocking(scenario, run.naive, quota)).toEqual([]);
        const stableExists = allFeasibleMatchings(scenario).some((m) => naiveFullBlocking(scenario, m, quota).length === 0);
        if (!stableExists) expect(run.result.completed).toBe(false);
      }),
    );
  });
});
