import { compileFullMarket, compileGeneratedFull, generateMarket, rothPeranson, type FullMatching, type Scenario } from "@matchlab/core";
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

const resumedAtMark: Scenario = {
  programs: [
    { id: "p0", quota: 2, rol: ["s3", "s4", "c3a", "s7", "c3b"], track: "categorical" },
    { id: "p1", quota: 3, rol: ["c1a", "c3b", "s7", "s5", "s3", "c3a"], track: "categorical" },
    { id: "p2", quota: 2, rol: ["s5", "c3b", "s0", "s4", "c2b"], track: "categorical" },
    { id: "p3", quota: 0, rol: [], track: "categorical" },
  ],
  applicants: [
    { id: "s0", rol: ["p2"] }, { id: "s1", rol: [] }, { id: "s2", rol: [] }, { id: "s3", rol: ["p1", "p0"] },
    { id: "s4", rol: ["p2", "p0"] }, { id: "s5", rol: ["p1", "p2"] }, { id: "s6", rol: [] }, { id: "s7", rol: ["p0", "p1"] },
  ],
  couples: [
    { members: ["c0a", "c0b"], rol: [] },
    { members: ["c1a", "c1b"], rol: [["p1", null]] },
    { members: ["c2a", "c2b"], rol: [["p2", "p2"]] },
    { members: ["c3a", "c3b"], rol: [["p0", "p1"], ["p1", "p2"]] },
  ],
};

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
      // A repair that stopped at its vacancies once resumed at the next marked entry, a place the marks decided:
      // this market then matched differently with every entry marked (the fix resumes right after the last taker).
      { numRuns: 1500, examples: [[resumedAtMark, 0]] },
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
