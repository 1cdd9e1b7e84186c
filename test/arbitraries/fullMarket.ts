import fc from "fast-check";
import type { Scenario } from "@matchlab/core";

export interface FullMarketConstraints {
  singles?: { min: number; max: number };
  couples?: { min: number; max: number };
  programs?: { min: number; max: number };
  maxQuota?: number;
  /** Most pairs on a couple's list. */
  maxPairs?: number;
  /** Draw tracks, supplemental lists and reversions too. */
  variations?: boolean;
}

type Track = "categorical" | "preliminary" | "advanced";

/**
 * Markets with couples (and, with `variations`, supplemental lists and reversions), valid by construction:
 * couple members have no individual list, pairs are distinct and never (null, null), supplemental lists rank
 * preliminary programs and link to advanced programs the applicant ranked, reversions point to a later program
 * (so they never cycle); some programs make even-number requests.
 */
export function fullScenario(constraints: FullMarketConstraints = {}): fc.Arbitrary<Scenario> {
  const { singles = { min: 0, max: 6 }, couples = { min: 0, max: 3 }, programs = { min: 1, max: 5 }, maxQuota = 2, maxPairs = 5, variations = false } = constraints;
  return fc
    .record({ nS: fc.integer(singles), nC: fc.integer(couples), nP: fc.integer(programs) })
    .chain(({ nS, nC, nP }) => {
      const singleIds = Array.from({ length: nS }, (_, i) => `s${i}`);
      const memberIds = Array.from({ length: nC }, (_, c) => [`c${c}a`, `c${c}b`] as [string, string]);
      const everyone = [...singleIds, ...memberIds.flat()];
      const programIds = Array.from({ length: nP }, (_, i) => `p${i}`);
      const slots: Array<string | null> = [null, ...programIds];
      const allPairs = slots.flatMap((x) => slots.map((y) => [x, y] as [string | null, string | null])).filter(([x, y]) => x !== null || y !== null);
      const track: fc.Arbitrary<Track> = variations ? fc.constantFrom<Track>("categorical", "categorical", "preliminary", "advanced") : fc.constant("categorical");
      return fc.record({
        tracks: fc.tuple(...programIds.map(() => track)),
        reverts: fc.tuple(...programIds.map((_, i) => (variations && i < nP - 1 ? fc.option(fc.integer({ min: i + 1, max: nP - 1 }), { freq: 3 }) : fc.constant(null)))),
        quotas: fc.tuple(...programIds.map(() => fc.integer({ min: 0, max: maxQuota }))),
        evens: fc.tuple(...programIds.map(() => (variations ? fc.boolean() : fc.constant(false)))),
        programLists: fc.tuple(...programIds.map(() => fc.shuffledSubarray(everyone))),
        singleLists: fc.tuple(...singleIds.map(() => fc.shuffledSubarray(programIds))),
        suppLists: fc.tuple(...singleIds.map(() => (variations ? fc.option(fc.shuffledSubarray(programIds, { minLength: 1 }), { freq: 2 }) : fc.constant(null)))),
        coupleLists: fc.tuple(...memberIds.map(() => fc.shuffledSubarray(allPairs, { maxLength: Math.min(maxPairs, allPairs.length) }))),
      }).map(({ tracks, reverts, quotas, evens, programLists, singleLists, suppLists, coupleLists }): Scenario => {
        const trackOf = new Map(programIds.map((id, i) => [id, tracks[i]!]));
        return {
          programs: programIds.map((id, i) => ({
            id,
            quota: quotas[i]!,
            rol: programLists[i]!,
            ...(variations ? { track: tracks[i]! } : {}),
            ...(reverts[i] === null || reverts[i] === undefined ? {} : { revertsTo: programIds[reverts[i]!]! }),
            ...(evens[i] === true ? { evenOnly: true } : {}),
          })),
          applicants: singleIds.map((id, i) => {
            const rol = singleLists[i]!;
            const advanced = rol.filter((p) => trackOf.get(p) === "advanced");
            const prelims = (suppLists[i] ?? []).filter((p) => trackOf.get(p) === "preliminary");
            return advanced.length > 0 && prelims.length > 0 ? { id, rol, supplemental: [{ rol: prelims, linkedTo: advanced }] } : { id, rol };
          }),
          couples: memberIds.map((members, c) => ({ members, rol: coupleLists[c]! })),
        };
      });
    });
}
