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
  // Rosters without an array per program: a counting sort of the matched applicants by program (`rosterStart`,
  // CSR, length nP + 1; `roster` holds applicants in ascending index within each program), then each program's
  // slice ordered by the program's rank of them. A [rank, applicant] pair per match and a sort call per program
  // cost seconds at a million programs.
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
  const roster = new Int32Array(matched); // bound: one slot per matched applicant
  const fill = rosterStart.slice(0, nP);
  for (let a = 0; a < nA; a++) if (matchOf[a]! >= 0 && matchEntry[a]! >= 0) roster[fill[matchOf[a]!]!++] = a;
  // The program's rank of a (her entry's appRolProgRank); ties keep ascending applicant order (a stable sort).
  const rankOf = (a: number): number => appRolProgRank[matchEntry[a]!]!;
  let positions = 0;
  const programs: ProgramOutcome[] = [];
  for (let p = 0; p < nP; p++) {
    const from = rosterStart[p]!;
    const to = rosterStart[p + 1]!;
    sortByRank(roster, from, to, rankOf);
    const ids = new Array<string>(to - from);
    for (let i = from; i < to; i++) ids[i - from] = applicantIds[roster[i]!]!;
    positions += quota[p]!;
    programs.push({ id: programIds[p]!, quota: quota[p]!, matched: ids, unfilled: quota[p]! - (to - from) });
  }
  for (let k = 0; k < rankDistribution.length; k++) rankDistribution[k] ??= 0;
  return {
    side: matching.side,
    applicants,
    programs,
    stats: { applicants: nA, matched, unmatched: nA - matched, positions, filled: matched, unfilled: positions - matched, rankDistribution, proposals: matching.proposals },
  };
}

/** Orders `roster[from, to)` by `rankOf`, stably: insertion sort for a few entries (most rosters), else a sort call. */
function sortByRank(roster: Int32Array, from: number, to: number, rankOf: (a: number) => number): void {
  if (to - from <= 16) {
    for (let i = from + 1; i < to; i++) {
      const a = roster[i]!;
      const r = rankOf(a);
      let j = i - 1;
      while (j >= from && rankOf(roster[j]!) > r) {
        roster[j + 1] = roster[j]!;
        j--;
      }
      roster[j + 1] = a;
    }
    return;
  }
  const sorted = Array.from(roster.subarray(from, to)).sort((x, y) => rankOf(x) - rankOf(y));
  roster.set(sorted, from);
}
