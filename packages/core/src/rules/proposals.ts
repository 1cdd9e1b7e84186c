import { linkedList, type FullMarket } from "./fullMarket.ts";
import { logUnmatch } from "./loopDetector.ts";
import { isBanned, pushAgent, pushProgram, type RpState } from "./rpState.ts";
import { reclaimable, reclaimOne } from "./reversions.ts";
import { admitsAll, enter, leave, wouldTake } from "./slots.ts";

/**
 * How each kind of agent proposes in the Roth–Peranson engine (ALGORITHM.md §8). An agent scans from its `next`
 * pointer (reset to the top of its list by the repair step) down to its current match, and moves at the first
 * entry that would take it; if none does it keeps what it holds. Whoever is bumped goes on the applicant stack;
 * every position freed goes on the program stack.
 */

/** `wouldTake`, counting positions the program reverted and may claim back (end game only). */
function takes(m: FullMarket, s: RpState, p: number, rank: number): boolean {
  return wouldTake(s, p, rank) || (s.anyLent && rank >= 0 && reclaimable(m, s, p) > 0);
}

/** When program `p` would not take `rank` as it stands, claims back a reverted position if one is free downstream. */
function makeRoom(m: FullMarket, s: RpState, p: number, rank: number): void {
  if (s.anyLent && !wouldTake(s, p, rank) && reclaimable(m, s, p) > 0) reclaimOne(m, s, p);
}

/** Logs a bump for the loop detector. */
function unmatched(s: RpState, a: number, p: number): void {
  if (s.stepVacated && logUnmatch(s.detector, a, p)) s.looped = true;
}

/** Withdraws applicant `a` from her supplemental (PGY-1) position, if any, and forgets the list in force. */
export function dropSupplemental(m: FullMarket, s: RpState, a: number): void {
  const p = s.supp[a]!;
  if (p >= 0) {
    leave(m.base, s, p, s.suppRank[a]!);
    pushProgram(s, p);
  }
  s.supp[a] = -1;
  s.suppEntry[a] = -1;
  s.suppRank[a] = -1;
  s.suppList[a] = -1;
}

/** Withdraws applicant `a` from her primary position (and so from its supplemental position). */
function dropPrimary(m: FullMarket, s: RpState, a: number): void {
  const p = s.primary[a]!;
  if (p >= 0) {
    leave(m.base, s, p, s.primaryRank[a]!);
    pushProgram(s, p);
  }
  s.primary[a] = -1;
  s.primaryPos[a] = -1;
  s.primaryRank[a] = -1;
  dropSupplemental(m, s, a);
}

/** Records a new primary match; an advanced program with a linked supplemental list starts that list. */
function takePrimary(m: FullMarket, s: RpState, a: number, p: number, pos: number, rank: number): void {
  s.primary[a] = p;
  s.primaryPos[a] = pos;
  s.primaryRank[a] = rank;
  const list = linkedList(m, a, p);
  if (list < 0) return;
  s.suppList[a] = list;
  s.suppNext[a] = m.suppStart[list]!;
  pushAgent(s, m.base.nA + m.nC + a);
}

/** Applicant `d` was bumped from program `p` (the slot is already gone): she, or her couple, proposes again. */
export function bumped(m: FullMarket, s: RpState, d: number, p: number): void {
  unmatched(s, d, p);
  const { nA } = m.base;
  if (s.supp[d] === p) {
    // Lost her PGY-1 position only: she keeps her advanced one and goes on down the same supplemental list.
    s.supp[d] = -1;
    s.suppEntry[d] = -1;
    s.suppRank[d] = -1;
    pushAgent(s, nA + m.nC + d);
    return;
  }
  s.primary[d] = -1;
  s.primaryPos[d] = -1;
  s.primaryRank[d] = -1;
  dropSupplemental(m, s, d);
  const c = m.coupleOf[d]!;
  if (c < 0) {
    pushAgent(s, d);
    return;
  }
  // A couple matches both or neither: her partner is withdrawn, a second vacancy.
  const partner = m.coupleMembers[2 * c]! === d ? m.coupleMembers[2 * c + 1]! : m.coupleMembers[2 * c]!;
  dropPrimary(m, s, partner);
  s.couplePair[c] = -1;
  pushAgent(s, nA + c);
}

