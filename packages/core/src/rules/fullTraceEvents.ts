import type { FullMarket } from "./fullMarket.ts";
import { FullEventKind as K, fullEventKindNames, type FullEventKind, type FullEventKindName, type FullTrace } from "./fullTrace.ts";
import { narrateFullEvent } from "./fullTraceText.ts";

const reasonNames = ["unranked", "full", "banned", "noRoomForBoth"] as const;
export type FullRejectReason = (typeof reasonNames)[number];

/**
 * One event of a Roth–Peranson trace with ids, for display and JSON (`matchlab match --trace`). Fields beyond the
 * simple trace's `kind`, `applicant`, `program`, `other`, `text` are null when the kind does not use them.
 */
export interface FullTraceEvent {
  kind: FullEventKindName;
  applicant: string | null;
  program: string | null;
  /**
   * An applicant (rejectFull, suppReject: the program's least-preferred holder; bump, suppBump: who displaced her;
   * partnerWithdrawn: the bumped partner; coupleRejected: the member refused) or a program (suppHold: the PGY-1
   * program she leaves; reversion: the receiver; reclaim: the program giving the position back).
   */
  other: string | null;
  /** Couple events: the second member (the couple is `applicant` + `partner`). */
  partner: string | null;
  /** Couple events: the second member's program (null: "No Match" or none). */
  partnerProgram: string | null;
  /** leave, bump, partnerWithdrawn: the PGY-1 position lost along with the primary one. */
  supplemental: string | null;
  /** attempt: its number; vacancy: agents re-proposing; evenCut: the new quota; reversion, reclaim: positions; endRound, polish. */
  count: number | null;
  /** Rejections: why the program said no. */
  reason: FullRejectReason | null;
  /** loopBroken: the applicants and programs cycling. attempt: the couples' order (first members). */
  loop: { applicants: string[]; programs: string[] } | null;
  order: string[] | null;
  text: string;
}

/** Maps a trace back to ids, with a narration line per event. */
export function collectFullTrace(m: FullMarket, t: FullTrace): FullTraceEvent[] {
  const events: FullTraceEvent[] = [];
  for (let i = 0; i < t.length; i++) {
    const event = describeFullEvent(m, t, i);
    event.text = narrateFullEvent(event, m.suppOwner.length > 0);
    events.push(event);
  }
  return events;
}

function describeFullEvent(m: FullMarket, t: FullTrace, i: number): FullTraceEvent {
  const { applicantIds, programIds } = m.base;
  const kind = t.kind[i]! as FullEventKind;
  const app = (x: number): string | null => (x >= 0 ? applicantIds[x]! : null);
  const prog = (x: number): string | null => (x >= 0 ? programIds[x]! : null);
  const o = t.other[i]!;
  const x = t.extra[i]!;
  const d = t.detail[i]!;
  const couple = kind === K.admit || kind === K.coupleProposes || kind === K.coupleHold || kind === K.coupleKeeps || kind === K.coupleRejected || kind === K.coupleExhausted || (kind === K.reconsider && d === 1);
  const otherIsProgram = kind === K.suppHold || kind === K.reversion || kind === K.reclaim;
  const event: FullTraceEvent = {
    kind: fullEventKindNames[kind],
    applicant: app(t.applicant[i]!),
    program: prog(t.program[i]!),
    other: couple ? null : otherIsProgram ? prog(o) : app(o),
    partner: couple ? app(o) : null,
    partnerProgram: couple && kind !== K.admit && kind !== K.reconsider ? prog(x) : null,
    supplemental: kind === K.leave || kind === K.bump || kind === K.partnerWithdrawn ? prog(x) : null,
    count: null,
    reason: null,
    loop: null,
    order: null,
    text: "",
  };
  if (kind === K.attempt || kind === K.vacancy || kind === K.evenCut || kind === K.reversion || kind === K.reclaim || kind === K.endRound || kind === K.polish || kind === K.fallback || kind === K.quota) event.count = d;
  if (kind === K.rejectUnranked) event.reason = "unranked";
  else if (kind === K.rejectFull) event.reason = "full";
  else if (kind === K.rejectBanned) event.reason = "banned";
  else if (kind === K.suppReject) event.reason = reasonNames[d]!;
  else if (kind === K.coupleRejected) {
    event.reason = reasonNames[d % 4]!;
    event.other = d >= 4 ? event.partner : event.applicant;
  }
  if (kind === K.loopBroken) {
    const loop = t.loops[d]!;
    event.loop = { applicants: loop.applicants.map((a) => applicantIds[a]!), programs: loop.programs.map((p) => programIds[p]!) };
  }
  if (kind === K.attempt) event.order = t.orders[d]!.map((c) => applicantIds[m.coupleMembers[2 * c]!]!);
  return event;
}
