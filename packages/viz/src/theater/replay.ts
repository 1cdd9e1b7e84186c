import { EventKind } from "@matchlab/core";
import type { TraceColumns } from "../engine/runScenario.ts";

/**
 * The diagram's state after the first `step` events of a trace: who sits in which slot of each program.
 *
 * `slotStart` is CSR over programs (program `p` owns slots `slotStart[p] … slotStart[p + 1])`, one per position);
 * `slotHolder[s]` is the applicant in slot `s`, -1 when empty. A hold at a full program (applicant-proposing logs
 * the hold before the bump it causes) waits in `waiting[p]` until the bump frees a slot, so a held applicant never
 * jumps from slot to slot.
 */
export interface Frame {
  step: number;
  slotStart: Uint32Array;
  /** Applicant per slot; -1 when empty. */
  slotHolder: Int32Array;
  /** Per program, an applicant held beyond its slots for the instant between a hold and its bump; -1 when none. */
  waiting: Int32Array;
  /** Per applicant, 1 once she has run out of programs to try. */
  exhausted: Uint8Array;
}

export function slotOffsets(quota: readonly number[]): Uint32Array {
  const start = new Uint32Array(quota.length + 1);
  for (let p = 0; p < quota.length; p++) start[p + 1] = start[p]! + quota[p]!;
  return start;
}

/** Replays events `0 … step - 1`. O(step × quota) — the theater only animates small markets. */
export function replay(trace: TraceColumns, quota: readonly number[], nA: number, step: number): Frame {
  const slotStart = slotOffsets(quota);
  const nP = quota.length;
  const slotHolder = new Int32Array(slotStart[nP]!).fill(-1);
  const waiting = new Int32Array(nP).fill(-1);
  const exhausted = new Uint8Array(nA);
  const last = Math.max(0, Math.min(step, trace.kind.length));
  for (let i = 0; i < last; i++) {
    const kind = trace.kind[i]!;
    const a = trace.applicant[i]!;
    const p = trace.program[i]!;
    if (kind === EventKind.hold) place(slotHolder, waiting, slotStart, p, a);
    else if (kind === EventKind.bump) remove(slotHolder, waiting, slotStart, p, a);
    else if (kind === EventKind.exhausted && a >= 0) exhausted[a] = 1;
  }
  return { step: last, slotStart, slotHolder, waiting, exhausted };
}

function place(slotHolder: Int32Array, waiting: Int32Array, slotStart: Uint32Array, p: number, a: number): void {
  for (let s = slotStart[p]!, end = slotStart[p + 1]!; s < end; s++) {
    if (slotHolder[s] === -1) {
      slotHolder[s] = a;
      return;
    }
  }
  waiting[p] = a;
}

function remove(slotHolder: Int32Array, waiting: Int32Array, slotStart: Uint32Array, p: number, a: number): void {
  if (waiting[p] === a) {
    waiting[p] = -1;
    return;
  }
  for (let s = slotStart[p]!, end = slotStart[p + 1]!; s < end; s++) {
    if (slotHolder[s] === a) {
      slotHolder[s] = waiting[p]!;
      waiting[p] = -1;
      return;
    }
  }
}

/** Per applicant, the program whose slot she sits in after the frame; -1 when none. */
export function holdersToMatch(frame: Frame, nA: number): Int32Array {
  const matchOf = new Int32Array(nA).fill(-1);
  const { slotStart, slotHolder } = frame;
  for (let p = 0; p + 1 < slotStart.length; p++) {
    for (let s = slotStart[p]!, end = slotStart[p + 1]!; s < end; s++) if (slotHolder[s]! >= 0) matchOf[slotHolder[s]!] = p;
  }
  return matchOf;
}

/** Slots for a final matching given as `matchOf` (the "try to break it" matchings are not replayed from a trace). */
export function frameFromMatching(matchOf: ArrayLike<number>, quota: readonly number[]): Frame {
  const slotStart = slotOffsets(quota);
  const nP = quota.length;
  const slotHolder = new Int32Array(slotStart[nP]!).fill(-1);
  const waiting = new Int32Array(nP).fill(-1);
  for (let a = 0; a < matchOf.length; a++) {
    const p = matchOf[a]!;
    if (p >= 0) place(slotHolder, waiting, slotStart, p, a);
  }
  return { step: -1, slotStart, slotHolder, waiting, exhausted: new Uint8Array(matchOf.length) };
}
