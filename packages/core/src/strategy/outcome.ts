import { type StrategyAnalyzer, trueScore } from "./budgetSet.ts";

/** Her result under some list, judged by her true preferences. */
export interface StrategyOutcome {
  /** Program index she is matched to; -1 when unmatched. */
  program: number;
  /** 1-based rank of that program on her true list; null when unmatched or when the program is not on it. */
  trueRank: number | null;
  /** Smaller is better: 0-based true rank, then unmatched, then a program she would not accept (see `trueScore`). */
  score: number;
}

/** How a list compares with her truthful list, by her true preferences. */
export type Verdict = "better" | "same" | "worse";

export function outcomeFor(analyzer: StrategyAnalyzer, program: number): StrategyOutcome {
  const score = trueScore(analyzer, program);
  return { program, trueRank: program >= 0 && score < analyzer.trueList.length ? score + 1 : null, score };
}

export function compareScores(candidate: number, truthful: number): Verdict {
  return candidate < truthful ? "better" : candidate === truthful ? "same" : "worse";
}
