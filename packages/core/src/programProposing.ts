import type { CompiledMarket } from "./market.ts";
import type { Matching } from "./matching.ts";
import { EventKind, recordEvent, type Trace } from "./trace.ts";
import { takeArray, type Workspace } from "./workspace.ts";

export interface ProgramProposingOptions {
  /** An event log from `createTrace(market, "program")`; when absent, nothing is recorded. */
  trace?: Trace;
  /**
   * Buffers to reuse across runs (see `createWorkspace`); the matching's arrays then live in it.
   * @defaultValue none: every run allocates its own arrays
   */
  workspace?: Workspace;
}

/**
 * Program-proposing deferred acceptance, for comparison (the NRMP's algorithm before 1998 was mostly this):
 * each program offers its open positions down its list; each applicant holds the best offer she ranked and
 * declines the rest; a program whose offer is dropped offers again. The result is the program-optimal stable
 * matching. Work is O(total length of the programs' lists).
 */
export function programProposing(market: CompiledMarket, options: ProgramProposingOptions = {}): Matching {
  const { nA, nP, appStart, progStart, progRol, progRolAppRank, quota } = market;
  const { trace, workspace } = options;

  // Per applicant, 2 slots: [2a] her 0-based rank of the offer she holds (-1 when none), [2a + 1] its program.
  const held = takeArray(workspace, "pp.held", Int32Array, 2 * nA).fill(-1);
  // Per program, 2 slots: [2p] offers outstanding and held, [2p + 1] 1 while it waits on the stack.
  const progState = takeArray(workspace, "pp.progState", Uint32Array, 2 * nP);
  const next = takeArray(workspace, "pp.next", Uint32Array, nP); // next progRol entry each program will offer
  for (let p = 0; p < nP; p++) next[p] = progStart[p]!;
  const exhaustedLogged = new Uint8Array(trace === undefined ? 0 : nP);
  // Programs with open positions still to offer. Each is on the stack at most once, so nP slots suffice.
  const stack = takeArray(workspace, "pp.stack", Uint32Array, nP);
  let top = 0;
  for (let p = nP - 1; p >= 0; p--) {
    stack[top++] = p;
    progState[2 * p] = 0;
    progState[2 * p + 1] = 1;
  }
  let proposals = 0;

  while (top > 0) {
    const p = stack[--top]!;
    progState[2 * p + 1] = 0;
    const end = progStart[p + 1]!;
    const positions = quota[p]!;
    // No applicant can drop p while p itself is offering, so its count stays in a local until the end.
    let filled = progState[2 * p]!;
    let j = next[p]!;
    while (filled < positions && j < end) {
      const a = progRol[j]!;
      const rank = progRolAppRank[j]!;
      j++;
      proposals++;
      if (trace !== undefined) recordEvent(trace, EventKind.propose, a, p, -1);
      if (rank < 0) {
        if (trace !== undefined) recordEvent(trace, EventKind.rejectUnranked, a, p, -1);
        continue;
      }
      const current = held[2 * a]!;
      if (current >= 0 && current < rank) {
        if (trace !== undefined) recordEvent(trace, EventKind.rejectFull, a, p, held[2 * a + 1]!);
        continue;
      }
      const dropped = held[2 * a + 1]!;
      held[2 * a] = rank;
      held[2 * a + 1] = p;
      filled++;
      if (trace !== undefined) recordEvent(trace, EventKind.hold, a, p, -1);
      if (current >= 0) {
        progState[2 * dropped]!--;
        if (trace !== undefined) recordEvent(trace, EventKind.bump, a, dropped, p);
        if (progState[2 * dropped + 1] === 0) {
          stack[top++] = dropped;
          progState[2 * dropped + 1] = 1;
        }
      }
    }
    progState[2 * p] = filled;
    next[p] = j;
    if (trace !== undefined && j === end && filled < positions && exhaustedLogged[p] === 0) {
      exhaustedLogged[p] = 1;
      recordEvent(trace, EventKind.exhausted, -1, p, -1);
    }
  }

  const matchOf = takeArray(workspace, "matching.matchOf", Int32Array, nA);
  const matchEntry = takeArray(workspace, "matching.matchEntry", Int32Array, nA);
  for (let a = 0; a < nA; a++) {
    const rank = held[2 * a]!;
    matchEntry[a] = rank < 0 ? -1 : appStart[a]! + rank;
    matchOf[a] = rank < 0 ? -1 : held[2 * a + 1]!;
  }
  return { side: "program", matchOf, matchEntry, proposals };
}
