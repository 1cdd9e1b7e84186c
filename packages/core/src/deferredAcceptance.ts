import { heapPush, heapReplaceTop } from "./heap.ts";
import type { CompiledMarket } from "./market.ts";
import type { Matching } from "./matching.ts";
import { EventKind, recordEvent, type Trace } from "./trace.ts";
import { takeArray, type Workspace } from "./workspace.ts";

/** Slots per program in the engine's state array: 6 used, padded to 8 so a program never straddles two cache lines. */
const STRIDE = 8;

export interface DeferredAcceptanceOptions {
  /**
   * Order in which applicants enter (a permutation of `0 … nA - 1`). The result does not depend on it in a
   * simple market; the trace does.
   * @defaultValue scenario order
   */
  order?: ArrayLike<number>;
  /** An event log from `createTrace(market, "applicant")`; when absent, nothing is recorded. */
  trace?: Trace;
  /**
   * Buffers to reuse across runs (see `createWorkspace`); the matching's arrays then live in it.
   * @defaultValue none: every run allocates its own arrays
   */
  workspace?: Workspace;
}

/**
 * Applicant-proposing deferred acceptance, as the NRMP runs it in a simple market: each applicant applies down
 * her list; a program holds the best applicants it ranked, up to its quota, and a full program bumps its
 * least-preferred holder, who resumes at the next program on her list. A bumped applicant is processed at once.
 *
 * Work is O(total length of the applicants' lists + heap updates); the only allocations are per run (none with a
 * workspace). Each program's counters sit side by side in one array, so a proposal costs few cache misses.
 */
export function deferredAcceptance(market: CompiledMarket, options: DeferredAcceptanceOptions = {}): Matching {
  const { nA, nP, appStart, appRol, appRolProgRank, progStart, progRol, quota } = market;
  const { trace, order, workspace } = options;

  // Per program p, STRIDE slots: [s] its heap's first slot in `heap`, [s + 1] capacity (it can hold at most
  // min(quota, list length) applicants), [s + 2] applicants held, [s + 3] its least-preferred holder as a progRol
  // entry (-1 when none), [s + 4] progStart[p], [s + 5] for a one-position program, the applicant it holds. Held
  // applicants are kept as progRol entries, not ranks: within one program they order alike, and the holder is then
  // progRol[entry], with no progStart lookup. One cache line serves a whole proposal; a program with one position
  // needs no heap at all ([s + 3] is its holder's entry) nor a progRol read to learn whom it bumps ([s + 5]): at a
  // million programs that read is a cache miss in the chain of dependent ones each bump costs.
  const state = takeArray(workspace, "da.state", Int32Array, STRIDE * nP);
  let slots = 0;
  for (let p = 0, s = 0; p < nP; p++, s += STRIDE) {
    const capacity = Math.min(quota[p]!, progStart[p + 1]! - progStart[p]!);
    state[s] = slots;
    state[s + 1] = capacity;
    state[s + 2] = 0;
    state[s + 3] = -1;
    state[s + 4] = progStart[p]!;
    state[s + 5] = -1;
    if (capacity > 1) slots += capacity;
  }
  const heap = takeArray(workspace, "da.heap", Int32Array, slots); // held progRol entries, see heap.ts
  const next = takeArray(workspace, "da.next", Uint32Array, nA); // next appRol entry each applicant will try
  for (let a = 0; a < nA; a++) next[a] = appStart[a]!;
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
        const s = STRIDE * p;
        const entry = state[s + 4]! + rank;
        const capacity = state[s + 1]!;
        const size = state[s + 2]!;
        const worst = state[s + 3]!;
        if (size < capacity) {
          state[s + 2] = size + 1;
          if (capacity === 1) {
            state[s + 3] = entry;
            state[s + 5] = cur;
          } else {
            heapPush(heap, state[s]!, size, entry);
            state[s + 3] = heap[state[s]!]!;
          }
        } else {
          if (entry > worst) {
            // Full (or no positions): it prefers everyone it holds.
            if (trace !== undefined) recordEvent(trace, EventKind.rejectFull, cur, p, size === 0 ? -1 : progRol[worst]!);
            continue;
          }
          if (capacity === 1) {
            bumped = state[s + 5]!;
            state[s + 3] = entry;
            state[s + 5] = cur;
          } else {
            bumped = progRol[worst]!;
            heapReplaceTop(heap, state[s]!, size, entry);
            state[s + 3] = heap[state[s]!]!;
          }
        }
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

  // Whoever a program holds was held at the entry just before her `next` (she stops right after being held).
  const matchOf = takeArray(workspace, "matching.matchOf", Int32Array, nA).fill(-1);
  const matchEntry = takeArray(workspace, "matching.matchEntry", Int32Array, nA).fill(-1);
  for (let p = 0, s = 0; p < nP; p++, s += STRIDE) {
    const size = state[s + 2]!;
    if (size === 0) continue;
    const base = state[s]!;
    for (let i = 0; i < size; i++) {
      const a = state[s + 1] === 1 ? state[s + 5]! : progRol[heap[base + i]!]!;
      matchOf[a] = p;
      matchEntry[a] = next[a]! - 1;
    }
  }
  return { side: "applicant", matchOf, matchEntry, proposals };
}
