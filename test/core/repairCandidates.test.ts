import { compileFullMarket, compileGeneratedFull, generateMarket, rothPeranson, type FullMatching } from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it, vi } from "vitest";
import { fullScenario } from "../arbitraries/fullMarket.ts";

/**
 * The repair step looks only at program-list entries marked as candidates (repairCandidates.ts): applicants who
 * were rejected by or bumped from the program, and couples' entries. The marks are meant to be a superset of the
 * applicants the full scan would push, so the engine must behave exactly as before. Proof: a second copy of the
 * engine whose marks start all set (so the repair scans every entry, as it did before the marks, and neither the
 * lazy marking of markPassed nor the couples' marks add anything) must give the same matching, the same method and
 * the same number of proposals on every market.
 */
type Engine = typeof rothPeranson;

async function engineScanningEveryEntry(): Promise<Engine> {
  vi.resetModules();
  vi.doMock("../../packages/core/src/rules/repairCandidates.ts", async (importOriginal) => ({
    ...(await importOriginal<typeof import("../../packages/core/src/rules/repairCandidates.ts")>()),
    resetCandidates: (wants: Int32Array) => wants.fill(-1),
  }));
  const engine = (await import("../../packages/core/src/rules/rothPeranson.ts")).rothPeranson;
  vi.doUnmock("../../packages/core/src/rules/repairCandidates.ts");
  return engine;
}

function outcome(x: FullMatching) {
  const { primaryOf, supplementalOf, couplePair, quota, method, proposals, loopsDetected, completed } = x;
  return { primaryOf: [...primaryOf], supplementalOf: [...supplementalOf], couplePair: [...couplePair], quota: [...quota], method, proposals, loopsDetected, completed };
}

describe("the repair step's candidate marks", () => {
  it("should change nothing on small markets with couples, supplemental lists, reversions and even requests", async () => {
    const full = await engineScanningEveryEntry();
    const markets = fullScenario({ singles: { min: 2, max: 10 }, couples: { min: 0, max: 5 }, programs: { min: 2, max: 6 }, maxQuota: 3, maxPairs: 6, variations: true });
    fc.assert(
      fc.property(markets, fc.nat(), (scenario, seed) => {
        const m = compileFullMarket(scenario);
        const options = { maxReorderings: 4, rng: seedrandom(String(seed)) };
        const marked = rothPeranson(m, options);
        expect(outcome(marked)).toEqual(outcome(full(m, { ...options, rng: seedrandom(String(seed)) })));
      }),
      { numRuns: 1500 },
    );
  });

  it("should change nothing on generated NRMP-like markets with 5 % in couples and 10 % with supplemental lists", async () => {
    const full = await engineScanningEveryEntry();
    for (let i = 0; i < 6; i++) {
      const generated = generateMarket({ applicants: 3000, couplesShare: 0.05, supplementalShare: 0.1, reversionShare: 0.05 }, seedrandom.alea(`marks-${i}`));
      const m = compileGeneratedFull(generated);
      const marked = rothPeranson(m, { rng: seedrandom("1") });
      // The marks must actually skip work here (supplemental lists make vacancies), or this test proves nothing.
      expect(marked.supplementalOf.some((p) => p >= 0)).toBe(true);
      expect(outcome(marked)).toEqual(outcome(full(m, { rng: seedrandom("1") })));
    }
  });
});