export function proposeSingle(m: FullMarket, s: RpState, a: number): void {
  const { appStart, appRol, appRolProgRank } = m.base;
  const { count, quota, worst } = s;
  const cur = s.primaryPos[a]!;
  const end = cur >= 0 ? cur : appStart[a + 1]!;
  const start = s.next[a]!;
  for (let e = start; e < end; e++) {
    const p = appRol[e]!;
    const rank = appRolProgRank[e]!;
    // wouldTake, inlined: this loop is the simple market's whole cost.
    if (rank < 0 || (count[p]! >= quota[p]! && rank >= worst[p]! && !(s.anyLent && reclaimable(m, s, p) > 0))) continue;
    if (s.hasBan[a] === 1 && isBanned(s, a, p)) continue;
    s.proposals += e - start + 1;
    s.stepProposals += e - start + 1;
    if (cur >= 0) dropPrimary(m, s, a);
    makeRoom(m, s, p, rank);
    const d = enter(m.base, s, p, rank);
    s.next[a] = e + 1;
    takePrimary(m, s, a, p, e, rank);
    if (d >= 0) bumped(m, s, d, p);
    return;
  }
  s.proposals += end - start;
  s.stepProposals += end - start;
  s.next[a] = cur >= 0 ? cur + 1 : end;
}

export function proposeSupplemental(m: FullMarket, s: RpState, a: number): void {
  const list = s.suppList[a]!;
  if (list < 0) return;
  const { suppRol, suppRolProgRank } = m;
  const cur = s.suppEntry[a]!;
  const end = cur >= 0 ? cur : m.suppStart[list + 1]!;
  for (let e = s.suppNext[a]!; e < end; e++) {
    s.proposals++;
    s.stepProposals++;
    const p = suppRol[e]!;
    const rank = suppRolProgRank[e]!;
    if (!takes(m, s, p, rank) || (s.hasBan[a] === 1 && isBanned(s, a, p))) continue;
    if (cur >= 0) {
      leave(m.base, s, s.supp[a]!, s.suppRank[a]!);
      pushProgram(s, s.supp[a]!);
    }
    makeRoom(m, s, p, rank);
    const d = enter(m.base, s, p, rank);
    s.supp[a] = p;
    s.suppEntry[a] = e;
    s.suppRank[a] = rank;
    s.suppNext[a] = e + 1;
    if (d >= 0) bumped(m, s, d, p);
    return;
  }
  s.suppNext[a] = cur >= 0 ? cur + 1 : end;
}

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
  const stay0 = p0 >= 0 && s.primary[m0] === p0;
  const stay1 = p1 >= 0 && s.primary[m1] === p1;
  if ((s.hasBan[m0] === 1 && !stay0 && isBanned(s, m0, p0)) || (s.hasBan[m1] === 1 && !stay1 && isBanned(s, m1, p1))) return false;
  if (p0 >= 0 && p0 === p1) {
    if ((!stay0 && r0 < 0) || (!stay1 && r1 < 0)) return false;
    // Reclaimable positions count as room: lend them to the quota for the check only.
    const extra = s.anyLent ? Math.min(2, reclaimable(m, s, p0)) : 0;
    s.quota[p0]! += extra;
    const ok = admitsAll(m.base, s, p0, stay0 ? -1 : r0, stay1 ? -1 : r1, stay0 ? s.primaryRank[m0]! : stay1 ? s.primaryRank[m1]! : -1);
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
      if (p >= 0 && s.primary[m.coupleMembers[2 * c + side]!] !== p && !wouldTake(s, p, m.pairProgRank[2 * j + side]!) && reclaimable(m, s, p) > 0) reclaimOne(m, s, p);
    }
  }
  const ok = pairWorks(m, s, c, j);
  s.anyLent = true;
  if (!ok) {
    for (let i = saved.length - 3; i >= 0; i -= 3) {
      s.quota[saved[i]!] = saved[i + 1]!;
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
    if (!pairWorks(m, s, c, j)) continue;
    if (s.anyLent && !claimRoomForPair(m, s, c, j)) continue;
    s.coupleNext[c] = j + 1;
    s.couplePair[c] = j;
    // Leave first, then enter: the positions they free were not counted when checking the pair.
    for (let side = 0; side < 2; side++) {
      const a = m.coupleMembers[2 * c + side]!;
      const p = m.pairProg[2 * j + side]!;
      if (s.primary[a] !== p || p < 0) dropPrimary(m, s, a);
    }
    for (let side = 0; side < 2; side++) {
      const a = m.coupleMembers[2 * c + side]!;
      const p = m.pairProg[2 * j + side]!;
      if (p < 0) continue;
      if (s.primary[a] === p) {
        s.primaryPos[a] = j;
        continue;
      }
      const rank = m.pairProgRank[2 * j + side]!;
      const d = enter(m.base, s, p, rank);
      takePrimary(m, s, a, p, j, rank);
      if (d >= 0) bumped(m, s, d, p);
    }
    return;
  }
  s.coupleNext[c] = cur >= 0 ? cur + 1 : end;
}
