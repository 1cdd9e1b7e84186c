import type { FullMarket } from "./fullMarket.ts";
import { bumped, dropPrimary, takePrimary, takes } from "./proposals.ts";
import { reclaimable, reclaimOne } from "./reversions.ts";
import { isBanned, POS, PRIMARY, RANK, type RpState } from "./rpState.ts";
import { admitsAll, enter, regate, wouldTake } from "./slots.ts";
import { traceCoupleEnd, traceHoldCouple, traceRejectCouple } from "./fullTraceHooks.ts";

/**
 * How a couple proposes in the Roth–Peranson engine: jointly down its list of pairs, from its `next` pointer to
 * its current pair; both partners move at once, or neither (ALGORITHM.md §6.1, §8).
 */

/**
 * Could couple `c` move to pair `j`? Each partner's program must take her from what it holds now (a partner's
 * own position is no vacancy for the other), unless she already holds it or has "No Match" there; a program
 * named for both needs room for both.
 */
function pairWorks(m: FullMarket, s: RpState, c: number, j: number): boolean {
  const m0 = m.coupleMembers[2 * c]!;
  const m1 = m.coupleMembers[2 * c + 1]!;
  const p0 = m.pairProg[2 * j]!;
  const p1 = m.pairProg[2 * j + 1]!;
  const r0 = m.pairProgRank[2 * j]!;
  const r1 = m.pairProgRank[2 * j + 1]!;
  const stay0 = p0 >= 0 && s.app[4 * m0 + PRIMARY] === p0;
  const stay1 = p1 >= 0 && s.app[4 * m1 + PRIMARY] === p1;
  if ((s.hasBan[m0] === 1 && !stay0 && isBanned(s, m0, p0)) || (s.hasBan[m1] === 1 && !stay1 && isBanned(s, m1, p1))) return false;
  if (p0 >= 0 && p0 === p1) {
    if ((!stay0 && r0 < 0) || (!stay1 && r1 < 0)) return false;
    // Reclaimable positions count as room: lend them to the quota for the check only.
    const extra = s.anyLent ? Math.min(2, reclaimable(m, s, p0)) : 0;
    // admitsAll reads count, quota and worst, not the gate, so the gate needs no refresh for this.
    s.quota[p0]! += extra;
    const ok = admitsAll(s, p0, stay0 ? -1 : r0, stay1 ? -1 : r1, stay0 ? s.app[4 * m0 + RANK]! : stay1 ? s.app[4 * m1 + RANK]! : -1);
    s.quota[p0]! -= extra;
    return ok;
  }
  return (p0 < 0 || stay0 || takes(m, s, p0, r0)) && (p1 < 0 || stay1 || takes(m, s, p1, r1));
}

/**
 * End game only: claims back reverted positions the pair counted on, then checks the pair again without them
 * (both partners may have counted the same position downstream). False when the pair no longer works.
 */
function claimRoomForPair(m: FullMarket, s: RpState, c: number, j: number): boolean {
  // Remember the reversion chains the claims may touch, to undo them if the pair fails after all.
  const saved: number[] = [];
  const traced = s.trace === null ? 0 : s.trace.length;
  for (let side = 0; side < 2; side++) {
    for (let p = m.pairProg[2 * j + side]!; p >= 0; p = m.revertsTo[p]!) saved.push(p, s.quota[p]!, s.lent[p]!);
  }
  s.anyLent = false;
  const p0 = m.pairProg[2 * j]!;
  if (p0 >= 0 && p0 === m.pairProg[2 * j + 1]) {
    // One program for both: claim positions one at a time until it has room for both, or none is left.
    for (let k = 0; k < 2 && !pairWorks(m, s, c, j) && reclaimable(m, s, p0) > 0; k++) reclaimOne(m, s, p0);
  } else {
    for (let side = 0; side < 2; side++) {
      const p = m.pairProg[2 * j + side]!;
      if (p >= 0 && s.app[4 * (m.coupleMembers[2 * c + side]!) + PRIMARY] !== p && !wouldTake(s, p, m.pairProgRank[2 * j + side]!) && reclaimable(m, s, p) > 0) reclaimOne(m, s, p);
    }
  }
  const ok = pairWorks(m, s, c, j);
  s.anyLent = true;
  if (!ok) {
    if (s.trace !== null) s.trace.length = traced; // its claims are undone: so are their events
    for (let i = saved.length - 3; i >= 0; i -= 3) {
      s.quota[saved[i]!] = saved[i + 1]!;
      regate(s, saved[i]!);
      s.lent[saved[i]!] = saved[i + 2]!;
    }
  }
  return ok;
}

export function proposeCouple(m: FullMarket, s: RpState, c: number): void {
  const cur = s.couplePair[c]!;
  const end = cur >= 0 ? cur : m.pairStart[c + 1]!;
  for (let j = s.coupleNext[c]!; j < end; j++) {
    s.proposals++;
    s.stepProposals++;
    if (!pairWorks(m, s, c, j) || (s.anyLent && !claimRoomForPair(m, s, c, j))) {
      if (s.trace !== null) traceRejectCouple(m, s, c, j);
      continue;
    }
    s.coupleNext[c] = j + 1;
    s.couplePair[c] = j;
    if (s.trace !== null) traceHoldCouple(m, s, c, j);
    // Leave first, then enter: the positions they free were not counted when checking the pair.
    for (let side = 0; side < 2; side++) {
      const a = m.coupleMembers[2 * c + side]!;
      const p = m.pairProg[2 * j + side]!;
      if (s.app[4 * a + PRIMARY] !== p || p < 0) dropPrimary(m, s, a);
    }
    for (let side = 0; side < 2; side++) {
      const a = m.coupleMembers[2 * c + side]!;
      const p = m.pairProg[2 * j + side]!;
      if (p < 0) continue;
      if (s.app[4 * a + PRIMARY] === p) {
        s.app[4 * a + POS] = j;
        continue;
      }
      const rank = m.pairProgRank[2 * j + side]!;
      const worst = s.gate[4 * p]!;
      const d = enter(m.base, s, p, rank, a);
      takePrimary(m, s, a, p, j, rank);
      if (d >= 0) bumped(m, s, d, p, worst);
    }
    return;
  }
  s.coupleNext[c] = cur >= 0 ? cur + 1 : end;
  if (s.trace !== null) traceCoupleEnd(m, s, c);
}
