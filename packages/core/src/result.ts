import type { CompiledMarket } from "./market.ts";
import type { Matching, Side } from "./matching.ts";

export interface ApplicantOutcome {
  id: string;
  /** Matched program id, or null when unmatched. */
  program: string | null;
  /** 1-based rank of the program on her list, or null when unmatched. */
  rank: number | null;
}

export interface ProgramOutcome {
  id: string;
  quota: number;
  /** Matched applicant ids, in the program's order of preference. */
  matched: string[];
  unfilled: number;
}

export interface MatchStats {
  applicants: number;
  matched: number;
  unmatched: number;
  positions: number;
  filled: number;
  unfilled: number;
  /** `rankDistribution[k]` applicants matched to the program they ranked (k + 1)th. */
  rankDistribution: number[];
  proposals: number;
}

export interface MatchResult {
  side: Side;
  applicants: ApplicantOutcome[];
  programs: ProgramOutcome[];
  stats: MatchStats;
}

/** Maps an index-form matching back to ids, with per-program rosters and summary statistics. */
export function collectResult(market: CompiledMarket, matching: Matching): MatchResult {
  const { nA, nP, appStart, appRolProgRank, applicantIds, programIds, quota } = market;
  const { matchOf, matchEntry } = matching;
  const applicants: ApplicantOutcome[] = [];
  const rankDistribution: number[] = [];
  // Rosters in CSR form: program p's matches are keys[rosterStart[p] … rosterStart[p + 1]), where a key is
  // (program's rank + 1) · nA + applicant, so sorting a program's keys as numbers puts its roster in the program's
  // order, ties (a rank of -1, which no engine makes) by applicant, as the stable sort of pairs did before.
  // Keys stay below (nA + 1)² ≤ 2^53 for any nA a typed array can index.
  const rosterStart = new Uint32Array(nP + 1);
  let matched = 0;
  for (let a = 0; a < nA; a++) {
    const p = matchOf[a]!;
    const e = matchEntry[a]!;
    if (p < 0 || e < 0) {
      applicants.push({ id: applicantIds[a]!, program: null, rank: null });
      continue;
    }
    const rank = e - appStart[a]!;
    matched++;
    rankDistribution[rank] = (rankDistribution[rank] ?? 0) + 1;
    applicants.push({ id: applicantIds[a]!, program: programIds[p]!, rank: rank + 1 });
    rosterStart[p + 1]!++;
  }
  for (let p = 0; p < nP; p++) rosterStart[p + 1]! += rosterStart[p]!;
  const keys = new Float64Array(matched);
  const fill = rosterStart.slice(0, nP);
  for (let a = 0; a < nA; a++) {
    const p = matchOf[a]!;
    const e = matchEntry[a]!;
    if (p >= 0 && e >= 0) keys[fill[p]!++] = (appRolProgRank[e]! + 1) * nA + a;
  }
  let positions = 0;
  const programs: ProgramOutcome[] = [];
  for (let p = 0; p < nP; p++) {
    const roster = keys.subarray(rosterStart[p]!, rosterStart[p + 1]!).sort();
    const ids: string[] = [];
    for (let k = 0; k < roster.length; k++) ids.push(applicantIds[roster[k]! % nA]!);
    positions += quota[p]!;
    programs.push({ id: programIds[p]!, quota: quota[p]!, matched: ids, unfilled: quota[p]! - roster.length });
  }
  for (let k = 0; k < rankDistribution.length; k++) rankDistribution[k] ??= 0;
  return {
    side: matching.side,
    applicants,
    programs,
    stats: { applicants: nA, matched, unmatched: nA - matched, positions, filled: matched, unfilled: positions - matched, rankDistribution, proposals: matching.proposals },
  };
}
