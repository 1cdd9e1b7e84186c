import type { FullMarket } from "./fullMarket.ts";

/**
 * Per program-list entry (progStart[p] + rank, naming applicant a), the first pair of a's couple that asks p for
 * a's side; -1 when a is single or no pair of her couple names p for her. The repair step asks exactly this for
 * every couple member a vacated program would take; a scan of the couple's pairs each time (up to 300) was a
 * third of a run on an NRMP-size market. One Int32Array of the total program-list length (linear), built once
 * per market in O(total pairs) and cached with the market, which is immutable.
 */
const cache = new WeakMap<FullMarket, Int32Array>();

export function firstPairByEntry(m: FullMarket): Int32Array {
  let index = cache.get(m);
  if (index !== undefined) return index;
  const { progStart, progRol, nP } = m.base;
  index = new Int32Array(progStart[nP]!).fill(-1);
  for (let c = 0; c < m.nC; c++) {
    for (let side = 0; side < 2; side++) {
      const a = m.coupleMembers[2 * c + side]!;
      for (let j = m.pairStart[c]!; j < m.pairStart[c + 1]!; j++) {
        const p = m.pairProg[2 * j + side]!;
        const rank = m.pairProgRank[2 * j + side]!;
        if (p < 0 || rank < 0) continue;
        const entry = progStart[p]! + rank;
        // pairProgRank is p's rank of her, so this entry names her; the check keeps a hand-built market honest.
        if (progRol[entry] === a && index[entry] === -1) index[entry] = j;
      }
    }
  }
  cache.set(m, index);
  return index;
}
