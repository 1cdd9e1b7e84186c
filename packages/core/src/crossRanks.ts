import type { PointerArray } from "./pointerArray.ts";
import { takeArray, type Workspace } from "./workspace.ts";

/** Each side's rank of the other for every list entry, as `CompiledMarket` stores them. */
export interface CrossRanks {
  /** For each applicant-list entry, the program's 0-based rank of that applicant; -1 when it did not rank her. */
  appRolProgRank: Int32Array;
  /** For each program-list entry, the applicant's 0-based rank of that program; -1 when she did not rank it. */
  progRolAppRank: Int32Array;
}

/**
 * Fills the cross ranks in O(nA + nP + total list length), with no nA × nP table:
 * 1. a counting sort of the applicant-list entries by program gives, per program, the (entry, applicant) pairs
 *    that name it (the reverse index);
 * 2. per program, mark each applicant who ranked it with her entry (`entryOf`), walk the program's own list and
 *    join the two, then clear the marks, so `entryOf` is all zeros again for the next program.
 *
 * Most of the cost at a million applicants is cache misses and, on first use, page faults: the pairs share one
 * array (one miss instead of two), and every buffer can come from a workspace.
 */
export function crossRanks(
  nA: number,
  nP: number,
  appStart: Uint32Array,
  appRol: PointerArray,
  progStart: Uint32Array,
  progRol: PointerArray,
  workspace: Workspace | undefined,
): CrossRanks {
  const totalA = appStart[nA]!;
  const totalP = progStart[nP]!;

  // revStart[p] … revStart[p + 1]: program p's slice of `rev`, counted from the entries (nP + 1 offsets).
  const revStart = takeArray(workspace, "crossRanks.revStart", Uint32Array, nP + 1);
  revStart.fill(0);
  for (let e = 0; e < totalA; e++) revStart[appRol[e]! + 1]!++;
  for (let p = 0; p < nP; p++) revStart[p + 1]! += revStart[p]!;
  // rev[2s] = an applicant-list entry naming the program, rev[2s + 1] = its applicant: one pair per entry (2 · totalA).
  const rev = takeArray(workspace, "crossRanks.rev", Uint32Array, 2 * totalA);
  // Fill each slice from its start, using revStart[p] as p's cursor; afterwards revStart[p] is where p + 1 began.
  for (let a = 0; a < nA; a++) {
    for (let e = appStart[a]!, end = appStart[a + 1]!; e < end; e++) {
      const slot = 2 * revStart[appRol[e]!]!++;
      rev[slot] = e;
      rev[slot + 1] = a;
    }
  }
  for (let p = nP; p > 0; p--) revStart[p] = revStart[p - 1]!;
  revStart[0] = 0;

  const appRolProgRank = takeArray(workspace, "market.appRolProgRank", Int32Array, totalA).fill(-1);
  const progRolAppRank = takeArray(workspace, "market.progRolAppRank", Int32Array, totalP).fill(-1);
  // entryOf[a] = 1 + her entry naming the current program; 0 when she did not rank it (all zeros between programs).
  const entryOf = takeArray(workspace, "crossRanks.entryOf", Uint32Array, nA);
  entryOf.fill(0);
  for (let p = 0; p < nP; p++) {
    const r0 = 2 * revStart[p]!;
    const r1 = 2 * revStart[p + 1]!;
    for (let r = r0; r < r1; r += 2) entryOf[rev[r + 1]!] = rev[r]! + 1;
    const ps = progStart[p]!;
    for (let j = ps, end = progStart[p + 1]!; j < end; j++) {
      const a = progRol[j]!;
      const marked = entryOf[a]!;
      if (marked !== 0) {
        progRolAppRank[j] = marked - 1 - appStart[a]!;
        appRolProgRank[marked - 1] = j - ps;
      }
    }
    for (let r = r0; r < r1; r += 2) entryOf[rev[r + 1]!] = 0;
  }
  return { appRolProgRank, progRolAppRank };
}
