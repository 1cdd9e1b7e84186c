import type { FullMarket } from "./fullMarket.ts";
import { pushProgram, type RpState } from "./rpState.ts";
import { regate } from "./slots.ts";
import { FullEventKind, recordFull } from "./fullTrace.ts";

/** One reversion applied: `positions` unfilled positions of program `from` moved to program `to` in `round`. */
export interface ReversionEvent {
  from: number;
  to: number;
  positions: number;
  /** 1-based end-game round in which it happened. */
  round: number;
}

/**
 * Reverts program `from`'s unfilled positions to its target (ALGORITHM.md §6.3, §9 rule 7): its quota drops to
 * what it holds and the receiver gains the rest and goes on the program stack. Returns true when anything moved.
 */
export function revertUnfilled(m: FullMarket, s: RpState, from: number, round: number, events: ReversionEvent[]): boolean {
  const to = m.revertsTo[from]!;
  const spare = s.quota[from]! - s.count[from]!;
  if (to < 0 || spare <= 0) return false;
  s.quota[from]! -= spare;
  s.quota[to]! += spare;
  regate(s, from);
  regate(s, to);
  s.lent[from]! += spare;
  s.anyLent = true;
  pushProgram(s, to);
  events.push({ from, to, positions: spare, round });
  if (s.trace !== null) recordFull(s.trace, FullEventKind.reversion, -1, from, to, -1, spare);
  return true;
}

/**
 * Positions program `p` could claim back: those it reverted that still sit unfilled at its target or further down
 * the chain. Checking un-reversion against the original quota (ALGORITHM.md §7, [RP99] footnote 8) means a donor
 * must get them back when an applicant it wants turns up.
 */
export function reclaimable(m: FullMarket, s: RpState, p: number): number {
  const lent = s.lent[p]!;
  if (lent === 0) return 0;
  const t = m.revertsTo[p]!;
  return Math.min(lent, Math.max(0, s.quota[t]! - s.count[t]!) + reclaimable(m, s, t));
}

/** Moves one reverted position back to `p`; the caller checked `reclaimable(m, s, p) > 0`. */
export function reclaimOne(m: FullMarket, s: RpState, p: number): void {
  const t = m.revertsTo[p]!;
  if (s.quota[t]! - s.count[t]! <= 0) reclaimOne(m, s, t);
  s.quota[t]!--;
  s.quota[p]!++;
  regate(s, t);
  regate(s, p);
  s.lent[p]!--;
  if (s.trace !== null) recordFull(s.trace, FullEventKind.reclaim, -1, p, t, -1, 1);
}

