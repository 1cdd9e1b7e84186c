import { outcomeOfList, type StrategyAnalyzer } from "./budgetSet.ts";
import { compareScores, outcomeFor, type StrategyOutcome, type Verdict } from "./outcome.ts";

export interface WhatIfResult {
  /** What her true list gets her. */
  truthful: StrategyOutcome;
  /** What the submitted list gets her. */
  submitted: StrategyOutcome;
  /** The submitted list against the truthful one, by her true preferences. */
  verdict: Verdict;
}

/**
 * "What if she submitted this list instead?" `submitted` is any list of program indices (reordered, truncated or
 * extended). Everyone else's lists stay fixed. After `createStrategyAnalyzer`, each call costs at most one chain
 * replay per program never seen before, plus a scan of the two lists.
 */
export function whatIf(analyzer: StrategyAnalyzer, submitted: ArrayLike<number>): WhatIfResult {
  const { nP } = analyzer.market;
  for (let i = 0; i < submitted.length; i++) {
    const p = submitted[i]!;
    if (!Number.isInteger(p) || p < 0 || p >= nP) throw new RangeError(`whatIf: submitted[${i}] must be a program index in [0, ${nP}), got ${p}`);
  }
  const truthful = outcomeFor(analyzer, outcomeOfList(analyzer, analyzer.trueList));
  const mine = outcomeFor(analyzer, outcomeOfList(analyzer, submitted));
  return { truthful, submitted: mine, verdict: compareScores(mine.score, truthful.score) };
}
