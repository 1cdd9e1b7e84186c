import { groupQueries, type QueriesByProgram } from "../ownerRanks.ts";
import { takeArray, type Workspace } from "../workspace.ts";

/**
 * The owner queries of a market with couples and supplemental lists (ownerRanks.ts), one per distinct (applicant,
 * program): a couple member names the same program in many pairs, and an applicant's supplemental lists rank the
 * same preliminary programs in different orders, so on an NRMP-size market 172k pair slots and supplemental
 * entries ask only 51k distinct questions. The compile's walk answers those, and `spreadAnswers` copies each answer
 * to every slot and entry that asked it.
 */
export interface FullRankQueries {
  /** The distinct queries, couples' first (`0 … pairQueries`), grouped for the cross-rank walk. */
  readonly grouped: QueriesByProgram;
  /** How many of the distinct queries come from couples' pairs. */
  readonly pairQueries: number;
  /** Per couple query, its program and the first pair (of that member's couple) that names it for her. */
  readonly pairQueryProgram: Int32Array;
  readonly pairQueryFirstPair: Int32Array;
  /** Per pair slot (2j + side), its query; -1 for "No Match". */
  readonly pairQuery: Int32Array;
  /** Per supplemental-list entry, its query. */
  readonly suppQuery: Int32Array;
}

/** Couples' pairs: couple c's pairs are `pairStart[c] … pairStart[c + 1]`; slot 2j + side names member 2c + side's program (-1: none). */
export interface PairLists {
  readonly members: ArrayLike<number>;
  readonly pairStart: ArrayLike<number>;
  readonly pairProg: ArrayLike<number>;
}

/** Supplemental lists: list l belongs to `owner[l]` and ranks `rol[start[l] … start[l + 1])`; an owner's lists are consecutive. */
export interface SupplementalLists {
  readonly owner: ArrayLike<number>;
  readonly start: ArrayLike<number>;
  readonly rol: ArrayLike<number>;
}

/**
 * Finds the distinct queries and groups them by program. A stamp per program (the id of the member or owner
 * that last asked it) detects repeats: each member's pairs and each owner's lists are scanned together, so a
 * repeat is always met while her stamp is still there. O(nP + slots + entries).
 */
export function fullRankQueries(nA: number, nP: number, couples: PairLists, supp: SupplementalLists, workspace: Workspace | undefined): FullRankQueries {
  const { members, pairStart, pairProg } = couples;
  const nC = pairStart.length - 1;
  const slots = pairProg.length;
  const entries = supp.rol.length;
  const owners = takeArray(workspace, "queries.owner", Uint32Array, slots + entries);
  const programs = takeArray(workspace, "queries.program", Int32Array, slots + entries);
  const pairQueryFirstPair = takeArray(workspace, "queries.firstPair", Int32Array, slots);
  const pairQuery = takeArray(workspace, "queries.pairQuery", Int32Array, slots);
  const suppQuery = takeArray(workspace, "queries.suppQuery", Int32Array, entries);
  // stamp[p] = 1 + the asker's number, query[p] = the query she made there; couple members are 0 … 2nC − 1,
  // supplemental owners 2nC + a, so no stamp survives from one asker to another.
  const stamp = takeArray(workspace, "queries.stamp", Int32Array, nP).fill(0);
  const query = takeArray(workspace, "queries.ofProgram", Int32Array, nP);
  let n = 0;
  for (let c = 0; c < nC; c++) {
    for (let side = 0; side < 2; side++) {
      const asker = 2 * c + side + 1;
      const member = members[2 * c + side]!;
      for (let j = pairStart[c]!, end = pairStart[c + 1]!; j < end; j++) {
        const slot = 2 * j + side;
        const p = pairProg[slot]!;
        if (p < 0) {
          pairQuery[slot] = -1;
          continue;
        }
        if (stamp[p] !== asker) {
          stamp[p] = asker;
          query[p] = n;
          owners[n] = member;
          programs[n] = p;
          pairQueryFirstPair[n] = j;
          n++;
        }
        pairQuery[slot] = query[p]!;
      }
    }
  }
  const pairQueries = n;
  for (let l = 0; l < supp.owner.length; l++) {
    const owner = supp.owner[l]!;
    const asker = 2 * nC + owner + 1;
    for (let e = supp.start[l]!, end = supp.start[l + 1]!; e < end; e++) {
      const p = supp.rol[e]!;
      if (stamp[p] !== asker) {
        stamp[p] = asker;
        query[p] = n;
        owners[n] = owner;
        programs[n] = p;
        n++;
      }
      suppQuery[e] = query[p]!;
    }
  }
  return {
    grouped: groupQueries(nA, nP, { owners: owners.subarray(0, n), programs: programs.subarray(0, n) }, workspace),
    pairQueries,
    pairQueryProgram: programs.subarray(0, pairQueries),
    pairQueryFirstPair: pairQueryFirstPair.subarray(0, pairQueries),
    pairQuery,
    suppQuery,
  };
}

/** Once the walk has answered them: the programs' ranks per pair slot and per supplemental entry (-1: unranked or none). */
export function spreadAnswers(q: FullRankQueries, workspace: Workspace | undefined): { pairProgRank: Int32Array; suppRolProgRank: Int32Array } {
  const { answers } = q.grouped;
  const pairProgRank = takeArray(workspace, "full.pairProgRank", Int32Array, q.pairQuery.length);
  for (let slot = 0; slot < pairProgRank.length; slot++) {
    const k = q.pairQuery[slot]!;
    pairProgRank[slot] = k < 0 ? -1 : answers[k]!;
  }
  const suppRolProgRank = takeArray(workspace, "full.suppRolProgRank", Int32Array, q.suppQuery.length);
  for (let e = 0; e < suppRolProgRank.length; e++) suppRolProgRank[e] = answers[q.suppQuery[e]!]!;
  return { pairProgRank, suppRolProgRank };
}
