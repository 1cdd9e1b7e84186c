import { compileLists } from "../compile.ts";
import type { CompiledMarket } from "../market.ts";

/** Every program's roster as its own 0-based ranks of its matched applicants, best first. O(nA + sorting). */
export function rosterRanks(market: CompiledMarket, matchOf: ArrayLike<number>): number[][] {
  const { nA, appStart, appRol, appRolProgRank } = market;
  const out: number[][] = Array.from({ length: market.nP }, () => []);
  for (let a = 0; a < nA; a++) {
    const p = matchOf[a]!;
    if (p < 0) continue;
    let rank = -1;
    for (let e = appStart[a]!; e < appStart[a + 1]!; e++) if (appRol[e] === p) { rank = appRolProgRank[e]!; break; }
    out[p]!.push(rank < 0 ? Infinity : rank);
  }
  for (const roster of out) roster.sort((x, y) => x - y);
  return out;
}

/**
 * How a program likes roster `after` against `before` (both sorted program ranks, best first). "dominates": every
 * program with responsive preferences prefers it (position by position at least as good, none missing, not equal).
 * "lexicographic": better at the first position where they differ (a missing applicant counts as worst), the view of
 * a program that values its best recruits above all. "same", or "worse" otherwise.
 */
export function compareRosters(before: readonly number[], after: readonly number[]): "dominates" | "lexicographic" | "same" | "worse" {
  let first = 0;
  const length = Math.max(before.length, after.length);
  while (first < length && before[first] === after[first]) first++;
  if (first === length) return "same";
  if ((after[first] ?? Infinity) > (before[first] ?? Infinity)) return "worse";
  if (after.length < before.length) return "lexicographic";
  for (let i = 0; i < before.length; i++) if (after[i]! > before[i]!) return "lexicographic";
  return "dominates";
}

/** The market's lists in index form, copied so they can be edited (for what-if markets built by `recompile`). */
export interface EditableLists {
  applicantLists: number[][];
  programLists: number[][];
  quotas: number[];
}

export function editableLists(market: CompiledMarket): EditableLists {
  const slice = (start: Uint32Array, rol: ArrayLike<number>, i: number): number[] => Array.from({ length: start[i + 1]! - start[i]! }, (_, k) => rol[start[i]! + k]!);
  return {
    applicantLists: Array.from({ length: market.nA }, (_, a) => slice(market.appStart, market.appRol, a)),
    programLists: Array.from({ length: market.nP }, (_, p) => slice(market.progStart, market.progRol, p)),
    quotas: Array.from(market.quota),
  };
}

/** A market with the same participants and edited lists or quotas. */
export function recompile(market: CompiledMarket, lists: EditableLists): CompiledMarket {
  return compileLists({ applicantIds: market.applicantIds, programIds: market.programIds, ...lists });
}
