import type { CompiledMarket } from "../market.ts";
import { hasBit, setBit, wordsFor } from "./bitset.ts";
import { takeArray, type Workspace } from "../workspace.ts";

/**
 * Per program-list entry (progStart[p] + rank, naming applicant a), the first pair of a's couple that asks p for
 * a's side. The repair step asks exactly this for every couple member a vacated program would take; a scan of the
 * couple's pairs each time (up to 300) was a third of a run on an NRMP-size market. Built once per market, in
 * O(total pairs), by the compilers (FullMarket `coupleEntries`, `firstPair`).
 */
export interface CouplePairIndex {
  /** Bitset over program-list entries (bitset.ts): set where some pair of her couple names that program for her. */
  readonly coupleEntries: Int32Array;
  /** Per program-list entry with its `coupleEntries` bit set, that first pair index; anything elsewhere (stale). */
  readonly firstPair: Int32Array;
}

/**
 * Couple `c`'s pairs are `pairStart[c] … pairStart[c + 1]`; slot 2j + s of `pairProg` / `pairProgRank` is side s,
 * and `pairProgRank` comes from the compile's owner queries (ownerRanks.ts) (an entry it names is that member's).
 */
export function indexCouplePairs(
  base: CompiledMarket,
  pairStart: ArrayLike<number>,
  pairProg: ArrayLike<number>,
  pairProgRank: ArrayLike<number>,
  workspace?: Workspace,
): CouplePairIndex {
  const { progStart, nP } = base;
  const total = progStart[nP]!;
  const coupleEntries = takeArray(workspace, "full.coupleEntries", Int32Array, wordsFor(total)).fill(0);
  // Read only where the bit is set, so it needs no clearing: a workspace's stale buffer does.
  const firstPair = takeArray(workspace, "full.firstPair", Int32Array, total);
  const nC = pairStart.length - 1;
  for (let c = 0; c < nC; c++) {
    for (let side = 0; side < 2; side++) {
      for (let j = pairStart[c]!, end = pairStart[c + 1]!; j < end; j++) {
        const p = pairProg[2 * j + side]!;
        const rank = pairProgRank[2 * j + side]!;
        if (p < 0 || rank < 0) continue;
        // pairProgRank is p's rank of her (ownerRanks.ts), so this entry names her.
        const entry = progStart[p]! + rank;
        if (hasBit(coupleEntries, entry)) continue;
        setBit(coupleEntries, entry);
        firstPair[entry] = j;
      }
    }
  }
  return { coupleEntries, firstPair };
}

/** The first pair of her couple naming the program of `entry` for her, or -1 (see `CouplePairIndex`). */
export const firstPairAt = (index: CouplePairIndex, entry: number): number => (hasBit(index.coupleEntries, entry) ? index.firstPair[entry]! : -1);
