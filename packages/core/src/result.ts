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
  // Per program, [program rank, applicant] of its matches, sorted below into the program's order.
  const rosters: Array<Array<[number, number]>> = Array.from({ length: nP }, () => []);
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
    rosters[p]!.push([appRolProgRank[e]!, a]);
  }
  let positions = 0;
  const programs: ProgramOutcome[] = [];
  for (let p = 0; p < nP; p++) {
    const roster = rosters[p]!.sort((x, y) => x[0] - y[0]);
    positions += quota[p]!;
    programs.push({ id: programIds[p]!, quota: quota[p]!, matched: roster.map(([, a]) => applicantIds[a]!), unfilled: quota[p]! - roster.length });
  }
  for (let k = 0; k < rankDistribution.length; k++) rankDistribution[k] ??= 0;
  return {
    side: matching.side,
    applicants,
    programs,
    stats: { applicants: nA, matched, unmatched: nA - matched, positions, filled: matched, unfilled: positions - matched, rankDistribution, proposals: matching.proposals },
  };
}
