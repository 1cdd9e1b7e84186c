import { heapPush, heapReplaceTop } from "../heap.ts";
import type { CompiledMarket } from "../market.ts";

/**
 * The state of an applicant-proposing deferred acceptance that can be paused, copied and resumed. Strategy
 * analysis runs the market once without the applicant under study, saves that state, and then replays only the
 * chain of bumps her own proposals set off (order independence makes this exact in a simple market).
 *
 * Sizes: `heap` holds at most min(quota, list length) ranks per program, so `heapStart[nP]` ≤ total positions;
 * the other arrays are per applicant or per program. Copying a state is a few `set` calls, no allocation.
 */
export interface DaState {
  /** Offsets into `heap`, length nP + 1: program p's held ranks live in `heap[heapStart[p] …)`. */
  readonly heapStart: Uint32Array;
  /** Program ranks of held applicants, one max-heap per program (see heap.ts). */
  readonly heap: Int32Array;
  /** How many applicants each program holds. */
  readonly heapSize: Uint32Array;
  /** Next `appRol` entry each applicant will try. */
  readonly next: Uint32Array;
  /** `appRol` entry where each applicant is held; -1 when not held; -2 for an outsider held by `offer`. */
  readonly matchEntry: Int32Array;
}

/** Result of `offer` when the program turns the applicant down. */
export const REJECTED = -2;
/** `matchEntry` of an outsider held through `offerOutsider` (her entry is not in her market list). */
export const HELD_OUTSIDE = -2;

export function createDaState(market: CompiledMarket): DaState {
  const { nA, nP, progStart, quota } = market;
  const heapStart = new Uint32Array(nP + 1);
  for (let p = 0; p < nP; p++) heapStart[p + 1] = heapStart[p]! + Math.min(quota[p]!, progStart[p + 1]! - progStart[p]!);
  return {
    heapStart,
    heap: new Int32Array(heapStart[nP]!),
    heapSize: new Uint32Array(nP),
    next: new Uint32Array(nA),
    matchEntry: new Int32Array(nA),
  };
}

/** Empties a state: nobody has proposed yet. */
export function resetDaState(market: CompiledMarket, state: DaState): void {
  state.heapSize.fill(0);
  state.next.set(market.appStart.subarray(0, market.nA));
  state.matchEntry.fill(-1);
}

/** Copies `from` into `to` (both created for the same market). */
export function copyDaState(to: DaState, from: DaState): void {
  to.heap.set(from.heap);
  to.heapSize.set(from.heapSize);
  to.next.set(from.next);
  to.matchEntry.set(from.matchEntry);
}

/**
 * Program `p` considers an applicant it ranks `rank` (0-based; < 0 when it did not rank her). Returns `REJECTED`,
 * or the applicant it bumped to make room (-1 when it had a free position).
 */
export function offer(market: CompiledMarket, state: DaState, p: number, rank: number): number {
  if (rank < 0) return REJECTED;
  const { heapStart, heap, heapSize } = state;
  const base = heapStart[p]!;
  const size = heapSize[p]!;
  if (size < heapStart[p + 1]! - base) {
    heapPush(heap, base, size, rank);
    heapSize[p] = size + 1;
    return -1;
  }
  if (size === 0 || rank > heap[base]!) return REJECTED;
  const worst = heap[base]!;
  heapReplaceTop(heap, base, size, rank);
  const bumped = market.progRol[market.progStart[p]! + worst]!;
  state.matchEntry[bumped] = -1;
  return bumped;
}

/**
 * Applicant `a` applies down her list from where she stopped; whoever she displaces applies next, and so on until
 * someone is held at a free position or runs out of programs.
 */
export function proposeFrom(market: CompiledMarket, state: DaState, a: number): void {
  const { appStart, appRol, appRolProgRank } = market;
  const { next, matchEntry } = state;
  let cur = a;
  while (cur >= 0) {
    let e = next[cur]!;
    const end = appStart[cur + 1]!;
    let bumped = -1;
    for (; e < end; e++) {
      const result = offer(market, state, appRol[e]!, appRolProgRank[e]!);
      if (result === REJECTED) continue;
      matchEntry[cur] = e;
      bumped = result;
      e++;
      break;
    }
    next[cur] = e;
    cur = bumped;
  }
}

/** Runs the whole market from an empty state, leaving `skip` (if ≥ 0) out as though her list were empty. */
export function runDa(market: CompiledMarket, state: DaState, skip = -1): void {
  resetDaState(market, state);
  if (skip >= 0) state.next[skip] = market.appStart[skip + 1]!;
  for (let a = 0; a < market.nA; a++) if (a !== skip) proposeFrom(market, state, a);
}

/**
 * Applicant `outsider` (left out of the run, see `runDa`) applies to program `p` alone, which ranks her `rank`.
 * Returns true when she is still held there once the chain of bumps settles.
 */
export function offerOutsider(market: CompiledMarket, state: DaState, outsider: number, p: number, rank: number): boolean {
  const bumped = offer(market, state, p, rank);
  if (bumped === REJECTED) return false;
  state.matchEntry[outsider] = HELD_OUTSIDE;
  if (bumped >= 0) proposeFrom(market, state, bumped);
  return state.matchEntry[outsider] === HELD_OUTSIDE;
}
