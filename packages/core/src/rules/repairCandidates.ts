import type { FullMarket } from "./fullMarket.ts";
import { NEXT, POS, type RpState } from "./rpState.ts";
import { setBit } from "./bitset.ts";

/**
 * Which program-list entries the repair step must look at (rpState.ts `wants`). A program that regains a vacancy
 * asks, for each applicant on its list, whether she would rather have it than what she holds. A single or a
 * supplemental list only ever prefers a program she has passed on her way down (rejected by it, or bumped from
 * it), so the engine marks an entry when that happens and the repair skips unmarked ones: on an NRMP-size market
 * with supplemental lists the repair scans ~600k entries a run, and all but a few percent are applicants who never
 * reached the program. Couples' pairs are too varied to track that way, so every entry a couple's pair names is
 * marked once the couples' admission begins (`markCouples`), and stays so; before that no couple is admitted and
 * the repair would only skip their entries one by one (a third of the entries it visited at NRMP size). Marks are
 * never cleared (one who moved up past the program is filtered by the repair's own check), so the marks are a
 * superset of the candidates and the repair pushes exactly the agents the full scan did. The singles' marks are
 * set lazily (`RpState.marking`, `markPassed`), so a run that never frees a position never pays for them.
 */

/** Clears the marks for a new run (a bitset, bitset.ts): nobody has passed anything and no couple is admitted. */
export function resetCandidates(wants: Int32Array): void {
  wants.fill(0);
}

/** Marks every entry some pair of a couple names for that member (`FullMarket.coupleEntries`); O(words), idempotent. */
export function markCouples(m: FullMarket, wants: Int32Array): void {
  const { coupleEntries } = m;
  for (let k = 0; k < coupleEntries.length; k++) wants[k]! |= coupleEntries[k]!;
}

/**
 * Sets the `wants` bit of every entry a single has passed, from the applicants' state, and turns inline marking on
 * (`RpState.marking`). Valid only before the run's first repair: until then no `next` pointer has moved back, so a
 * single has passed exactly the entries above her position (above `next` when she holds nothing). Supplemental
 * lists and bumps from PGY-1 positions mark as they happen from the start, and couples' entries start marked.
 * O(nA + the entries passed).
 */
export function markPassed(m: FullMarket, s: RpState): void {
  const { nA, appStart, appRol, appRolProgRank, progStart } = m.base;
  const { app, wants } = s;
  for (let a = 0; a < nA; a++) {
    if (m.coupleOf[a] !== -1) continue;
    const pos = app[4 * a + POS]!;
    const end = pos >= 0 ? pos : app[4 * a + NEXT]!;
    for (let e = appStart[a]!; e < end; e++) {
      const rank = appRolProgRank[e]!;
      if (rank >= 0) setBit(wants, progStart[appRol[e]!]! + rank);
    }
  }
  s.marking = true;
}
