import type { CompiledMarket } from "../market.ts";
import { solve } from "../solve.ts";
import { createStrategyAnalyzer, inBudgetSet } from "../strategy/budgetSet.ts";
import { exhaustiveCheck } from "../strategy/exhaustive.ts";
import { literalExhaustiveCheck } from "../strategy/literalExhaustive.ts";
import { compareScores, type Verdict } from "../strategy/outcome.ts";
import { editableLists, recompile } from "../strategy/rosters.ts";
import { whatIf } from "../strategy/whatIf.ts";

/** A program index (-1 unmatched) with her true rank as a score: 0-based rank, list length unmatched, + 1 unacceptable. */
export interface Scored {
  program: number;
  score: number;
}

/** What `matchlab strategy` reports, whichever side proposes. */
export interface StrategyAnalysis {
  trueList: number[];
  truthful: Scored;
  submitted?: Scored & { list: number[]; verdict: Verdict };
  /** Programs that would take her, everyone else fixed (applicant-proposing only: her budget set). */
  attainable?: number[];
  exhaustive?: { best: Scored & { list: number[] }; listsTried: number; better: number; ties: number; worse: number };
}

/** Applicant-proposing: the budget-set fast path (createStrategyAnalyzer). */
export function analyzeApplicantProposing(market: CompiledMarket, a: number, submitted: number[] | undefined, exhaustive: boolean): StrategyAnalysis {
  const analyzer = createStrategyAnalyzer(market, { applicant: a });
  const result = whatIf(analyzer, submitted ?? analyzer.trueList);
  const considered = [...new Set([...analyzer.trueList, ...(submitted ?? [])])];
  const check = exhaustive ? exhaustiveCheck(analyzer, { maxPrograms: 8 }) : undefined;
  return {
    trueList: Array.from(analyzer.trueList),
    truthful: result.truthful,
    ...(submitted === undefined ? {} : { submitted: { ...result.submitted, list: submitted, verdict: result.verdict } }),
    attainable: considered.filter((p) => inBudgetSet(analyzer, p)),
    ...(check === undefined ? {} : { exhaustive: check }),
  };
}

/** Program-proposing: no shortcut (truthful ranking is not dominant there), so one full match per list. */
export function analyzeProgramProposing(market: CompiledMarket, a: number, submitted: number[] | undefined, exhaustive: boolean): StrategyAnalysis {
  const trueList = Array.from(market.appRol.subarray(market.appStart[a]!, market.appStart[a + 1]!));
  const score = (p: number): number => (p < 0 ? trueList.length : trueList.includes(p) ? trueList.indexOf(p) : trueList.length + 1);
  const truthfulProgram = solve(market, { side: "program" }).matchOf[a]!;
  const truthful = { program: truthfulProgram, score: score(truthfulProgram) };
  let mine: StrategyAnalysis["submitted"];
  if (submitted !== undefined) {
    const lists = editableLists(market);
    lists.applicantLists[a] = submitted;
    const p = solve(recompile(market, lists), { side: "program" }).matchOf[a]!;
    mine = { program: p, score: score(p), list: submitted, verdict: compareScores(score(p), truthful.score) };
  }
  const check = exhaustive ? literalExhaustiveCheck(market, { applicant: a, side: "program", maxPrograms: 8 }) : undefined;
  return {
    trueList,
    truthful,
    ...(mine === undefined ? {} : { submitted: mine }),
    ...(check === undefined ? {} : { exhaustive: check }),
  };
}
