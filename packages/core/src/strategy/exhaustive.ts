import { inBudgetSet, outcomeOfList, type StrategyAnalyzer } from "./budgetSet.ts";
import { outcomeFor, type StrategyOutcome } from "./outcome.ts";

export interface ExhaustiveCheckOptions {
  /**
   * Largest number of acceptable programs (her true list) to enumerate over; Σₖ n!/(n−k)! lists grow fast
   * (109,601 for n = 8).
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
 * list's outcome is its first program in her budget set (see `StrategyAnalyzer`), so a depth-first walk over list
 * prefixes stops at the first such program and counts all of that prefix's extensions at once. Cost: at most one
 * chain replay per acceptable program, then at most Σ lists prefixes of programs outside the budget set.
 */
export function exhaustiveCheck(analyzer: StrategyAnalyzer, options: ExhaustiveCheckOptions = {}): ExhaustiveCheckResult {
  const maxPrograms = options.maxPrograms ?? 8;
  const programs = analyzer.trueList;
  const n = programs.length;
  if (n > maxPrograms) {
    throw new RangeError(`exhaustiveCheck: the applicant ranks ${n} programs, over the limit of ${maxPrograms} (${listCount(n).toLocaleString("en-US")} lists); raise maxPrograms`);
  }
  const truthful = outcomeFor(analyzer, outcomeOfList(analyzer, programs));
  const inBudget = Array.from(programs, (p) => inBudgetSet(analyzer, p));
  const extensions = Array.from({ length: n + 1 }, (_, m) => listCount(m));
  // Lists by outcome: countBy[i] for program programs[i], countBy[n] for unmatched.
  const countBy = new Float64Array(n + 1);
  const used = new Uint8Array(n);
  const walk = (depth: number): void => {
    countBy[n]!++; // the prefix itself, ended here, reached no program in her budget set
    for (let i = 0; i < n; i++) {
      if (used[i] === 1) continue;
      if (inBudget[i]) {
        countBy[i]! += extensions[n - depth - 1]!;
        continue;
      }
      used[i] = 1;
      walk(depth + 1);
      used[i] = 0;
    }
  };
  walk(0);

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
    listsTried: extensions[n]!,
    better,
    ties,
    worse,
  };
}
