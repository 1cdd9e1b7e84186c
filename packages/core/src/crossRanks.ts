import type { PointerArray } from "./pointerArray.ts";
import { takeArray, type Workspace } from "./workspace.ts";
import { joinBlockWithOwners, type QueriesByProgram } from "./ownerRanks.ts";

/** Each side's rank of the other for every list entry, as `CompiledMarket` stores them. */
export interface CrossRanks {
  /** For each applicant-list entry, the program's 0-based rank of that applicant; -1 when it did not rank her. */
  appRolProgRank: Int32Array;
  /** For each program-list entry, the applicant's 0-based rank of that program; -1 when she did not rank it. */
  progRolAppRank: Int32Array;
}

/** Options of `crossRanks`. */
export interface CrossRanksOptions {
  /**
   * Buffers to reuse (see `createWorkspace`).
   * @defaultValue none
   */
  workspace?: Workspace | undefined;
  /**
   * Applicant-list entries a block of programs should gather (a tuning knob; tests shrink it to force many blocks).
   * @defaultValue 2^14
   */
  blockEntries?: number;
  /**
   * Owner queries to answer in the same walk (ownerRanks.ts); their `answers` are filled.
   * @defaultValue none
   */
  ownerQueries?: QueriesByProgram | undefined;
}

/** A block of programs should gather about this many applicant-list entries (so its tuples stay in cache). */
const BLOCK_ENTRIES = 1 << 14;

/**
 * Fills the cross ranks in O(nA + nP + total list length), with no nA × nP table:
 * 1. the applicant-list entries are grouped by program, as (entry, applicant) pairs (the reverse index), in two
 *    counting-sort passes: first into blocks of 2^shift consecutive programs, then, block by block, by program;
 * 2. per program, mark each applicant who ranked it with her entry (`entryOf`), walk the program's own list and
 *    join the two, then clear the marks, so `entryOf` is all zeros again for the next program.
 *
 * At a million programs the cost is memory traffic, not arithmetic. A one-pass counting sort by program scatters
 * every entry to a random place in a 120 MB array through a million cursors: a cache and TLB miss per entry. The
 * first pass here writes to a few hundred sequential streams instead, and the second sorts one block at a time in
 * a buffer that stays in cache; measured on the 1M × 15 market, this cut the whole function by about a quarter.
 * Every buffer can come from a workspace, which also spares the page faults of fresh arrays.
 */
export function crossRanks(
  nA: number,
  nP: number,
  appStart: Uint32Array,
  appRol: PointerArray,
  progStart: Uint32Array,
  progRol: PointerArray,
  options: CrossRanksOptions = {},
): CrossRanks {
  const { workspace, blockEntries = BLOCK_ENTRIES, ownerQueries } = options;
  const totalA = appStart[nA]!;
  const totalP = progStart[nP]!;

  // Programs per block: a power of two near blockEntries × (programs per entry); nBlocks ≤ nP + 1.
  const shift = Math.max(0, Math.ceil(Math.log2(Math.max(1, (blockEntries * nP) / Math.max(totalA, 1)))));
  const nBlocks = (nP >> shift) + 1;
  const width = 1 << shift;

  // Pass 1: (program, entry, applicant) triples grouped by block (3 · totalA slots), block b at 3 · blockStart[b].
  // Each loop is a function of its own: in a fresh process V8 compiles a long function loop by loop (on-stack
  // replacement) and throws the code away at each next loop it has no type feedback for; small functions are
  // compiled once each (a cold NRMP-size compile took ~65 ms against ~9 ms warm).
  const blockStart = takeArray(workspace, "crossRanks.blockStart", Uint32Array, nBlocks + 1).fill(0);
  const largest = countByBlock(appRol, totalA, shift, blockStart, nBlocks);
  const cursor = takeArray(workspace, "crossRanks.cursor", Uint32Array, nBlocks);
  cursor.set(blockStart.subarray(0, nBlocks));
  const triples = takeArray(workspace, "crossRanks.triples", Uint32Array, 3 * totalA);
  scatterByBlock(nA, appStart, appRol, shift, cursor, triples);

  const appRolProgRank = takeArray(workspace, "market.appRolProgRank", Int32Array, totalA).fill(-1);
  const progRolAppRank = takeArray(workspace, "market.progRolAppRank", Int32Array, totalP).fill(-1);
  // entryOf[a] = 1 + her entry naming the current program; 0 when she did not rank it (all zeros between programs).
  const entryOf = takeArray(workspace, "crossRanks.entryOf", Uint32Array, nA).fill(0);
  // One block's (entry, applicant) pairs sorted by program (2 · its largest entry count), and the offsets
  // `local[2 · localStart[q]] …` of its q-th program (width + 1).
  const local = takeArray(workspace, "crossRanks.local", Uint32Array, 2 * largest);
  const localStart = takeArray(workspace, "crossRanks.localStart", Uint32Array, width + 1);

  for (let b = 0; b < nBlocks; b++) {
    const p0 = b << shift;
    const count = Math.min(width, nP - p0);
    if (count <= 0) break;
    sortBlock(triples, blockStart[b]!, blockStart[b + 1]!, p0, count, localStart, local);
    if (ownerQueries === undefined) joinBlock(p0, count, localStart, local, entryOf, appStart, progStart, progRol, appRolProgRank, progRolAppRank);
    else joinBlockWithOwners(p0, count, localStart, local, entryOf, appStart, progStart, progRol, appRolProgRank, progRolAppRank, ownerQueries);
  }
  return { appRolProgRank, progRolAppRank };
}

