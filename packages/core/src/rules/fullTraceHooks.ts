import type { FullMarket } from "./fullMarket.ts";
import { FullEventKind as K, RejectReason, recordFull, type FullTrace } from "./fullTrace.ts";
import type { LoopReport } from "./rothPeranson.ts";
import { reclaimable, type ReversionEvent } from "./reversions.ts";
import { isBanned, primaryOf, type RpState } from "./rpState.ts";

/**
 * The engine's trace hooks. Each is called at one event site as `if (s.trace !== null) hook(…)`, before the state
 * changes, so it can read what is about to be lost (the program a bumped applicant held, her PGY-1 position…).
 */

const holderAt = (m: FullMarket, p: number, rank: number): number => (rank >= 0 ? m.base.progRol[m.base.progStart[p]! + rank]! : -1);

/** Why program `p` will not take an applicant it ranks `rank` (the engine found it would not). */
function refusal(m: FullMarket, s: RpState, a: number, p: number, rank: number): number {
  if (rank < 0) return RejectReason.unranked;
  const full = s.count[p]! >= s.quota[p]! && rank >= s.worst[p]! && !(s.anyLent && reclaimable(m, s, p) > 0);
  return full || !isBanned(s, a, p) ? RejectReason.full : RejectReason.banned;
}

export function traceAttempt(t: FullTrace, coupleOrder: ArrayLike<number>): void {
  t.orders.push(Array.from(coupleOrder));
  recordFull(t, K.attempt, -1, -1, -1, -1, t.orders.length - 1);
}

export function traceAdmit(m: FullMarket, t: FullTrace, agent: number): void {
  const { nA } = m.base;
  if (agent < nA) recordFull(t, K.admit, agent, -1);
  else recordFull(t, K.admit, m.coupleMembers[2 * (agent - nA)]!, -1, m.coupleMembers[2 * (agent - nA) + 1]!);
}

/** A single applied to `p` (her primary list), which turned her down. */
export function traceRejectSingle(m: FullMarket, s: RpState, a: number, p: number, rank: number): void {
  const t = s.trace!;
  recordFull(t, K.propose, a, p);
  const why = refusal(m, s, a, p, rank);
  if (why === RejectReason.unranked) recordFull(t, K.rejectUnranked, a, p);
  else if (why === RejectReason.banned) recordFull(t, K.rejectBanned, a, p);
  else recordFull(t, K.rejectFull, a, p, holderAt(m, p, s.worst[p]!));
}

/** A single applied to `p`, which takes her; she first leaves what she held. */
export function traceHoldSingle(s: RpState, a: number, p: number): void {
  const t = s.trace!;
  recordFull(t, K.propose, a, p);
  if (primaryOf(s, a) >= 0) recordFull(t, K.leave, a, primaryOf(s, a), -1, s.supp[a]!, 0);
  recordFull(t, K.hold, a, p);
  t.entrant = a;
}

/** A single's scan ended without a move: she keeps her program, or has none left to try. */
export function traceSingleEnd(s: RpState, a: number): void {
  if (primaryOf(s, a) >= 0) recordFull(s.trace!, K.keeps, a, primaryOf(s, a));
  else recordFull(s.trace!, K.exhausted, a, -1);
}

/** Applicant `d` is about to lose her place at `p` (bumped, or cut by an even-number request). */
export function traceBumped(m: FullMarket, s: RpState, d: number, p: number): void {
  const t = s.trace!;
  let by = t.entrant;
  const cb = by >= 0 ? m.coupleOf[by]! : -1;
  if (cb >= 0 && s.couplePair[cb]! >= 0) {
    // The couple entered both members: name the one who took this program.
    const j = s.couplePair[cb]!;
    by = m.pairProg[2 * j + 1] === p && m.pairProg[2 * j] !== p ? m.coupleMembers[2 * cb + 1]! : m.coupleMembers[2 * cb]!;
  }
  if (s.supp[d] === p) {
    recordFull(t, K.suppBump, d, p, by);
    return;
  }
  recordFull(t, K.bump, d, p, by, s.supp[d]!);
  const c = m.coupleOf[d]!;
  if (c < 0) return;
  const partner = m.coupleMembers[2 * c]! === d ? m.coupleMembers[2 * c + 1]! : m.coupleMembers[2 * c]!;
  recordFull(t, K.partnerWithdrawn, partner, primaryOf(s, partner), d, s.supp[partner]!);
}

/** Why couple `c` cannot move to pair `j`: the refusing side × 4 + reason. */
function coupleRefusal(m: FullMarket, s: RpState, c: number, j: number): number {
  const p0 = m.pairProg[2 * j]!;
  for (let side = 0; side < 2; side++) {
    const a = m.coupleMembers[2 * c + side]!;
    const p = m.pairProg[2 * j + side]!;
    const rank = m.pairProgRank[2 * j + side]!;
    if (p < 0 || primaryOf(s, a) === p) continue;
    if (rank < 0) return 4 * side + RejectReason.unranked;
    if (s.hasBan[a] === 1 && isBanned(s, a, p)) return 4 * side + RejectReason.banned;
    if (p === m.pairProg[2 * j + 1 - side]) return RejectReason.noRoomForBoth + 4 * side;
    if (!(s.count[p]! < s.quota[p]! || rank < s.worst[p]!)) return 4 * side + RejectReason.full;
  }
  return p0 >= 0 && p0 === m.pairProg[2 * j + 1] ? RejectReason.noRoomForBoth : RejectReason.full;
}

