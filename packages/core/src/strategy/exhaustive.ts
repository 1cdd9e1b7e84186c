import { inBudgetSet, outcomeOfList, type StrategyAnalyzer } from "./budgetSet.ts";
import { outcomeFor, type StrategyOutcome } from "./outcome.ts";

export interface ExhaustiveCheckOptions {
  /**
   * Largest number of acceptable programs (her true list) to consider, at most 17; Σₖ n!/(n−k)! lists grow fast
   * (109,601 for n = 8), which matters for literal checks but not for this closed-form count.
   * @defaultValue 8
   */
  maxPrograms?: number;
}

export interface ExhaustiveCheckResult {
  truthful: StrategyOutcome;
  /** The best outcome any list achieves, with a shortest list that achieves it. */
  best: StrategyOutcome & { list: number[] };
  /** Lists considered: every ordering of every subset of her acceptable programs, the empty list included. */
  listsTried: number;
  /** Lists that beat truthful, by her true preferences (0 under applicant-proposing DA: it is strategy-proof). */
  better: number;
  /** Lists whose outcome equals truthful's (the truthful list among them). */
  ties: number;
  /** Lists that do worse than truthful. */
  worse: number;
  /**
   * Lists by the outcome they get her: `byOutcome[i]` for her (i + 1)th choice on her true list, the last entry
   * (index n) for unmatched; sums to `listsTried`. The browser lab charts it.
   */
  byOutcome: number[];
}

/** Σ_{j=0..m} m!/(m−j)!: the lists that can be written from m distinct programs, the empty list included. */
export function listCount(m: number): number {
  let total = 1;
  let term = 1;
  for (let j = 1; j <= m; j++) {
    term *= m - j + 1;
    total += term;
  }
  return total;
}

/**
 * "Could any list do better?" Considers every ordering of every subset of her acceptable programs. Fast path: a
 * list's outcome is its first program in her budget set (see `StrategyAnalyzer`), so the lists leading to each
 * outcome are counted in closed form rather than run one by one. Cost: one chain replay per acceptable program, then
 * O(n) arithmetic; counts stay exact in doubles up to n = 17 (listCount(17) ≈ 9.5 · 10¹⁴ < 2⁵³).
 */
export function exhaustiveCheck(analyzer: StrategyAnalyzer, options: ExhaustiveCheckOptions = {}): ExhaustiveCheckResult {
  const maxPrograms = options.maxPrograms ?? 8;
  if (!Number.isInteger(maxPrograms) || maxPrograms < 0 || maxPrograms > 17) {
    throw new RangeError(`exhaustiveCheck: maxPrograms must be a whole number in [0, 17] (counts exact in doubles), got ${maxPrograms}`);
  }
  const programs = analyzer.trueList;
  const n = programs.length;
  if (n > maxPrograms) {
    throw new RangeError(`exhaustiveCheck: the applicant ranks ${n} programs, over the limit of ${maxPrograms} (${listCount(n).toLocaleString("en-US")} lists); raise maxPrograms`);
  }
  const truthful = outcomeFor(analyzer, outcomeOfList(analyzer, programs));
  const inBudget = Array.from(programs, (p) => inBudgetSet(analyzer, p));
  // Lists by outcome: countBy[i] for program programs[i], countBy[n] for unmatched. A list gets the first of its
  // programs in her budget set. With m programs outside that set, the lists whose first budget-set program is x
  // are: an ordered choice of j of the m (m!/(m−j)! ways), then x, then any list from the n − j − 1 left.
  const m = inBudget.filter((x) => !x).length;
  let leadIns = 0; // Σ_j m!/(m−j)! · listCount(n − j − 1)
  for (let j = 0, orderings = 1; j <= m && j < n; j++) {
    leadIns += orderings * listCount(n - j - 1);
    orderings *= m - j;
  }
  const countBy = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) if (inBudget[i]) countBy[i] = leadIns;
  countBy[n] = listCount(m); // lists drawn only from programs outside her budget set
  let better = 0;
  let ties = 0;
  let worse = 0;
  let bestIndex = n; // index into programs (n: unmatched); true-list order makes smaller indices better
  for (let i = 0; i <= n; i++) {
    const count = countBy[i]!;
    if (count === 0) continue;
    const score = i; // true rank (0-based), or n for unmatched
    if (score < truthful.score) better += count;
    else if (score === truthful.score) ties += count;
    else worse += count;
    if (i < bestIndex) bestIndex = i;
  }
  const bestProgram = bestIndex < n ? programs[bestIndex]! : -1;
  return {
    truthful,
    best: { ...outcomeFor(analyzer, bestProgram), list: bestProgram < 0 ? [] : [bestProgram] },
    listsTried: listCount(n),
    better,
    ties,
    worse,
    byOutcome: Array.from(countBy),
  };
}
