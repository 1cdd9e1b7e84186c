import { fullRankQueries, spreadAnswers } from "../rules/fullRankQueries.ts";
import { indexCouplePairs } from "../rules/couplePairIndex.ts";
import { compareIds, type FullMarket } from "../rules/fullMarket.ts";
import { compileGeneratedLists, generatedTracks, type GeneratedMarket } from "./generatedMarket.ts";
import { takeArray, type Workspace } from "../workspace.ts";

export interface CompileGeneratedFullOptions {
  /**
   * Buffers to reuse across compilations (see `createWorkspace`); the market's arrays (rank arrays, couple and
   * supplemental indexes, admission order) then live in it and the next compilation with the same workspace
   * overwrites them.
   * @defaultValue none: every compilation allocates its own arrays
   */
  workspace?: Workspace;
}

/**
 * Compiles a generated market with couples, supplemental lists or reversions for the Roth–Peranson engine, in
 * memory from its typed arrays (no scenario objects, no JSON): the same `FullMarket` that `compileFullMarket`
 * builds from `toScenario(market)`, which the tests check. Works for simple markets too.
 *
 * Admission order follows ALGORITHM.md §9 (ascending id): generated applicant ids are `sequentialIds`, zero-padded
 * to one width, so id order is index order and no string sort is needed. O(nA + nP + list entries), plus a sort of
 * the (few) reversion donors by id.
 */
export function compileGeneratedFull(market: GeneratedMarket, options: CompileGeneratedFullOptions = {}): FullMarket {
  const { workspace } = options;
  const { nA, nP } = market;
  const couples = market.couples ?? { members: new Uint32Array(0), start: new Uint32Array(1), rol: new Int32Array(0) };
  const nC = couples.start.length - 1;
  // Every array comes from the workspace when one is given (fresh memory costs page faults; see workspace.ts).
  const coupleOf = takeArray(workspace, "full.coupleOf", Int32Array, nA).fill(-1);
  for (let k = 0; k < couples.members.length; k++) coupleOf[couples.members[k]!] = k >> 1;
  const s = market.supplemental ?? { owner: new Uint32Array(0), start: new Uint32Array(1), rol: new Uint32Array(0), linkStart: new Uint32Array(1), linkProg: new Uint32Array(0) };
  const nL = s.owner.length;
  // Links per applicant: her lists are consecutive (owner ascending), so their links are too.
  const linkStart = takeArray(workspace, "full.linkStart", Uint32Array, nA + 1).fill(0);
  const linkList = takeArray(workspace, "full.linkList", Uint32Array, s.linkProg.length);
  for (let l = 0; l < nL; l++) {
    linkStart[s.owner[l]! + 1]! += s.linkStart[l + 1]! - s.linkStart[l]!;
    for (let k = s.linkStart[l]!, end = s.linkStart[l + 1]!; k < end; k++) linkList[k] = l;
  }
  for (let a = 0; a < nA; a++) linkStart[a + 1]! += linkStart[a]!;

  const revertsTo = market.revertsTo ?? takeArray(workspace, "full.revertsTo", Int32Array, nP).fill(-1);
  const donors: number[] = [];
  for (let p = 0; p < nP; p++) if (revertsTo[p]! >= 0) donors.push(p);
  donors.sort((x, y) => compareIds(market.programIds[x]!, market.programIds[y]!));

  // The programs' ranks of pair and supplemental owners come from the cross-rank walk itself (ownerRanks.ts).
  const queries = fullRankQueries(nA, nP, { members: couples.members, pairStart: couples.start, pairProg: couples.rol }, s, workspace);
  const ownerQueries = queries.grouped;
  const base = compileGeneratedLists(market, workspace === undefined ? { ownerQueries } : { workspace, ownerQueries });
  const { pairProgRank, suppRolProgRank } = spreadAnswers(queries, workspace);
  const { coupleEntries, firstPair } = indexCouplePairs(base, queries, workspace);

  const singles = takeArray(workspace, "full.singles", Uint32Array, nA - 2 * nC);
  for (let a = 0, k = 0; a < nA; a++) if (coupleOf[a] === -1) singles[k++] = a;
  const couplesOrder = byLowerMember(couples.members, nC);

  return {
    base,
    nC,
    coupleMembers: couples.members,
    coupleOf,
    pairStart: couples.start,
    pairProg: couples.rol,
    pairProgRank,
    coupleEntries,
    firstPair,
    track: generatedTracks(market) ?? takeArray(workspace, "full.track", Uint8Array, nP).fill(0),
    revertsTo,
    donors: Uint32Array.from(donors),
    evenPrograms: new Uint32Array(0),
    suppStart: s.start,
    suppRol: s.rol,
    suppRolProgRank,
    suppOwner: s.owner,
    linkStart,
    linkProg: s.linkProg,
    linkList,
    singlesOrder: singles,
    couplesOrder,
  };
}

/**
 * Couples in ascending order of their lower member's index (ALGORITHM.md §9), sorted as numbers (lower · nC + c,
 * exact below 2^53) rather than with a comparator, which calls back into JavaScript per comparison.
 */
function byLowerMember(members: Uint32Array, nC: number): Uint32Array {
  const keys = new Float64Array(nC);
  for (let c = 0; c < nC; c++) keys[c] = Math.min(members[2 * c]!, members[2 * c + 1]!) * nC + c;
  keys.sort();
  const order = new Uint32Array(nC);
  for (let i = 0; i < nC; i++) order[i] = keys[i]! % nC;
  return order;
}
