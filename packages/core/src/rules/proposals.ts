import { linkedList, type FullMarket } from "./fullMarket.ts";
import { logUnmatch } from "./loopDetector.ts";
import { isBanned, mayBeBanned, NEXT, POS, PRIMARY, pushAgent, pushProgram, RANK, type RpState, stepStopped } from "./rpState.ts";
import { reclaimable, reclaimOne } from "./reversions.ts";
import { enter, leave, wouldTake } from "./slots.ts";
import { setBit } from "./bitset.ts";
import { traceBumped, traceHoldSingle, traceHoldSupplemental, traceRejectSingle, traceRejectSupplemental, traceSingleEnd, traceSupplementalEnd } from "./fullTraceHooks.ts";
import { FullEventKind, recordFull } from "./fullTrace.ts";

/**
 * How each kind of agent proposes in the Roth–Peranson engine (ALGORITHM.md §8). An agent scans from its `next`
 * pointer (reset to the top of its list by the repair step) down to its current match, and moves at the first
 * entry that would take it; if none does it keeps what it holds. Whoever is bumped goes on the applicant stack
 * (a single bumped by a single proposes at once, as the stack would have her do next; see `bumped`); every position
 * freed goes on the program stack.
 */

/** `wouldTake`, counting positions the program reverted and may claim back (end game only). */
export function takes(m: FullMarket, s: RpState, p: number, rank: number): boolean {
  return wouldTake(s, p, rank) || (s.anyLent && rank >= 0 && reclaimable(m, s, p) > 0);
}

