import type { CompiledMarket } from "../market.ts";
import type { RpState } from "./rpState.ts";

/**
 * A program's positions in the Roth–Peranson engine: a bit per entry of its rank list (`held`) plus a pointer to
 * its least-preferred holder (`worst`). Holders can leave from anywhere (withdrawn couples and supplemental
 * matches), which a heap would not allow cheaply; the pointer only scans backwards past empty entries, so in a
 * simple market each program's pointer crosses its list at most once.
 */

/** The largest held rank of program `p` below `rank`, or -1. */
export function previousHeld(base: CompiledMarket, s: RpState, p: number, rank: number): number {
  const ps = base.progStart[p]!;
  const held = s.held;
  let r = rank - 1;
  while (r >= 0 && held[ps + r] === 0) r--;
  return r;
}

/** Program `p` would take an applicant it ranks `rank` (a vacancy, or she beats its least-preferred holder). */
export const wouldTake = (s: RpState, p: number, rank: number): boolean => rank >= 0 && (s.count[p]! < s.quota[p]! || rank < s.worst[p]!);

/**
 * Gives program `p` the applicant it ranks `rank`; the caller checked `wouldTake`. Returns the applicant it bumps
 * (its least-preferred holder, when it was full), or -1.
 */
export function enter(base: CompiledMarket, s: RpState, p: number, rank: number): number {
  const ps = base.progStart[p]!;
  s.held[ps + rank] = 1;
  if (s.count[p]! < s.quota[p]!) {
    s.count[p]!++;
    if (rank > s.worst[p]!) s.worst[p] = rank;
    return -1;
  }
  const w = s.worst[p]!;
  s.held[ps + w] = 0;
  s.worst[p] = previousHeld(base, s, p, w);
  return base.progRol[ps + w]!;
}

/** Removes the applicant ranked `rank` from program `p`. */
export function leave(base: CompiledMarket, s: RpState, p: number, rank: number): void {
  s.held[base.progStart[p]! + rank] = 0;
  s.count[p]!--;
  if (rank === s.worst[p]) s.worst[p] = previousHeld(base, s, p, rank);
}

/**
 * Would program `p` choose every newcomer (ranks `n0`, `n1`; -1 for none) from what it holds now plus them,
 * while keeping the couple member it already holds at `kept` (-1 for none)? Used when both partners of a couple
 * seek the same program: it needs room for both (ALGORITHM.md §7).
 */
export function admitsAll(base: CompiledMarket, s: RpState, p: number, n0: number, n1: number, kept: number): boolean {
  let over = s.count[p]! + (n0 >= 0 ? 1 : 0) + (n1 >= 0 ? 1 : 0) - s.quota[p]!;
  const newcomer = Math.max(n0, n1);
  let e = s.worst[p]!;
  // Drop the `over` least-preferred of holders ∪ newcomers; each must be a holder other than the kept member.
  for (; over > 0; over--) {
    if (newcomer > e || e < 0 || e === kept) return false;
    e = previousHeld(base, s, p, e);
  }
  return true;
}
