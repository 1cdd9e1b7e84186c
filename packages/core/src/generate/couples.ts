import type { PointerArray } from "../pointerArray.ts";
import { randomInt, type Rng } from "./random.ts";

/** Couples in index form; see `GeneratedMarket.couples`. */
export interface GeneratedCouples {
  members: Uint32Array;
  start: Uint32Array;
  rol: Int32Array;
}

/** NRMP's cap on a couple's list (per partner). */
export const MAX_COUPLE_RANKS = 300;

/**
 * Pairs `round(share × nA / 2)` random applicants into couples, as data for the rules engine (issue 3). A couple's
 * list pairs the partners' own lists: every pair of programs in the same region, best first by the sum of the
 * partners' ranks (ties: the first partner's rank), then "No Match" fallbacks down each partner's list, capped
 * at 300 pairs. The partners' individual lists are removed, in place (a couple member has none); programs keep
 * ranking them, since they interviewed them. Only applicants with `eligible[a] === 1` are paired (default: all);
 * with every applicant eligible the draws are those of the original all-applicant version.
 */
export function formCouples(
  share: number,
  appStart: Uint32Array,
  appRol: PointerArray,
  programRegion: Uint8Array,
  rng: Rng,
  eligible?: Uint8Array,
): { couples: GeneratedCouples; appStart: Uint32Array; appRol: PointerArray } {
  const members = chooseCouples(share, appStart.length - 1, rng, eligible);
  const count = members.length / 2;
  const start = new Uint32Array(count + 1);
  const pairs: number[] = [];
  for (let c = 0; c < count; c++) {
    const x = members[2 * c]!;
    const y = members[2 * c + 1]!;
    const candidates: Array<[number, number, number, number]> = []; // [rank sum, rank of x, program x, program y]
    for (let i = appStart[x]!; i < appStart[x + 1]!; i++) {
      for (let j = appStart[y]!; j < appStart[y + 1]!; j++) {
        const px = appRol[i]!;
        const py = appRol[j]!;
        if (programRegion[px] === programRegion[py]) candidates.push([i - appStart[x]! + j - appStart[y]!, i, px, py]);
      }
    }
    candidates.sort((u, v) => u[0] - v[0] || u[1] - v[1]);
    let ranks = 0;
    for (const [, , px, py] of candidates) {
      if (ranks === MAX_COUPLE_RANKS) break;
      pairs.push(px, py);
      ranks++;
    }
    // "No Match" fallbacks below every joint pair: one partner takes a program of her list while the other goes
    // unmatched, alternating between the partners down their lists (a couple would rather one of them match
    // than neither; without these a couple matched neither partner in about 28 % of NRMP-scale runs, against
    // about 9 % of coupled applicants unmatched in [RP99] Table 1).
    const lengthX = appStart[x + 1]! - appStart[x]!;
    const lengthY = appStart[y + 1]! - appStart[y]!;
    for (let k = 0; k < Math.max(lengthX, lengthY) && ranks < MAX_COUPLE_RANKS; k++) {
      if (k < lengthX) (pairs.push(appRol[appStart[x]! + k]!, -1), ranks++);
      if (k < lengthY && ranks < MAX_COUPLE_RANKS) (pairs.push(-1, appRol[appStart[y]! + k]!), ranks++);
    }
    start[c + 1] = start[c]! + ranks;
  }

  return { couples: { members, start, rol: Int32Array.from(pairs) }, ...withoutMembers(appStart, appRol, members) };
}

/**
 * Chooses `min(⌊eligible / 2⌋, round(share × nA / 2))` couples among the applicants with `eligible[a] === 1`
 * (default: all) by a partial Fisher–Yates shuffle: partners `members[2c]`, `members[2c + 1]`. O(nA).
 */
export function chooseCouples(share: number, nA: number, rng: Rng, eligible?: Uint8Array): Uint32Array {
  const perm = new Uint32Array(nA);
  let nE = 0;
  for (let a = 0; a < nA; a++) if (eligible === undefined || eligible[a] === 1) perm[nE++] = a;
  const count = Math.min(Math.floor(nE / 2), Math.round((share * nA) / 2));
  for (let j = 0; j < 2 * count; j++) {
    const r = j + randomInt(rng, nE - j);
    const t = perm[j]!;
    perm[j] = perm[r]!;
    perm[r] = t;
  }
  return perm.slice(0, 2 * count);
}

/**
 * The individual lists with the couple members' emptied (a couple member has no list of her own), compacted in
 * place: `appRol` is overwritten and the result's `appRol` is a view of its first entries (a fresh array of a
 * million applicants' lists costs more in page faults than the compaction itself). O(entries).
 */
export function withoutMembers(appStart: Uint32Array, appRol: PointerArray, members: Uint32Array): { appStart: Uint32Array; appRol: PointerArray } {
  const nA = appStart.length - 1;
  const inCouple = new Uint8Array(nA);
  for (const m of members) inCouple[m] = 1;
  const newStart = new Uint32Array(nA + 1);
  // The write index never passes the read index (entries are only dropped), so the copy can run in place.
  let w = 0;
  for (let a = 0; a < nA; a++) {
    if (inCouple[a] === 0) for (let e = appStart[a]!, end = appStart[a + 1]!; e < end; e++) appRol[w++] = appRol[e]!;
    newStart[a + 1] = w;
  }
  return { appStart: newStart, appRol: appRol.subarray(0, w) };
}
