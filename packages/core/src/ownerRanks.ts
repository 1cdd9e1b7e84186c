import type { PointerArray } from "./pointerArray.ts";
import { takeArray, type Workspace } from "./workspace.ts";

/**
 * Entries outside the applicants' own lists whose program's rank of their owner a compile must find too: the
 * programs of couples' pairs (for each member) and of supplemental lists. `crossRanks` answers them in its own
 * walk over every program's list, which it makes anyway, instead of a second walk of its own.
 */
export interface RankQuery {
  /** Entry i belongs to applicant `owners[i]`... */
  owners: Uint32Array;
  /** ...and names program `programs[i]` (-1 for none, e.g. "No Match"). */
  programs: Int32Array;
}

/** The owner queries grouped by program (a counting sort), ready for `crossRanks`' per-program walk. */
export interface QueriesByProgram {
  /** Program p's queries are slots `start[p] … start[p + 1]` (length nP + 1). */
  start: Uint32Array;
  /** Per slot, its owner. */
  owner: Uint32Array;
  /** Per slot, its query's number i, where `answers` takes its rank. */
  target: Uint32Array;
  /** Per query i, the program's rank of the owner; -1 until found (and for a query with no program). */
  answers: Int32Array;
  /** Scratch per applicant (nA): her rank in the current program's list while she owns a query there. */
  ownerRank: Int32Array;
}

/** Groups the queries by program, for a market of nA applicants and nP programs; O(nP + queries). */
export function groupQueries(nA: number, nP: number, queries: RankQuery, workspace: Workspace | undefined): QueriesByProgram {
  const answers = takeArray(workspace, "ranks.answers", Int32Array, queries.owners.length).fill(-1);
  const start = takeArray(workspace, "ranks.start", Uint32Array, nP + 1).fill(0);
  countByProgram(queries.programs, start);
  for (let p = 0; p < nP; p++) start[p + 1]! += start[p]!;
  const owner = takeArray(workspace, "ranks.owner", Uint32Array, start[nP]!);
  const target = takeArray(workspace, "ranks.target", Uint32Array, start[nP]!);
  const fill = takeArray(workspace, "ranks.fill", Uint32Array, nP);
  fill.set(start.subarray(0, nP));
  place(queries, fill, owner, target);
  return { start, owner, target, answers, ownerRank: takeArray(workspace, "ranks.ownerRank", Int32Array, nA) };
}

function countByProgram(programs: Int32Array, start: Uint32Array): void {
  for (let i = 0; i < programs.length; i++) if (programs[i]! >= 0) start[programs[i]! + 1]!++;
}

function place(q: RankQuery, fill: Uint32Array, owner: Uint32Array, target: Uint32Array): void {
  const { owners, programs } = q;
  for (let i = 0; i < programs.length; i++) {
    const p = programs[i]!;
    if (p < 0) continue;
    const k = fill[p]!++;
    owner[k] = owners[i]!;
    target[k] = i;
  }
}

/** Set in `entryOf[a]` (crossRanks.ts) while applicant a owns a query for the current program. */
const OWNER = 0x80000000;

/**
 * `crossRanks`' per-program join for a block of programs, answering the owner queries in the same walk: before a
 * program's list is walked, each query owner's `entryOf` gets the OWNER bit (beside her own entry naming the
 * program, if any), and the walk records her rank in `ownerRank` when it meets her. Only markets with couples or
 * supplemental lists come here; simple ones keep the plain join, with no extra test per entry.
 */
export function joinBlockWithOwners(
  p0: number, count: number, localStart: Uint32Array, local: Uint32Array, entryOf: Uint32Array,
  appStart: Uint32Array, progStart: Uint32Array, progRol: PointerArray, appRolProgRank: Int32Array, progRolAppRank: Int32Array,
  q: QueriesByProgram,
): void {
  const { start, owner, target, answers, ownerRank } = q;
  for (let i = 0; i < count; i++) {
    const r0 = 2 * localStart[i]!;
    const r1 = 2 * localStart[i + 1]!;
    const p = p0 + i;
    const k0 = start[p]!;
    const k1 = start[p + 1]!;
    for (let r = r0; r < r1; r += 2) entryOf[local[r + 1]!] = local[r]! + 1;
    for (let k = k0; k < k1; k++) {
      const a = owner[k]!;
      entryOf[a] = (entryOf[a]! | OWNER) >>> 0;
      ownerRank[a] = -1;
    }
    const ps = progStart[p]!;
    for (let j = ps, end = progStart[p + 1]!; j < end; j++) {
      const a = progRol[j]!;
      const marked = entryOf[a]!;
      if (marked === 0) continue;
      const entry = marked & ~OWNER;
      if (entry !== 0) {
        progRolAppRank[j] = entry - 1 - appStart[a]!;
        appRolProgRank[entry - 1] = j - ps;
      }
      if (marked >= OWNER) ownerRank[a] = j - ps;
    }
    for (let k = k0; k < k1; k++) answers[target[k]!] = ownerRank[owner[k]!]!;
    for (let r = r0; r < r1; r += 2) entryOf[local[r + 1]!] = 0;
    for (let k = k0; k < k1; k++) entryOf[owner[k]!] = 0;
  }
}
