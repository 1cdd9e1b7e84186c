import { applicantRankOf, programRankOf, type CompiledMarket } from "@matchlab/core";

/** Why applicant `a` did not match one program she ranked above her match. */
export type WhyNotReason =
  | { program: number; reason: "unranked" }
  | { program: number; reason: "full"; herRank: number; holders: Array<{ applicant: number; rank: number }> }
  /** Neither: the matching is unstable here (only after "try to break it"). */
  | { program: number; reason: "blocking"; herRank: number };

/**
 * For each program applicant `a` ranked above her match (all of them when she is unmatched), the simple reason
 * she is not there: it did not rank her, or it is full with applicants it ranked higher. Ranks are 0-based.
 * In a stable matching one of the two always holds; otherwise the pair blocks.
 */
export function whyNot(market: CompiledMarket, matchOf: ArrayLike<number>, a: number): WhyNotReason[] {
  const { appStart, appRol, quota } = market;
  const mine = matchOf[a]!;
  const reasons: WhyNotReason[] = [];
  for (let e = appStart[a]!, end = appStart[a + 1]!; e < end; e++) {
    const p = appRol[e]!;
    if (p === mine) break;
    const herRank = programRankOf(market, p, a);
    if (herRank < 0) {
      reasons.push({ program: p, reason: "unranked" });
      continue;
    }
    const holders: Array<{ applicant: number; rank: number }> = [];
    for (let b = 0; b < matchOf.length; b++) if (matchOf[b] === p) holders.push({ applicant: b, rank: programRankOf(market, p, b) });
    holders.sort((x, y) => rankKey(x.rank) - rankKey(y.rank));
    const full = holders.length >= quota[p]!;
    const allHigher = holders.every((h) => h.rank >= 0 && h.rank < herRank);
    reasons.push(full && allHigher ? { program: p, reason: "full", herRank, holders } : { program: p, reason: "blocking", herRank });
  }
  return reasons;
}

const rankKey = (rank: number): number => (rank < 0 ? Number.MAX_SAFE_INTEGER : rank);

/** One sentence per reason, for the "Why not there?" panel. */
export function describeWhyNot(market: CompiledMarket, a: number, reason: WhyNotReason): string {
  const her = market.applicantIds[a]!;
  const program = market.programIds[reason.program]!;
  const choice = ordinal(applicantRankOf(market, a, reason.program) + 1);
  switch (reason.reason) {
    case "unranked":
      return `${program} (her ${choice} choice) did not rank ${her}.`;
    case "full": {
      const names = reason.holders.map((h) => `${market.applicantIds[h.applicant]} (#${h.rank + 1})`).join(", ");
      return `${program} (her ${choice} choice) is full with applicants it ranked higher: ${names}; it ranked ${her} #${reason.herRank + 1}.`;
    }
    case "blocking":
      return `${program} (her ${choice} choice) ranked ${her} #${reason.herRank + 1} and would take her: this pair blocks the matching.`;
  }
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