/** Counts the applicant-list entries of each block of programs into `blockStart[b + 1]`, then makes the counts
 * offsets; returns the largest block's count. */
function countByBlock(appRol: PointerArray, totalA: number, shift: number, blockStart: Uint32Array, nBlocks: number): number {
  for (let e = 0; e < totalA; e++) blockStart[(appRol[e]! >> shift) + 1]!++;
  let largest = 0;
  for (let b = 0; b < nBlocks; b++) {
    largest = Math.max(largest, blockStart[b + 1]!);
    blockStart[b + 1]! += blockStart[b]!;
  }
  return largest;
}

/** Writes each applicant-list entry as a (program, entry, applicant) triple at its block's cursor. */
function scatterByBlock(nA: number, appStart: Uint32Array, appRol: PointerArray, shift: number, cursor: Uint32Array, triples: Uint32Array): void {
  for (let a = 0; a < nA; a++) {
    for (let e = appStart[a]!, end = appStart[a + 1]!; e < end; e++) {
      const p = appRol[e]!;
      const slot = 3 * cursor[p >> shift]!++;
      triples[slot] = p;
      triples[slot + 1] = e;
      triples[slot + 2] = a;
    }
  }
}

/**
 * Pass 2: counting sort of one block's triples `[t0, t1)` by program (programs p0 … p0 + count − 1) into `local` as
 * (entry, applicant) pairs; `localStart[q]` serves as q's cursor, then shifts back to q's offset.
 */
function sortBlock(triples: Uint32Array, t0: number, t1: number, p0: number, count: number, localStart: Uint32Array, local: Uint32Array): void {
  localStart.fill(0, 0, count + 1);
  countLocal(triples, t0, t1, p0, localStart);
  prefixSums(localStart, count);
  placeLocal(triples, t0, t1, p0, localStart, local);
  localStart.copyWithin(1, 0, count);
  localStart[0] = 0;
}

function countLocal(triples: Uint32Array, t0: number, t1: number, p0: number, localStart: Uint32Array): void {
  for (let t = t0; t < t1; t++) localStart[triples[3 * t]! - p0 + 1]!++;
}

function prefixSums(localStart: Uint32Array, count: number): void {
  for (let q = 0; q < count; q++) localStart[q + 1]! += localStart[q]!;
}

function placeLocal(triples: Uint32Array, t0: number, t1: number, p0: number, localStart: Uint32Array, local: Uint32Array): void {
  for (let t = t0; t < t1; t++) {
    const slot = 2 * localStart[triples[3 * t]! - p0]!++;
    local[slot] = triples[3 * t + 1]!;
    local[slot + 1] = triples[3 * t + 2]!;
  }
}

/**
 * Per program of the block: mark each applicant who ranked it with her entry (`entryOf`), walk the program's own
 * list and join the two, then clear the marks.
 */
function joinBlock(
  p0: number, count: number, localStart: Uint32Array, local: Uint32Array, entryOf: Uint32Array,
  appStart: Uint32Array, progStart: Uint32Array, progRol: PointerArray, appRolProgRank: Int32Array, progRolAppRank: Int32Array,
): void {
  for (let q = 0; q < count; q++) {
    const r0 = 2 * localStart[q]!;
    const r1 = 2 * localStart[q + 1]!;
    for (let r = r0; r < r1; r += 2) entryOf[local[r + 1]!] = local[r]! + 1;
    const p = p0 + q;
    const ps = progStart[p]!;
    for (let j = ps, end = progStart[p + 1]!; j < end; j++) {
      const a = progRol[j]!;
      const marked = entryOf[a]!;
      if (marked !== 0) {
        progRolAppRank[j] = marked - 1 - appStart[a]!;
        appRolProgRank[marked - 1] = j - ps;
      }
    }
    for (let r = r0; r < r1; r += 2) entryOf[local[r + 1]!] = 0;
  }
}
