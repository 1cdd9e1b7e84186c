import type { FullTraceEvent } from "./fullTraceEvents.ts";

/** The matching as a Roth–Peranson trace has built it so far (ids). */
export interface FullReplayState {
  /** Applicant → her primary program. */
  primary: Map<string, string>;
  /** Applicant → her PGY-1 program from a supplemental list. */
  supplemental: Map<string, string>;
  /** Program → its current quota (even-number cuts and reversions move them). */
  quota: Map<string, number>;
}

export function createReplayState(quota: ReadonlyMap<string, number>): FullReplayState {
  return { primary: new Map(), supplemental: new Map(), quota: new Map(quota) };
}

function fail(i: number, e: FullTraceEvent, why: string): never {
  throw new Error(`applyFullEvent: event ${i} (${e.kind}): ${why}`);
}

function release(state: FullReplayState, i: number, e: FullTraceEvent, a: string, p: string | null): void {
  if (p !== null && state.primary.get(a) !== p) fail(i, e, `${a} does not hold ${p}`);
  state.primary.delete(a);
  if (e.supplemental !== null) {
    if (state.supplemental.get(a) !== e.supplemental) fail(i, e, `${a} does not hold PGY-1 ${e.supplemental}`);
    state.supplemental.delete(a);
  }
}

function hold(state: FullReplayState, i: number, e: FullTraceEvent, a: string, p: string | null): void {
  if (p === null) return;
  const current = state.primary.get(a);
  if (current !== undefined && current !== p) fail(i, e, `${a} still holds ${current}`);
  state.primary.set(a, p);
}

/**
 * Applies event number `i` of a trace to `state`: holds, withdrawals, bumps and quota moves change it, the rest
 * narrate. Throws when the event does not fit the state (someone bumped from a program she does not hold…), so a
 * replay is also a check that the trace tells the whole story.
 */
export function applyFullEvent(state: FullReplayState, e: FullTraceEvent, i: number, initialQuota: ReadonlyMap<string, number>): void {
  const a = e.applicant ?? "";
  switch (e.kind) {
    case "attempt":
    case "fallback":
      state.primary.clear();
      state.supplemental.clear();
      state.quota = new Map(initialQuota);
      return;
    case "hold": return hold(state, i, e, a, e.program);
    case "leave":
    case "bump":
    case "partnerWithdrawn":
      return release(state, i, e, a, e.program);
    case "coupleHold":
      hold(state, i, e, a, e.program);
      return hold(state, i, e, e.partner ?? "", e.partnerProgram);
    case "suppHold":
      if (e.other !== null && state.supplemental.get(a) !== e.other) fail(i, e, `${a} does not hold PGY-1 ${e.other}`);
      if (e.other === null && state.supplemental.has(a)) fail(i, e, `${a} already holds PGY-1 ${state.supplemental.get(a)}`);
      state.supplemental.set(a, e.program ?? "");
      return;
    case "suppBump":
      if (state.supplemental.get(a) !== e.program) fail(i, e, `${a} does not hold PGY-1 ${e.program}`);
      state.supplemental.delete(a);
      return;
    case "quota":
      state.quota.set(e.program ?? "", e.count ?? 0);
      return;
    case "evenCut":
      state.quota.set(e.program ?? "", e.count ?? 0);
      return;
    case "reversion":
    case "reclaim": {
      const from = e.kind === "reversion" ? e.program! : e.other!;
      const to = e.kind === "reversion" ? e.other! : e.program!;
      state.quota.set(from, state.quota.get(from)! - e.count!);
      state.quota.set(to, state.quota.get(to)! + e.count!);
      return;
    }
    default:
      return;
  }
}

/** Replays events `0 … upTo - 1` (all by default) from the empty matching. */
export function replayFullTrace(events: readonly FullTraceEvent[], initialQuota: ReadonlyMap<string, number>, upTo = events.length): FullReplayState {
  const state = createReplayState(initialQuota);
  for (let i = 0; i < upTo; i++) applyFullEvent(state, events[i]!, i, initialQuota);
  return state;
}
