/**
 * An optional event log of the Roth–Peranson engine, in the columnar style of the simple engine's `Trace`
 * (trace.ts). The engine calls a hook only when `RpState.trace` is set, so a run without a trace pays one null
 * check per event site and allocates nothing.
 *
 * Columns per event: `applicant`, `program`, `other`, `extra`, `detail` (-1 when unused). Per kind:
 *
 * | kind | applicant | program | other | extra | detail |
 * | --- | --- | --- | --- | --- | --- |
 * | attempt | | | | | attempt number (0 = production order) |
 * | admit | single, or couple's first member | | couple's second member | | |
 * | propose / hold / keeps | single | program | | | |
 * | rejectUnranked / rejectBanned | single | program | | | |
 * | rejectFull | single | program | its least-preferred holder | | |
 * | leave | applicant | program she leaves | | PGY-1 program lost with it | 0 moves up, 1 couple moves |
 * | bump | applicant | program | who displaced her (-1: even cut) | PGY-1 program lost with it | |
 * | partnerWithdrawn | partner | her program (-1: none) | the bumped member | PGY-1 program lost | |
 * | exhausted | single | | | | |
 * | coupleProposes / coupleHold / coupleKeeps | first member | her program (-1: No Match) | second member | his program | |
 * | coupleRejected | first member | her program | second member | his program | refusing side × 4 + reason |
 * | coupleExhausted | first member | | second member | | |
 * | suppList | applicant | advanced program | | | |
 * | suppPropose / suppHold | applicant | preliminary program | PGY-1 program she leaves (hold) | | |
 * | suppReject | applicant | preliminary program | least-preferred holder (full) | | reason |
 * | suppBump | applicant | preliminary program | who displaced her | | |
 * | suppExhausted | applicant | advanced program | | | |
 * | vacancy | | program | | | applicants who re-propose |
 * | reconsider | applicant (couple: first member) | program | couple's second member | | 0 single, 1 couple, 2 PGY-1 |
 * | loopBroken | applicant banned | program banned | | | index into `loops` |
 * | polish | | | | | pairs un-banned |
 * | endRound | | | | | round (1-based) |
 * | evenCut | applicant removed | program | | | its new quota |
 * | reversion | | program giving | program receiving | | positions |
 * | reclaim | | program claiming back | program giving back | | positions (1) |
 * | fallback | | | | | method: 0 none, 1 Kojima–Pathak–Roth, 2 repair walk |
 * | quota | | program | | | its quota in the matching that follows a fallback |
 *
 * Reasons (`detail` of rejections): 0 unranked, 1 full, 2 banned (loop broken), 3 no room for both partners.
 */
export const FullEventKind = {
  attempt: 0, admit: 1, propose: 2, hold: 3, keeps: 4, rejectUnranked: 5, rejectBanned: 6, rejectFull: 7, leave: 8, bump: 9,
  partnerWithdrawn: 10, exhausted: 11, coupleProposes: 12, coupleHold: 13, coupleKeeps: 14, coupleRejected: 15, coupleExhausted: 16,
  suppList: 17, suppPropose: 18, suppHold: 19, suppReject: 20, suppBump: 21, suppExhausted: 22, vacancy: 23, reconsider: 24,
  loopBroken: 25, polish: 26, endRound: 27, evenCut: 28, reversion: 29, reclaim: 30, fallback: 31, quota: 32,
} as const;
export type FullEventKind = (typeof FullEventKind)[keyof typeof FullEventKind];
export const fullEventKindNames = [
  "attempt", "admit", "propose", "hold", "keeps", "rejectUnranked", "rejectBanned", "rejectFull", "leave", "bump",
  "partnerWithdrawn", "exhausted", "coupleProposes", "coupleHold", "coupleKeeps", "coupleRejected", "coupleExhausted",
  "suppList", "suppPropose", "suppHold", "suppReject", "suppBump", "suppExhausted", "vacancy", "reconsider",
  "loopBroken", "polish", "endRound", "evenCut", "reversion", "reclaim", "fallback", "quota",
] as const;
export type FullEventKindName = (typeof fullEventKindNames)[number];

/** Reasons a program refuses (the `detail` of rejections). */
export const RejectReason = { unranked: 0, full: 1, banned: 2, noRoomForBoth: 3 } as const;

/** A loop the engine broke, as recorded in the trace. */
export interface TracedLoop {
  applicants: number[];
  programs: number[];
}

/** A columnar event log of one `rothPeranson` call (every attempt, in order). */
export interface FullTrace {
  kind: Uint8Array;
  applicant: Int32Array;
  program: Int32Array;
  other: Int32Array;
  extra: Int32Array;
  detail: Int32Array;
  /** Events recorded so far. */
  length: number;
  /** Events the trace may hold; past it recording stops and `truncated` is set. */
  readonly limit: number;
  /** True when the run logged more than `limit` events (the log then ends early). */
  truncated: boolean;
  /** Loops broken, referenced by `loopBroken` events. */
  loops: TracedLoop[];
  /** Couple orders of the attempts, referenced by `attempt` events (couple indices). */
  orders: number[][];
  /** The agent whose arrival may bump someone next (an applicant, or -1 for an even-number cut). */
  entrant: number;
}

export interface FullTraceOptions {
  /**
   * Events the trace may hold. The log grows by doubling as needed (no bound on the engine's work is small enough
   * to preallocate: loops and re-orderings can repeat steps), so this caps memory on large markets.
   * @defaultValue 1 000 000
   */
  limit?: number;
}

/** An empty trace for `rothPeranson(market, { trace })`. */
export function createFullTrace(options: FullTraceOptions = {}): FullTrace {
  const limit = options.limit ?? 1_000_000;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("createFullTrace: limit must be a whole number ≥ 1");
  const capacity = Math.min(limit, 256);
  return {
    kind: new Uint8Array(capacity),
    applicant: new Int32Array(capacity),
    program: new Int32Array(capacity),
    other: new Int32Array(capacity),
    extra: new Int32Array(capacity),
    detail: new Int32Array(capacity),
    length: 0,
    limit,
    truncated: false,
    loops: [],
    orders: [],
    entrant: -1,
  };
}

function grow(t: FullTrace): void {
  const capacity = Math.min(t.limit, 2 * t.kind.length);
  const bigger = <T extends Uint8Array | Int32Array>(a: T): T => {
    const b = new (a.constructor as new (n: number) => T)(capacity);
    b.set(a);
    return b;
  };
  t.kind = bigger(t.kind);
  t.applicant = bigger(t.applicant);
  t.program = bigger(t.program);
  t.other = bigger(t.other);
  t.extra = bigger(t.extra);
  t.detail = bigger(t.detail);
}

/** Appends one event (amortised O(1): the columns double when full). */
export function recordFull(t: FullTrace, kind: FullEventKind, applicant: number, program: number, other = -1, extra = -1, detail = -1): void {
  if (t.length >= t.kind.length) {
    if (t.length >= t.limit) {
      t.truncated = true;
      return;
    }
    grow(t);
  }
  const i = t.length++;
  t.kind[i] = kind;
  t.applicant[i] = applicant;
  t.program[i] = program;
  t.other[i] = other;
  t.extra[i] = extra;
  t.detail[i] = detail;
}
