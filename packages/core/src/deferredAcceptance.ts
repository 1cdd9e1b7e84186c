import { heapPush, heapReplaceTop } from "./heap.ts";
import type { CompiledMarket } from "./market.ts";
import type { Matching } from "./matching.ts";
import { EventKind, recordEvent, type Trace } from "./trace.ts";

export interface DeferredAcceptanceOptions {
  /**
   * Order in which applicants enter (a permutation of `0 … nA - 1`). The result does not depend on it in a
   * simple market; the trace does.
   * @defaultValue scenario order
   */
  order?: ArrayLike<number>;
  /** An event log from `createTrace(market, "applicant")`; when absent, nothing is recorded. */
  trace?: Trace;
}

/**
 * Applicant-proposing deferred acceptance, as the NRMP runs it in a simple market: each applicant applies down
 * her list; a program holds the best applicants it ranked, up to its quota, and a full program bumps its
 * least-preferred holder, who resumes at the next program on her list. A bumped applicant is processed at once.
 *
 * Work is O(total length of the applicants' lists + heap updates); the only allocations are per run.
 */
export function deferredAcceptance(market: CompiledMarket, options: DeferredAcceptanceOptions = {}): Matching {
  const { nA, nP, appStart, appRol, appRolProgRank, progStart, progRol, quota } = market;
  const trace = options.trace;
  const order = options.order;

  // A program can hold at most min(quota, its list length) applicants: its heap capacity.
  const heapStart = new Uint32Array(nP + 1);
  for (let p = 0; p < nP; p++) heapStart[p + 1] = heapStart[p]! + Math.min(quota[p]!, progStart[p + 1]! - progStart[p]!);
  const heap = new Int32Array(heapStart[nP]!); // program ranks of held applicants, see heap.ts
  const heapSize = new Uint32Array(nP);
  const next = new Uint32Array(nA); // next appRol entry each applicant will try
  for (let a = 0; a < nA; a++) next[a] = appStart[a]!;
  const matchEntry = new Int32Array(nA).fill(-1); // appRol entry she is held at; -1 when not held
  let proposals = 0;

  for (let k = 0; k < nA; k++) {
    let cur = order === undefined ? k : order[k]!;
    // Follow the chain of bumps: whoever is displaced proposes next, until someone is held or runs out.
    while (cur >= 0) {
      let e = next[cur]!;
      const end = appStart[cur + 1]!;
      let bumped = -1;
      let held = false;
      while (e < end) {
        const p = appRol[e]!;
        const rank = appRolProgRank[e]!;
        e++;
        proposals++;
        if (trace !== undefined) recordEvent(trace, EventKind.propose, cur, p, -1);
        if (rank < 0) {
          if (trace !== undefined) recordEvent(trace, EventKind.rejectUnranked, cur, p, -1);
          continue;
        }
        const base = heapStart[p]!;
        const size = heapSize[p]!;
        if (size < heapStart[p + 1]! - base) {
          heapPush(heap, base, size, rank);
          heapSize[p] = size + 1;
        } else {
          const worst = size === 0 ? -1 : heap[base]!;
          if (rank > worst) {
            // Full (or no positions): it prefers everyone it holds.
            if (trace !== undefined) recordEvent(trace, EventKind.rejectFull, cur, p, size === 0 ? -1 : progRol[progStart[p]! + worst]!);
            continue;
          }
          heapReplaceTop(heap, base, size, rank);
          bumped = progRol[progStart[p]! + worst]!;
          matchEntry[bumped] = -1;
        }
        matchEntry[cur] = e - 1;
        if (trace !== undefined) {
          recordEvent(trace, EventKind.hold, cur, p, -1);
          if (bumped >= 0) recordEvent(trace, EventKind.bump, bumped, p, cur);
        }
        held = true;
        break;
      }
      next[cur] = e;
      if (!held && trace !== undefined) recordEvent(trace, EventKind.exhausted, cur, -1, -1);
      cur = bumped;
    }
  }

  const matchOf = new Int32Array(nA);
  for (let a = 0; a < nA; a++) matchOf[a] = matchEntry[a]! < 0 ? -1 : appRol[matchEntry[a]!]!;
  return { side: "applicant", matchOf, matchEntry, proposals };
}
