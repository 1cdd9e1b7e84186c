import type { CompiledMarket } from "../market.ts";

/** Why she is not at one program she ranked above her match. */
export interface ProgramExplanation {
  program: number;
  /**
   * "notRanked": the program did not rank her. "noPositions": it offers no positions. "filled": every position went
   * to an applicant it ranked above her. "wouldAccept": it has room for her or prefers her to someone it holds, so
   * the matching is not stable (never the case for engine output).
   */
  reason: "notRanked" | "noPositions" | "filled" | "wouldAccept";
  /** 1-based rank the program gave her; null when it did not rank her. */
  yourRank: number | null;
  quota: number;
  /** Who it holds: applicant index and the 1-based rank it gave them, most preferred first. */
  filledWith: Array<{ applicant: number; rank: number }>;
}

export interface ExplainOptions {
  /** Index of the applicant, `0 ≤ applicant < nA`. */
  applicant: number;
}

/**
 * "Why didn't I match there?" For each program on her list above her match (her whole list when unmatched), in
 * her order. Works on any matching given as `matchOf` (program per applicant, -1 unmatched). O(nA + the lists of
 * the programs concerned).
 */
export function explainApplicant(market: CompiledMarket, matchOf: ArrayLike<number>, options: ExplainOptions): ProgramExplanation[] {
  const { applicant } = options;
  const { nA, appStart, appRol, appRolProgRank, progStart, progRol, quota } = market;
  if (!Number.isInteger(applicant) || applicant < 0 || applicant >= nA) {
    throw new RangeError(`explainApplicant: applicant must be an index in [0, ${nA}), got ${applicant}`);
  }
  const mine = matchOf[applicant]!;
  const above: number[] = [];
  const start = appStart[applicant]!;
  for (let e = start, end = appStart[applicant + 1]!; e < end && appRol[e] !== mine; e++) above.push(e);

  const slot = new Map<number, number>(); // program → index into `above`
  above.forEach((e, i) => slot.set(appRol[e]!, i));
  const holders: Array<Array<{ applicant: number; rank: number }>> = above.map(() => []);
  for (let a = 0; a < nA; a++) {
    const i = slot.get(matchOf[a]!);
    if (i !== undefined) holders[i]!.push({ applicant: a, rank: 0 });
  }

  return above.map((e, i) => {
    const p = appRol[e]!;
    const rank = appRolProgRank[e]!;
    // Ranks of the holders by one scan of the program's list (its list is its preference order).
    const list = holders[i]!;
    const want = new Set(list.map((h) => h.applicant));
    const filledWith: Array<{ applicant: number; rank: number }> = [];
    for (let j = progStart[p]!, end = progStart[p + 1]!; j < end && filledWith.length < want.size; j++) {
      if (want.has(progRol[j]!)) filledWith.push({ applicant: progRol[j]!, rank: j - progStart[p]! + 1 });
    }
    const q = quota[p]!;
    let reason: ProgramExplanation["reason"];
    if (rank < 0) reason = "notRanked";
    else if (q === 0) reason = "noPositions";
    else if (filledWith.length >= q && filledWith.every((h) => h.rank <= rank)) reason = "filled";
    else reason = "wouldAccept";
    return { program: p, reason, yourRank: rank < 0 ? null : rank + 1, quota: q, filledWith };
  });
}

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
};

const joinAnd = (items: string[]): string => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)!}`);

/** One sentence, e.g. "City filled its 2 positions with applicants it ranked 1st and 3rd; it ranked you 5th". */
export function describeExplanation(market: CompiledMarket, explanation: ProgramExplanation): string {
  const name = market.programIds[explanation.program]!;
  const { quota, yourRank, filledWith } = explanation;
  switch (explanation.reason) {
    case "notRanked":
      return `${name} did not rank you`;
    case "noPositions":
      return `${name} offered no positions`;
    case "filled": {
      const ranks = joinAnd(filledWith.map((h) => ordinal(h.rank)));
      const positions = quota === 1 ? "its only position" : `its ${quota} positions`;
      return `${name} filled ${positions} with applicant${filledWith.length === 1 ? "" : "s"} it ranked ${ranks}; it ranked you ${ordinal(yourRank!)}`;
    }
    case "wouldAccept":
      return `${name} ranked you ${ordinal(yourRank!)} and would take you: this matching is not stable`;
  }
}
