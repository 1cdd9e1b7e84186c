import type { FullMarket } from "./fullMarket.ts";
import { bumped } from "./proposals.ts";
import type { RpState } from "./rpState.ts";
import { leave, regate } from "./slots.ts";
import { traceEvenCut } from "./fullTraceHooks.ts";

/** One even-number cut: `program`'s quota went down to `quota`, and its least-preferred holder `removed` left. */
export interface EvenCut {
  program: number;
  quota: number;
  removed: number;
  round: number;
}

/**
 * An even-number request (ALGORITHM.md §6.4, §9 rule 6): a program with unfilled positions holding an odd number
 * has its quota cut to that number minus one; its least-preferred holder is bumped and goes on the applicant stack.
 */
export function applyEvenRequest(m: FullMarket, s: RpState, p: number, round: number, events: EvenCut[]): boolean {
  const count = s.count[p]!;
  if (count >= s.quota[p]! || count % 2 === 0) return false;
  const w = s.worst[p]!;
  const removed = m.base.progRol[m.base.progStart[p]! + w]!;
  s.quota[p] = count - 1;
  regate(s, p);
  if (s.trace !== null) traceEvenCut(s.trace, p, removed, count - 1);
  leave(m.base, s, p, w);
  bumped(m, s, removed, p, w);
  events.push({ program: p, quota: count - 1, removed, round });
  return true;
}
