import { applicantRankOf, checkStability, programRankOf, type CompiledMarket, type StabilityReport } from "@matchlab/core";
import { ordinal } from "./ordinal.ts";

/** A hand-edited matching and what core's `checkStability` says about it, in sentences. */
export interface BreakReport {
  report: StabilityReport;
  sentences: string[];
}

/** Returns a copy of `matchOf` with applicant `a` moved to program `p` (-1: unmatched). */
export function moveApplicant(matchOf: ArrayLike<number>, a: number, p: number): Int32Array {
  const next = Int32Array.from(matchOf);
  next[a] = p;
  return next;
}

/** Checks a hand-edited matching and explains each problem, blocking pairs first. */
export function explainMatching(market: CompiledMarket, matchOf: ArrayLike<number>): BreakReport {
  const report = checkStability(market, matchOf);
  const { applicantIds, programIds, quota } = market;
  const sentences: string[] = [];
  for (const { applicant: a, program: p } of report.blockingPairs) {
    const her = applicantIds[a]!;
    const program = programIds[p]!;
    const current = matchOf[a]!;
    const herSide =
      current < 0
        ? `${her} is unmatched and ranked ${program} ${ordinal(applicantRankOf(market, a, p) + 1)}`
        : `${her} ranked ${program} ${ordinal(applicantRankOf(market, a, p) + 1)}, above ${programIds[current]} (her ${ordinal(applicantRankOf(market, a, current) + 1)})`;
    const holders: number[] = [];
    for (let b = 0; b < matchOf.length; b++) if (matchOf[b] === p) holders.push(b);
    const rank = programRankOf(market, p, a);
    let programSide: string;
    if (holders.length < quota[p]!) programSide = `${program} ranked ${her} #${rank + 1} and has an unfilled position`;
    else {
      const worst = holders.reduce((w, b) => (rankOrLast(market, p, b) > rankOrLast(market, p, w) ? b : w));
      const worstRank = programRankOf(market, p, worst);
      programSide = `${program} ranked ${her} #${rank + 1}, above ${applicantIds[worst]} (${worstRank < 0 ? "not ranked" : `#${worstRank + 1}`}) whom it holds`;
    }
    sentences.push(`Blocking pair ${her} + ${program}: ${herSide}; ${programSide}. Both would rather be matched to each other, so this matching is unstable.`);
  }
  for (const p of report.overQuota) sentences.push(`${programIds[p]} holds more applicants than its ${quota[p]} position(s).`);
  for (const a of report.notMutual) {
    sentences.push(`${applicantIds[a]} is placed at ${programIds[matchOf[a]!]}, but the two did not both rank each other; the Match only pairs mutual rankings.`);
  }
  if (report.stable) sentences.push("This matching is stable: no applicant and program would both rather be matched to each other.");
  return { report, sentences };
}

function rankOrLast(market: CompiledMarket, p: number, a: number): number {
  const rank = programRankOf(market, p, a);
  return rank < 0 ? Number.MAX_SAFE_INTEGER : rank;
}
