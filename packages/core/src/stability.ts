import { type CompiledMarket, programRankOf } from "./market.ts";

/** Applicant `applicant` and program `program` would both rather be matched to each other. */
export interface BlockingPair {
  applicant: number;
  program: number;
}

/** Ways a matching can break the rules before stability is even asked. */
export interface MatchingViolations {
  /** Programs holding more applicants than their quota. */
  overQuota: number[];
  /** Applicants matched to a program that did not rank them, or that they did not rank. */
  notMutual: number[];
}

export interface StabilityReport extends MatchingViolations {
  blockingPairs: BlockingPair[];
  stable: boolean;
}

/**
 * Every blocking pair of a matching given as `matchOf` (program per applicant, -1 unmatched): `a` ranks `p`
 * above her match (or is unmatched and ranks it), and `p` ranks `a` and has an unfilled position or prefers `a`
 * to its least-preferred assigned applicant. Works on any matching, not only engine output (the app's
 * "try to break it" moves applicants by hand). O(total length of the applicants' lists).
 */
export function checkStability(market: CompiledMarket, matchOf: ArrayLike<number>): StabilityReport {
  const { nA, nP, appStart, appRol, appRolProgRank, quota } = market;
  const count = new Uint32Array(nP);
  // Program rank of its least-preferred assigned applicant (-1 when none); one it did not rank counts as worst of all.
  const worst = new Float64Array(nP).fill(-1);
  const myRank = new Int32Array(nA); // her 0-based rank of her match; her list length when unmatched or unranked
  const notMutual: number[] = [];
  for (let a = 0; a < nA; a++) {
    const p = matchOf[a]!;
    const start = appStart[a]!;
    const end = appStart[a + 1]!;
    myRank[a] = end - start;
    if (p < 0) continue;
    count[p]!++;
    let programRank = -1;
    for (let e = start; e < end; e++) {
      if (appRol[e] === p) {
        myRank[a] = e - start;
        programRank = appRolProgRank[e]!;
        break;
      }
    }
    if (programRank < 0) {
      notMutual.push(a);
      // She did not rank p, or p did not rank her; p's own list still says how much p wants her.
      programRank = programRankOf(market, p, a);
    }
    worst[p] = Math.max(worst[p]!, programRank < 0 ? Infinity : programRank);
  }
  const overQuota: number[] = [];
  for (let p = 0; p < nP; p++) if (count[p]! > quota[p]!) overQuota.push(p);

  const blockingPairs: BlockingPair[] = [];
  for (let a = 0; a < nA; a++) {
    const start = appStart[a]!;
    for (let e = start, end = start + myRank[a]!; e < end; e++) {
      const p = appRol[e]!;
      const rank = appRolProgRank[e]!;
      if (rank >= 0 && (count[p]! < quota[p]! || rank < worst[p]!)) blockingPairs.push({ applicant: a, program: p });
    }
  }
  return { blockingPairs, overQuota, notMutual, stable: blockingPairs.length === 0 && overQuota.length === 0 && notMutual.length === 0 };
}

/** True when the matching respects quotas and mutual ranking and has no blocking pair. */
export function isStable(market: CompiledMarket, matchOf: ArrayLike<number>): boolean {
  return checkStability(market, matchOf).stable;
}
