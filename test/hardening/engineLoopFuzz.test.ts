import { checkFullStability, compileFullMarket, generateMarket, rothPeranson, toScenario, type FullMatching, type Scenario } from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { fullScenario } from "../arbitraries/fullMarket.ts";

/** How many markets each property tries (NOTES-harden.md reports these figures). */
export const ENGINE_FUZZ_RUNS = { small: 2000, variations: 2000, generated: 12 } as const;

const MAX_REORDERINGS = 6;

/**
 * The documented bound on work (NOTES-harden.md, "Limits"): each attempt admits nA + nC agents one step at a time,
 * then runs at most 2·nP + 16 end-game rounds and a polish of 1 + 8 steps; no step proposes more than
 * maxStep = 64·(total list length + nA) + 4096 times before it is declared a loop; at most maxReorderings + 1
 * attempts run. So proposals ≤ (maxReorderings + 1)·(nA + nC + 2·nP + 16 + 9)·maxStep.
 */
function proposalBound(scenario: Scenario, nA: number): number {
  const nC = scenario.couples?.length ?? 0;
  const nP = scenario.programs.length;
  const lists = scenario.applicants.reduce((n, a) => n + a.rol.length + (a.supplemental ?? []).reduce((k, s) => k + s.rol.length, 0), 0) + (scenario.couples ?? []).reduce((n, c) => n + c.rol.length, 0);
  const maxStep = 64 * (lists + nA) + 4096;
  return (MAX_REORDERINGS + 1) * (nA + nC + 2 * nP + 16 + 9) * maxStep;
}

/** Runs the full engine and checks that it ended within the bound and that what it reports matches the checker. */
function expectHonestOutcome(scenario: Scenario, seed: string): FullMatching {
  const market = compileFullMarket(scenario);
  const result = rothPeranson(market, { maxReorderings: MAX_REORDERINGS, rng: seedrandom(seed) });
  const report = checkFullStability(market, result);
  expect(result.proposals).toBeLessThanOrEqual(proposalBound(scenario, market.base.nA));
  expect(result.reorderings).toBeLessThanOrEqual(MAX_REORDERINGS);
  // "completed" promises a stable matching; anything else must be a matching the checker finds unstable.
  if (result.completed) expect(report).toMatchObject({ stable: true, blocking: [], overQuota: [], notMutual: [], splitCouples: [] });
  else expect(report.stable).toBe(false);
  if (result.loop !== null) expect(result.loopsDetected).toBeGreaterThan(0);
  return result;
}

describe("rothPeranson under fuzzing with many couples", () => {
  it("should end within its bound and report its outcome honestly, with up to 16 of 26 applicants in couples", () => {
    const markets = fullScenario({ singles: { min: 2, max: 10 }, couples: { min: 2, max: 8 }, programs: { min: 1, max: 6 }, maxQuota: 3, maxPairs: 8 });
    fc.assert(fc.property(markets, fc.nat(), (scenario, seed) => void expectHonestOutcome(scenario, String(seed))), { numRuns: ENGINE_FUZZ_RUNS.small });
  });

  it("should do the same with supplemental lists, reversions and even-number requests", () => {
    const markets = fullScenario({ singles: { min: 2, max: 8 }, couples: { min: 1, max: 6 }, programs: { min: 2, max: 6 }, maxQuota: 3, maxPairs: 6, variations: true });
    fc.assert(fc.property(markets, fc.nat(), (scenario, seed) => void expectHonestOutcome(scenario, String(seed))), { numRuns: ENGINE_FUZZ_RUNS.variations });
  });

  it("should do the same on generated NRMP-like markets with 40 % of applicants in couples", () => {
    for (let i = 0; i < ENGINE_FUZZ_RUNS.generated; i++) {
      const scenario = toScenario(generateMarket({ applicants: 400, couplesShare: 0.4 }, seedrandom(`harden-${i}`)));
      // toScenario lists couple members among the applicants.
      expect((scenario.couples ?? []).length * 2).toBeGreaterThan(0.3 * scenario.applicants.length);
      expectHonestOutcome(scenario, `seed-${i}`);
    }
  });

  it("should let a couple move up to a pair that keeps a member where she is (regression found by this fuzz)", () => {
    // c1 ranks (No Match, p4) over (p2, p4). At first c0a holds p4, so c1 takes (p2, p1); c3 then bumps c1b from p1
    // and c0b from p0, which withdraws c0a and frees p4, and c1 takes (p2, p4). Now (No Match, p4) blocks: c1b keeps
    // p4 and c1a leaves p2. The repair of p4 skipped the entries p4 held, c1b's among them, and the run called this
    // matching complete; a held couple member is now a repair candidate, and c1 ends at (No Match, p4).
    const scenario: Scenario = {
      programs: [
        { id: "p0", quota: 3, rol: ["s3", "s5", "c3b", "c0b"] },
        { id: "p1", quota: 3, rol: ["s2", "s1", "c3a", "c1b"] },
        { id: "p2", quota: 1, rol: ["c1a"] },
        { id: "p4", quota: 1, rol: ["c0a", "c1b"] },
      ],
      applicants: [{ id: "s1", rol: ["p1"] }, { id: "s2", rol: ["p1"] }, { id: "s3", rol: ["p0"] }, { id: "s5", rol: ["p0"] }],
      couples: [
        { members: ["c0a", "c0b"], rol: [["p4", "p0"]] },
        { members: ["c1a", "c1b"], rol: [[null, "p4"], ["p2", "p1"], ["p2", "p4"]] },
        { members: ["c3a", "c3b"], rol: [["p1", "p0"]] },
      ],
    };
    const market = compileFullMarket(scenario);
    const result = expectHonestOutcome(scenario, "0");
    expect(result.completed).toBe(true);
    const at = (id: string) => market.base.programIds[result.primaryOf[market.base.applicantIds.indexOf(id)]!] ?? null;
    expect([at("c1a"), at("c1b")]).toEqual([null, "p4"]);
  });

  it("should not call a run with a lent position left to claim back complete (regression found by this fuzz)", () => {
    // p1 reverts its position to p2, and p2 (holding s1, two open) reverts two to p3. The couple then takes
    // (p3, p2) and p2, now at quota 1, bumps s1; p3 fills one lent position and leaves the other unfilled, so p2
    // could claim it back and keep s1: (s1, p2) blocks. The engine used to report that run completed; it now
    // checks runs of markets with reversions and ends on a stable matching (p2 keeps c0b and s1).
    const scenario: Scenario = {
      programs: [
        { id: "p1", quota: 1, rol: [], revertsTo: "p2" },
        { id: "p2", quota: 2, rol: ["c0b", "s1"], revertsTo: "p3" },
        { id: "p3", quota: 0, rol: ["c0a"] },
      ],
      applicants: [{ id: "s1", rol: ["p2"] }],
      couples: [{ members: ["c0a", "c0b"], rol: [["p3", "p2"]] }],
    };
    const market = compileFullMarket(scenario);
    const result = expectHonestOutcome(scenario, "1");
    expect(result.completed).toBe(true);
    expect(result.primaryOf[market.base.applicantIds.indexOf("s1")]).toBe(market.base.programIds.indexOf("p2"));
  });
});
