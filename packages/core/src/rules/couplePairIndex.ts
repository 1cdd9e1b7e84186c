import type { CompiledMarket } from "../market.ts";
import { hasBit, setBit, wordsFor } from "./bitset.ts";
import type { FullRankQueries } from "./fullRankQueries.ts";
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
 * From the compile's distinct couple queries (fullRankQueries.ts): each is one member and one program her couple
 * names for her, with its first such pair and, answered by the walk, the program's rank of her, so it names one
 * program-list entry, which no other query names.
 */
export function indexCouplePairs(base: CompiledMarket, queries: FullRankQueries, workspace?: Workspace): CouplePairIndex {
  const { progStart, nP } = base;
  const total = progStart[nP]!;
  const coupleEntries = takeArray(workspace, "full.coupleEntries", Int32Array, wordsFor(total)).fill(0);
  // Read only where the bit is set, so it needs no clearing: a workspace's stale buffer does.
  const firstPair = takeArray(workspace, "full.firstPair", Int32Array, total);
  const { pairQueryProgram, pairQueryFirstPair } = queries;
  const { answers } = queries.grouped;
  for (let k = 0; k < queries.pairQueries; k++) {
    const rank = answers[k]!;
    if (rank < 0) continue;
    const entry = progStart[pairQueryProgram[k]!]! + rank;
    setBit(coupleEntries, entry);
    firstPair[entry] = pairQueryFirstPair[k]!;
  }
  return { coupleEntries, firstPair };
}

/** The first pair of her couple naming the program of `entry` for her, or -1 (see `CouplePairIndex`). */
export const firstPairAt = (index: CouplePairIndex, entry: number): number => (hasBit(index.coupleEntries, entry) ? index.firstPair[entry]! : -1);
