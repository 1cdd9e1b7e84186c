import type { CompiledMarket } from "../market.ts";

/**
 * A simple market cloned into a one-to-one market (Gusfield & Irving 1989, §1.6): program p becomes
 * `cap[p] = min(quota, list length)` slots, and an applicant ranking p ranks its slots in order, first slot first.
 * A stable matching of the cloned market fills each program's first slots with its holders in its own order of
 * preference, so stable matchings of the two markets correspond one to one. Only mutually ranked pairs are kept.
 *
 * Sizes: `slotStart[nP]` ≤ total positions; the applicants' slot lists hold Σ over mutual entries of cap[p].
 */
export interface SlotMarket {
  /** Offsets of each program's slots, length nP + 1. */
  readonly slotStart: Uint32Array;
  /** Slot → its program. */
  readonly slotProgram: Uint32Array;
  /** Offsets into `slotList`, length nA + 1. */
  readonly listStart: Uint32Array;
  /** Each applicant's slots in her order of preference. */
  readonly slotList: Uint32Array;
  /** For each `slotList` entry, the program's 0-based rank of the applicant. */
  readonly slotListRank: Int32Array;
}

export function cloneIntoSlots(market: CompiledMarket): SlotMarket {
  const { nA, nP, appStart, appRol, appRolProgRank, progStart, quota } = market;
  const slotStart = new Uint32Array(nP + 1);
  for (let p = 0; p < nP; p++) slotStart[p + 1] = slotStart[p]! + Math.min(quota[p]!, progStart[p + 1]! - progStart[p]!);
  const slotProgram = new Uint32Array(slotStart[nP]!);
  for (let p = 0; p < nP; p++) slotProgram.fill(p, slotStart[p]!, slotStart[p + 1]!);
  const listStart = new Uint32Array(nA + 1);
  for (let a = 0; a < nA; a++) {
    let length = 0;
    for (let e = appStart[a]!, end = appStart[a + 1]!; e < end; e++) {
      if (appRolProgRank[e]! >= 0) length += slotStart[appRol[e]! + 1]! - slotStart[appRol[e]!]!;
    }
    listStart[a + 1] = listStart[a]! + length;
  }
  const slotList = new Uint32Array(listStart[nA]!);
  const slotListRank = new Int32Array(listStart[nA]!);
  for (let a = 0, i = 0; a < nA; a++) {
    for (let e = appStart[a]!, end = appStart[a + 1]!; e < end; e++) {
      const rank = appRolProgRank[e]!;
      if (rank < 0) continue;
      const p = appRol[e]!;
      for (let s = slotStart[p]!; s < slotStart[p + 1]!; s++, i++) {
        slotList[i] = s;
        slotListRank[i] = rank;
      }
    }
  }
  return { slotStart, slotProgram, listStart, slotList, slotListRank };
}
