import type { CompiledMarket } from "./market.ts";
import type { Matching } from "./matching.ts";
import { EventKind, recordEvent, type Trace } from "./trace.ts";

export interface ProgramProposingOptions {
  /** An event log from `createTrace(market, "program")`; when absent, nothing is recorded. */
  trace?: Trace;
}

/**
 * Program-proposing deferred acceptance, for comparison (the NRMP's algorithm before 1998 was mostly this):
 * each program offers its open positions down its list; each applicant holds the best offer she ranked and
 * declines the rest; a program whose offer is dropped offers again. The result is the program-optimal stable
 * matching. Work is O(total length of the programs' lists).
 */
export function programProposing(market: CompiledMarket, options: ProgramProposingOptions = {}): Matching {
  const { nA, nP, appStart, appRol, progStart, progRol, progRolAppRank, quota } = market;
  const trace = options.trace;

  const heldRank = new Int32Array(nA).fill(-1); // her 0-based rank of the offer she holds; -1 when none
  const filled = new Uint32Array(nP); // offers each program has outstanding and held
  const next = progStart.slice(0, nP); // next progRol entry each program will offer
  const exhaustedLogged = new Uint8Array(trace === undefined ? 0 : nP);
  // Programs with open positions still to offer. Each is on the stack at most once (onStack), so nP slots suffice.
  const stack = new Uint32Array(nP);
  const onStack = new Uint8Array(nP);
  let top = 0;
  for (let p = nP - 1; p >= 0; p--) {
    stack[top++] = p;
    onStack[p] = 1;
  }
  let proposals = 0;

  while (top > 0) {
    const p = stack[--top]!;
    onStack[p] = 0;
    const end = progStart[p + 1]!;
    let j = next[p]!;
    while (filled[p]! < quota[p]! && j < end) {
      const a = progRol[j]!;
      const rank = progRolAppRank[j]!;
      j++;
      proposals++;
      if (trace !== undefined) recordEvent(trace, EventKind.propose, a, p, -1);
      if (rank < 0) {
        if (trace !== undefined) recordEvent(trace, EventKind.rejectUnranked, a, p, -1);
        continue;
      }
      const current = heldRank[a]!;
      if (current >= 0 && current < rank) {
        if (trace !== undefined) recordEvent(trace, EventKind.rejectFull, a, p, appRol[appStart[a]! + current]!);
        continue;
      }
      heldRank[a] = rank;
      filled[p]!++;
      if (trace !== undefined) recordEvent(trace, EventKind.hold, a, p, -1);
      if (current >= 0) {
        const dropped = appRol[appStart[a]! + current]!;
        filled[dropped]!--;
        if (trace !== undefined) recordEvent(trace, EventKind.bump, a, dropped, p);
        if (onStack[dropped] === 0) {
          stack[top++] = dropped;
          onStack[dropped] = 1;
        }
      }
    }
    next[p] = j;
    if (trace !== undefined && j === end && filled[p]! < quota[p]! && exhaustedLogged[p] === 0) {
      exhaustedLogged[p] = 1;
      recordEvent(trace, EventKind.exhausted, -1, p, -1);
    }
  }

  const matchOf = new Int32Array(nA);
  const matchEntry = new Int32Array(nA);
  for (let a = 0; a < nA; a++) {
    const rank = heldRank[a]!;
    matchEntry[a] = rank < 0 ? -1 : appStart[a]! + rank;
    matchOf[a] = rank < 0 ? -1 : appRol[appStart[a]! + rank]!;
  }
  return { side: "program", matchOf, matchEntry, proposals };
}
