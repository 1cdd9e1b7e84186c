import type { CompiledMarket } from "../market.ts";
import type { RpState } from "./rpState.ts";
import { clearBit, lastSetBit, setBit } from "./bitset.ts";

/**
 * A program's positions in the Roth–Peranson engine: a bit per entry of its rank list (`held`) plus a pointer to
 * its least-preferred holder (`worst`). Holders can leave from anywhere (withdrawn couples and supplemental
 * matches), which a heap would not allow cheaply; the pointer only scans backwards past empty entries (32 at a
 * time), so in a simple market each program's pointer crosses its list at most once.
 */

/** The largest held rank below `rank` of the program whose list starts at `ps`, or -1. */
export function previousHeld(s: RpState, ps: number, rank: number): number {
  const e = lastSetBit(s.held, ps, ps + rank);
  return e < 0 ? -1 : e - ps;
}

/** `RpState.gate` of a program with a vacancy: every rank passes. */
export const OPEN = 0x7fffffff;

/**
 * Brings program `p`'s gate (RpState.gate) up to date with its count, quota and worst holder; every change to one
 * of those calls it.
 */
export function regate(s: RpState, p: number): void {
  s.gate[4 * p] = s.count[p]! < s.quota[p]! ? OPEN : s.worst[p]!;
}

/** Program `p` would take an applicant it ranks `rank` (a vacancy, or she beats its least-preferred holder). */
export const wouldTake = (s: RpState, p: number, rank: number): boolean => rank >= 0 && rank < s.gate[4 * p]!;

/**
 * Gives program `p` applicant `a`, whom it ranks `rank`; the caller checked `wouldTake`. Returns the applicant it
 * bumps (its least-preferred holder, when it was full), or -1.
 */
export function enter(base: CompiledMarket, s: RpState, p: number, rank: number, a: number): number {
  const { gate } = s;
  const ps = gate[4 * p + 1]!;
  setBit(s.held, ps + rank);
  // The gate is written here rather than by `regate`, from the values at hand; a full program's gate is its worst
  // rank, so a bump reads neither count, quota nor worst.
  const threshold = gate[4 * p]!;
  if (threshold === OPEN) {
    const count = s.count[p]! + 1;
    s.count[p] = count;
    let worst = s.worst[p]!;
    if (rank > worst) {
      worst = rank;
      s.worst[p] = rank;
      gate[4 * p + 2] = a;
    }
    gate[4 * p] = count < s.quota[p]! ? OPEN : worst;
    return -1;
  }
  const w = threshold;
  const bumped = gate[4 * p + 2]!;
  clearBit(s.held, ps + w);
  // The new least-preferred holder: the newcomer herself, or someone the program's list names (one more read).
  const worst = previousHeld(s, ps, w);
  s.worst[p] = worst;
  gate[4 * p] = worst;
  gate[4 * p + 2] = worst === rank ? a : base.progRol[ps + worst]!;
  return bumped;
}

/** Removes the applicant ranked `rank` from program `p`. */
export function leave(base: CompiledMarket, s: RpState, p: number, rank: number): void {
  const ps = s.gate[4 * p + 1]!;
  clearBit(s.held, ps + rank);
  s.count[p]!--;
  if (rank === s.worst[p]) {
    const worst = previousHeld(s, ps, rank);
    s.worst[p] = worst;
    s.gate[4 * p + 2] = worst < 0 ? -1 : base.progRol[ps + worst]!;
  }
  regate(s, p);
}

/**
 * Would program `p` choose every newcomer (ranks `n0`, `n1`; -1 for none) from what it holds now plus them,
 * while keeping the couple member it already holds at `kept` (-1 for none)? Used when both partners of a couple
 * seek the same program: it needs room for both (ALGORITHM.md §7).
 */
export function admitsAll(s: RpState, p: number, n0: number, n1: number, kept: number): boolean {
  let over = s.count[p]! + (n0 >= 0 ? 1 : 0) + (n1 >= 0 ? 1 : 0) - s.quota[p]!;
  const newcomer = Math.max(n0, n1);
  let e = s.worst[p]!;
  // Drop the `over` least-preferred of holders ∪ newcomers; each must be a holder other than the kept member.
  for (; over > 0; over--) {
    if (newcomer > e || e < 0 || e === kept) return false;
    e = previousHeld(s, s.gate[4 * p + 1]!, e);
  }
  return true;
}