export function traceRejectCouple(m: FullMarket, s: RpState, c: number, j: number): void {
  const t = s.trace!;
  const m0 = m.coupleMembers[2 * c]!;
  const m1 = m.coupleMembers[2 * c + 1]!;
  recordFull(t, K.coupleProposes, m0, m.pairProg[2 * j]!, m1, m.pairProg[2 * j + 1]!);
  recordFull(t, K.coupleRejected, m0, m.pairProg[2 * j]!, m1, m.pairProg[2 * j + 1]!, coupleRefusal(m, s, c, j));
}

/** Couple `c` moves to pair `j` (already set as its pair): members leave what they held, then both are held. */
export function traceHoldCouple(m: FullMarket, s: RpState, c: number, j: number): void {
  const t = s.trace!;
  const m0 = m.coupleMembers[2 * c]!;
  const m1 = m.coupleMembers[2 * c + 1]!;
  const p0 = m.pairProg[2 * j]!;
  const p1 = m.pairProg[2 * j + 1]!;
  recordFull(t, K.coupleProposes, m0, p0, m1, p1);
  for (let side = 0; side < 2; side++) {
    const a = m.coupleMembers[2 * c + side]!;
    const p = m.pairProg[2 * j + side]!;
    const held = primaryOf(s, a);
    if (held >= 0 && (held !== p || p < 0)) recordFull(t, K.leave, a, held, -1, s.supp[a]!, 1);
  }
  recordFull(t, K.coupleHold, m0, p0, m1, p1);
  t.entrant = m0;
}

export function traceCoupleEnd(m: FullMarket, s: RpState, c: number): void {
  const j = s.couplePair[c]!;
  const m0 = m.coupleMembers[2 * c]!;
  const m1 = m.coupleMembers[2 * c + 1]!;
  if (j >= 0) recordFull(s.trace!, K.coupleKeeps, m0, m.pairProg[2 * j]!, m1, m.pairProg[2 * j + 1]!);
  else recordFull(s.trace!, K.coupleExhausted, m0, -1, m1);
}

export function traceRejectSupplemental(m: FullMarket, s: RpState, a: number, p: number, rank: number): void {
  const t = s.trace!;
  recordFull(t, K.suppPropose, a, p);
  const why = refusal(m, s, a, p, rank);
  recordFull(t, K.suppReject, a, p, why === RejectReason.full ? holderAt(m, p, s.worst[p]!) : -1, -1, why);
}

export function traceHoldSupplemental(s: RpState, a: number, p: number): void {
  const t = s.trace!;
  recordFull(t, K.suppPropose, a, p);
  recordFull(t, K.suppHold, a, p, s.supp[a]!);
  t.entrant = a;
}

export function traceSupplementalEnd(s: RpState, a: number): void {
  if (s.suppEntry[a]! < 0) recordFull(s.trace!, K.suppExhausted, a, primaryOf(s, a));
}

/** Program `p` came off the program stack and `n` agents (in `s.scratch`) go back to propose to it. */
export function traceRepair(m: FullMarket, s: RpState, p: number, n: number): void {
  if (n === 0) return;
  const t = s.trace!;
  const { nA } = m.base;
  recordFull(t, K.vacancy, -1, p, -1, -1, n);
  for (let i = 0; i < n; i++) {
    const agent = s.scratch[i]!;
    if (agent < nA) recordFull(t, K.reconsider, agent, p, -1, -1, 0);
    else if (agent < nA + m.nC) recordFull(t, K.reconsider, m.coupleMembers[2 * (agent - nA)]!, p, m.coupleMembers[2 * (agent - nA) + 1]!, -1, 1);
    else recordFull(t, K.reconsider, agent - nA - m.nC, p, -1, -1, 2);
  }
}

/** A loop was detected; its repeating pair (applicant, program) is about to be banned. */
export function traceLoopBroken(s: RpState, report: LoopReport): void {
  const t = s.trace!;
  const d = s.detector;
  const i = Math.max(d.loopStart, 0);
  t.loops.push({ applicants: report.applicants.slice(), programs: report.programs.slice() });
  recordFull(t, K.loopBroken, d.logApplicant[i]!, d.logProgram[i]!, -1, -1, t.loops.length - 1);
}

export function traceEvenCut(t: FullTrace, p: number, removed: number, quota: number): void {
  recordFull(t, K.evenCut, removed, p, -1, -1, quota);
  t.entrant = -1;
}

/**
 * After the fallbacks (which run untraced: they restore saved states the events could not follow), the matching
 * they returned, as a `fallback` event that starts afresh, the reversions that matching made (it may come from an
 * earlier attempt than the last one traced, whose end game reverted differently), each program's quota, then every
 * hold.
 */
export function traceFallbackResult(m: FullMarket, s: RpState, t: FullTrace, method: number, reversions: readonly ReversionEvent[]): void {
  const { nA, nP } = m.base;
  recordFull(t, K.fallback, -1, -1, -1, -1, method);
  for (const r of reversions) recordFull(t, K.reversion, -1, r.from, r.to, -1, r.positions);
  for (let p = 0; p < nP; p++) recordFull(t, K.quota, -1, p, -1, -1, s.quota[p]!);
  for (let a = 0; a < nA; a++) if (m.coupleOf[a] === -1 && primaryOf(s, a) >= 0) recordFull(t, K.hold, a, primaryOf(s, a));
  for (let c = 0; c < m.nC; c++) {
    const a = m.coupleMembers[2 * c]!;
    const b = m.coupleMembers[2 * c + 1]!;
    if (s.couplePair[c]! >= 0) recordFull(t, K.coupleHold, a, primaryOf(s, a), b, primaryOf(s, b));
  }
  for (let a = 0; a < nA; a++) if (s.supp[a]! >= 0) recordFull(t, K.suppHold, a, s.supp[a]!, -1);
}
