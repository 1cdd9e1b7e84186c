import type { CompiledMarket } from "./market.ts";
import type { Side } from "./matching.ts";

/**
 * Trace event kinds. Fields per event are `applicant`, `program` and `other` (-1 when unused):
 *
 * | kind | applicant-proposing | program-proposing |
 * | --- | --- | --- |
 * | propose | applicant applies to program | program offers applicant a position |
 * | hold | program tentatively holds applicant | applicant tentatively holds program's offer |
 * | bump | applicant is bumped from program; `other` = the applicant it prefers | applicant drops program; `other` = the program she prefers |
 * | rejectUnranked | program did not rank applicant | applicant did not rank program |
 * | rejectFull | program is full of applicants it prefers; `other` = its least-preferred holder | applicant holds an offer she prefers; `other` = that program |
 * | exhausted | applicant has run out of programs (`program` = -1) | program has run out of applicants with positions unfilled (`applicant` = -1) |
 */
export const EventKind = { propose: 0, hold: 1, bump: 2, rejectUnranked: 3, rejectFull: 4, exhausted: 5 } as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];
export const eventKindNames = ["propose", "hold", "bump", "rejectUnranked", "rejectFull", "exhausted"] as const;
export type EventKindName = (typeof eventKindNames)[number];

/** A columnar event log, sized once from a closed-form bound so recording never allocates. */
export interface Trace {
  readonly side: Side;
  readonly kind: Uint8Array;
  readonly applicant: Int32Array;
  readonly program: Int32Array;
  readonly other: Int32Array;
  /** Events recorded so far. */
  length: number;
}

/**
 * Allocates a trace for one run of `side`. Bound: every proposal logs `propose` plus at most two more events
 * (`hold` + `bump`), and each proposer logs `exhausted` at most once, so a run logs at most
 * 3 × (total length of the proposing side's lists) + (number of proposers) events.
 */
export function createTrace(market: CompiledMarket, side: Side): Trace {
  const capacity = side === "applicant" ? 3 * market.appStart[market.nA]! + market.nA : 3 * market.progStart[market.nP]! + market.nP;
  return {
    side,
    kind: new Uint8Array(capacity),
    applicant: new Int32Array(capacity),
    program: new Int32Array(capacity),
    other: new Int32Array(capacity),
    length: 0,
  };
}

export function recordEvent(trace: Trace, kind: EventKind, applicant: number, program: number, other: number): void {
  const i = trace.length++;
  trace.kind[i] = kind;
  trace.applicant[i] = applicant;
  trace.program[i] = program;
  trace.other[i] = other;
}

/** One event with ids, for display. */
export interface TraceEvent {
  kind: EventKindName;
  applicant: string | null;
  program: string | null;
  other: string | null;
  text: string;
}

/** Maps a trace back to ids, with a narration line per event. */
export function collectTrace(market: CompiledMarket, trace: Trace): TraceEvent[] {
  const events: TraceEvent[] = [];
  for (let i = 0; i < trace.length; i++) events.push(describeEvent(market, trace, i));
  return events;
}

export function describeEvent(market: CompiledMarket, trace: Trace, i: number): TraceEvent {
  const kind = trace.kind[i]! as EventKind;
  const a = trace.applicant[i]!;
  const p = trace.program[i]!;
  const o = trace.other[i]!;
  const applicant = a >= 0 ? market.applicantIds[a]! : null;
  const program = p >= 0 ? market.programIds[p]! : null;
  const otherIsApplicant = trace.side === "applicant" ? kind === EventKind.bump || kind === EventKind.rejectFull : false;
  const other = o < 0 ? null : otherIsApplicant ? market.applicantIds[o]! : market.programIds[o]!;
  const text = trace.side === "applicant" ? narrateApplicantSide(kind, applicant, program, other) : narrateProgramSide(kind, applicant, program, other);
  return { kind: eventKindNames[kind], applicant, program, other, text };
}

function narrateApplicantSide(kind: EventKind, a: string | null, p: string | null, o: string | null): string {
  switch (kind) {
    case EventKind.propose: return `${a} applies to ${p}`;
    case EventKind.hold: return `${p} tentatively holds ${a}`;
    case EventKind.bump: return `${a} is bumped from ${p}: ${p} prefers ${o}`;
    case EventKind.rejectUnranked: return `${p} rejects ${a}: ${p} did not rank ${a}`;
    case EventKind.rejectFull: return `${p} rejects ${a}: ${p} is full and prefers everyone it holds (its last is ${o})`;
    case EventKind.exhausted: return `${a} has no programs left to try and is unmatched for now`;
  }
}

function narrateProgramSide(kind: EventKind, a: string | null, p: string | null, o: string | null): string {
  switch (kind) {
    case EventKind.propose: return `${p} offers ${a} a position`;
    case EventKind.hold: return `${a} tentatively holds ${p}'s offer`;
    case EventKind.bump: return `${a} drops ${p} for ${o}, which ${a} ranked higher`;
    case EventKind.rejectUnranked: return `${a} declines ${p}: ${a} did not rank ${p}`;
    case EventKind.rejectFull: return `${a} declines ${p}: ${a} holds an offer from ${o}, ranked higher`;
    case EventKind.exhausted: return `${p} has no applicants left to offer and keeps positions unfilled`;
  }
}
