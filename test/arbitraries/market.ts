import fc from "fast-check";
import type { Scenario } from "@matchlab/core";

export interface MarketConstraints {
  /** Applicants, inclusive bounds. */
  applicants?: { min: number; max: number };
  programs?: { min: number; max: number };
  maxQuota?: number;
}

/**
 * Simple markets (no couples), valid by construction: unique ids, each list a duplicate-free shuffled subset of
 * the other side. Ids are drawn so that some collide with Object.prototype names.
 */
export function simpleScenario(constraints: MarketConstraints = {}): fc.Arbitrary<Scenario> {
  // Defaults keep markets crowded (more applicants than positions), so full programs and bumps are common.
  const { applicants = { min: 0, max: 10 }, programs = { min: 0, max: 4 }, maxQuota = 3 } = constraints;
  return fc
    .record({
      nA: fc.integer(applicants),
      nP: fc.integer(programs),
      awkwardIds: fc.boolean(),
    })
    .chain(({ nA, nP, awkwardIds }) => {
      const applicantIds = Array.from({ length: nA }, (_, i) => (awkwardIds && i === 0 ? "__proto__" : `a${i}`));
      const programIds = Array.from({ length: nP }, (_, i) => (awkwardIds && i === 0 ? "constructor" : `p${i}`));
      return fc.record({
        programs: fc.tuple(
          ...programIds.map((id) =>
            fc.record({ id: fc.constant(id), quota: fc.integer({ min: 0, max: maxQuota }), rol: fc.shuffledSubarray(applicantIds) }),
          ),
        ),
        applicants: fc.tuple(...applicantIds.map((id) => fc.record({ id: fc.constant(id), rol: fc.shuffledSubarray(programIds) }))),
      });
    })
    .map(({ programs, applicants }) => ({ programs, applicants }));
}

/** Shuffles an array with a fast-check-supplied permutation (for order-independence properties). */
export function permutation(n: number): fc.Arbitrary<number[]> {
  return fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n });
}

/** Any assignment of applicants to programs (or none), ignoring quotas and lists: for checking stability checkers. */
export function anyAssignment(scenario: Scenario): fc.Arbitrary<Array<number>> {
  const n = scenario.programs.length;
  return fc.tuple(...scenario.applicants.map(() => fc.integer({ min: -1, max: n - 1 })));
}

/**
 * Simple markets where everyone ranks everyone (random orders): these have many stable matchings, so rotations
 * and their precedence get exercised. Keep them tiny for brute-force checks.
 */
export function completeScenario(constraints: { applicants: number; programs: number; maxQuota: number }): fc.Arbitrary<Scenario> {
  const applicantIds = Array.from({ length: constraints.applicants }, (_, i) => `a${i}`);
  const programIds = Array.from({ length: constraints.programs }, (_, i) => `p${i}`);
  const order = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
  return fc.record({
    programs: fc.tuple(...programIds.map((id) => fc.record({ id: fc.constant(id), quota: fc.integer({ min: 1, max: constraints.maxQuota }), rol: order(applicantIds) }))),
    applicants: fc.tuple(...applicantIds.map((id) => fc.record({ id: fc.constant(id), rol: order(programIds) }))),
  });
}