/** When program `p` would not take `rank` as it stands, claims back a reverted position if one is free downstream. */
export function makeRoom(m: FullMarket, s: RpState, p: number, rank: number): void {
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
export function dropPrimary(m: FullMarket, s: RpState, a: number): void {
  const p = s.app[4 * a + PRIMARY]!;
  if (p >= 0) {
    leave(m.base, s, p, s.app[4 * a + RANK]!);
    pushProgram(s, p);
  }
  s.app[4 * a + PRIMARY] = -1;
  s.app[4 * a + POS] = -1;
  s.app[4 * a + RANK] = -1;
  if (s.plain[a] === 0) dropSupplemental(m, s, a);
}

/** Records a new primary match; an advanced program with a linked supplemental list starts that list. */
export function takePrimary(m: FullMarket, s: RpState, a: number, p: number, pos: number, rank: number): void {
  s.app[4 * a + PRIMARY] = p;
  s.app[4 * a + POS] = pos;
  s.app[4 * a + RANK] = rank;
  // Most programs start no supplemental list (a byte per program, in cache): test that before the applicant.
  if (s.linked[p] === 0 || s.plain[a] === 1) return;
  startSupplemental(m, s, a, p);
}

/**
 * Applicant `a` now holds advanced program `p`: the supplemental list she links to it, if any, goes on the applicant
 * stack. Apart from `takePrimary` (which the proposal loops inline), so that its rarer work does not use up the
 * compiler's inlining budget of the loops.
 */
function startSupplemental(m: FullMarket, s: RpState, a: number, p: number): void {
  const list = linkedList(m, a, p);
  if (list < 0) return;
  if (s.trace !== null) recordFull(s.trace, FullEventKind.suppList, a, p);
  s.suppList[a] = list;
  s.suppNext[a] = m.suppStart[list]!;
  pushAgent(s, m.base.nA + m.nC + a);
}

/**
 * Applicant `d` was bumped from program `p`, which ranks her `rank` (the slot is already gone; the caller knows the
 * rank, the program's gate held it, so her state is not read for it): she, or her couple, proposes again. With
 * `chain`, a single with no supplemental list is not pushed when she would be the very next agent popped anyway
 * (not already on the stack, the step not stopped, no trace): it returns true and the caller has her propose at
 * once, as deferred acceptance does, without a round trip through the stack. Otherwise it returns false.
 */
export function bumped(m: FullMarket, s: RpState, d: number, p: number, rank: number, chain = false): boolean {
  if (s.trace !== null) traceBumped(m, s, d, p);
  unmatched(s, d, p);
  const { nA } = m.base;
  if (s.plain[d] === 1) return bumpedSingle(s, d, p, rank, chain && s.trace === null);
  // She may want p back once it has room again: mark her entry for the repair step (repairCandidates.ts).
  setBit(s.wants, s.gate[4 * p + 1]! + rank);
  if (s.supp[d] === p) {
    // Lost her PGY-1 position only: she keeps her advanced one and goes on down the same supplemental list.
    s.supp[d] = -1;
    s.suppEntry[d] = -1;
    s.suppRank[d] = -1;
    pushAgent(s, nA + m.nC + d);
    return false;
  }
  s.app[4 * d + PRIMARY] = -1;
  s.app[4 * d + POS] = -1;
  s.app[4 * d + RANK] = -1;
  dropSupplemental(m, s, d);
  const c = m.coupleOf[d]!;
  if (c < 0) {
    pushAgent(s, d);
    return false;
  }
  // A couple matches both or neither: her partner is withdrawn, a second vacancy.
  const partner = m.coupleMembers[2 * c]! === d ? m.coupleMembers[2 * c + 1]! : m.coupleMembers[2 * c]!;
  dropPrimary(m, s, partner);
  s.couplePair[c] = -1;
  pushAgent(s, nA + c);
  return false;
}

/**
 * `bumped`'s common case, as in deferred acceptance: single `d`, with no supplemental list, proposes on down her
 * list (at once, with `chain`, when she would be the very next agent popped anyway). The caller logged the bump or
 * knows there is nothing to log. Small, so the proposal loop inlines it rather than paying a call per bump.
 */
function bumpedSingle(s: RpState, d: number, p: number, rank: number, chain: boolean): boolean {
  // She may want p back once it has room again: mark her entry for the repair step (repairCandidates.ts).
  // gate[4p + 1] is progStart[p], on the line the bump just used.
  if (s.marking) setBit(s.wants, s.gate[4 * p + 1]! + rank);
  s.app[4 * d + PRIMARY] = -1;
  s.app[4 * d + POS] = -1;
  s.app[4 * d + RANK] = -1;
  if (chain && s.onAppStack[d] === 0 && !stepStopped(s)) return true;
  pushAgent(s, d);
  return false;
}

/** Single `a` proposes; then whoever she bumped, while that is a single `bumped` lets chain (see there). */
export function proposeSingle(m: FullMarket, s: RpState, a: number): void {
  for (let next = a; next >= 0; ) next = proposeOnce(m, s, next);
}

/** Single `a` proposes from her `next` pointer; returns the applicant to propose next in the chain, or -1. */
function proposeOnce(m: FullMarket, s: RpState, a: number): number {
  const { appStart, appRol, appRolProgRank } = m.base;
  const { gate, wants, trace, anyLent, marking } = s;
  const banned = mayBeBanned(s, a);
  const cur = s.app[4 * a + POS]!;
  const end = cur >= 0 ? cur : appStart[a + 1]!;
  const start = s.app[4 * a + NEXT]!;
  for (let e = start; e < end; e++) {
    const p = appRol[e]!;
    const rank = appRolProgRank[e]!;
    // wouldTake, inlined (this loop is the simple market's whole cost), on the program's gate: one cache line.
    if (rank < 0 || (rank >= gate[4 * p]! && !(anyLent && reclaimable(m, s, p) > 0)) || (banned && isBanned(s, a, p))) {
      // Passed: a vacancy there later makes her a candidate (until the first repair, markPassed finds these).
      if (marking && rank >= 0) setBit(wants, gate[4 * p + 1]! + rank);
      if (trace !== null) traceRejectSingle(m, s, a, p, rank);
      continue;
    }
    s.proposals += e - start + 1;
    s.stepProposals += e - start + 1;
    if (s.trace !== null) traceHoldSingle(s, a, p);
    if (cur >= 0) dropPrimary(m, s, a);
    // Tested here, not only inside: a call that never runs is not inlined, which leaves the compiler's inlining
    // budget to `enter`'s helpers (a 2–4 % faster solve with `startSupplemental` and `bumpedSingle`).
    if (s.anyLent) makeRoom(m, s, p, rank);
    // A full program's gate is its worst rank: whom it bumps, if anyone, it ranks that.
    const worst = gate[4 * p]!;
    const d = enter(m.base, s, p, rank, a);
    s.app[4 * a + NEXT] = e + 1;
    takePrimary(m, s, a, p, e, rank);
    if (d < 0) return -1;
    // Untraced and before the step freed a position (no bump to log), a plain single's bump skips `bumped`.
    if (s.plain[d] === 1 && s.trace === null && !s.stepVacated) return bumpedSingle(s, d, p, worst, true) ? d : -1;
    return bumped(m, s, d, p, worst, true) ? d : -1;
  }
  s.proposals += end - start;
  s.stepProposals += end - start;
  s.app[4 * a + NEXT] = cur >= 0 ? cur + 1 : end;
  if (s.trace !== null) traceSingleEnd(s, a);
  return -1;
}

export function proposeSupplemental(m: FullMarket, s: RpState, a: number): void {
  const list = s.suppList[a]!;
  if (list < 0) return;
  const { suppRol, suppRolProgRank } = m;
  const { gate } = s;
  const banned = mayBeBanned(s, a);
  const cur = s.suppEntry[a]!;
  const end = cur >= 0 ? cur : m.suppStart[list + 1]!;
  for (let e = s.suppNext[a]!; e < end; e++) {
    s.proposals++;
    s.stepProposals++;
    const p = suppRol[e]!;
    const rank = suppRolProgRank[e]!;
    if (!takes(m, s, p, rank) || (banned && isBanned(s, a, p))) {
      if (rank >= 0) setBit(s.wants, gate[4 * p + 1]! + rank);
      if (s.trace !== null) traceRejectSupplemental(m, s, a, p, rank);
      continue;
    }
    if (s.trace !== null) traceHoldSupplemental(s, a, p);
    if (cur >= 0) {
      leave(m.base, s, s.supp[a]!, s.suppRank[a]!);
      pushProgram(s, s.supp[a]!);
    }
    if (s.anyLent) makeRoom(m, s, p, rank);
    const worst = gate[4 * p]!;
    const d = enter(m.base, s, p, rank, a);
    s.supp[a] = p;
    s.suppEntry[a] = e;
    s.suppRank[a] = rank;
    s.suppNext[a] = e + 1;
    if (d >= 0) bumped(m, s, d, p, worst);
    return;
  }
  s.suppNext[a] = cur >= 0 ? cur + 1 : end;
  if (s.trace !== null) traceSupplementalEnd(s, a);
}

