import {
  createStrategyAnalyzer,
  exhaustiveCheck,
  inBudgetSet,
  listCount,
  whatIf,
  type CompiledMarket,
  type StrategyAnalyzer,
  type StrategyOutcome,
  type Verdict,
} from "@matchlab/core";

/** Where a list places her, in ids: the program (null: unmatched) and its 1-based rank on her true list. */
export interface LabOutcome {
  program: string | null;
  /** Null when unmatched, or at a program not on her true list. */
  trueRank: number | null;
}

export interface LabWhatIf {
  truthful: LabOutcome;
  submitted: LabOutcome;
  verdict: Verdict;
}

/** "Could any list do better?" in ids, ready to draw. */
export interface LabExhaustive {
  trueList: string[];
  listsTried: number;
  better: number;
  ties: number;
  worse: number;
  /** Lists per outcome: her 1st … nth choice, then unmatched (core's `byOutcome`). */
  byOutcome: number[];
  truthful: LabOutcome;
  /** Per program of her true list: would it take her if she ranked it alone (her budget set)? */
  wouldTakeYou: boolean[];
}

/** Largest true list the exhaustive panel counts: core's closed form stays exact in doubles up to 17. */
export const MAX_EXHAUSTIVE_PROGRAMS = 17;

/**
 * One applicant in one market, with the market settled without her kept in the analyzer (core's budget set). Her
 * true list is hers to edit: the budget set does not depend on her list, so a new true order only swaps the
 * analyzer's `trueList` and keeps every cached chain replay.
 */
export class LabSession {
  readonly market: CompiledMarket;
  readonly applicant: number;
  readonly base: StrategyAnalyzer;
  #index = new Map<string, number>();

  constructor(market: CompiledMarket, applicant: number) {
    this.market = market;
    this.applicant = applicant;
    this.base = createStrategyAnalyzer(market, { applicant });
    market.programIds.forEach((id, p) => this.#index.set(id, p));
  }

  /** Her list in the market, which the lab starts from as her true preference order. */
  marketList(): string[] {
    return Array.from(this.base.trueList, (p) => this.market.programIds[p]!);
  }

  indices(ids: readonly string[], where: string): Uint32Array {
    return Uint32Array.from(ids, (id) => {
      const p = this.#index.get(id);
      if (p === undefined) throw new Error(`${where}: no program ${JSON.stringify(id)} in this market`);
      return p;
    });
  }

  /** The analyzer with `trueIds` as her true preferences, sharing the budget-set cache of the base one. */
  analyzer(trueIds: readonly string[]): StrategyAnalyzer {
    return { ...this.base, trueList: this.indices(trueIds, "true list") };
  }

  outcome(o: StrategyOutcome): LabOutcome {
    return { program: o.program < 0 ? null : this.market.programIds[o.program]!, trueRank: o.trueRank };
  }

  whatIf(trueIds: readonly string[], submittedIds: readonly string[]): LabWhatIf {
    const result = whatIf(this.analyzer(trueIds), this.indices(submittedIds, "submitted list"));
    return { truthful: this.outcome(result.truthful), submitted: this.outcome(result.submitted), verdict: result.verdict };
  }

  /** Would program `id` take her if she ranked it alone? */
  wouldTake(id: string): boolean {
    return inBudgetSet(this.base, this.indices([id], "program")[0]!);
  }

  exhaustive(trueIds: readonly string[]): LabExhaustive {
    const analyzer = this.analyzer(trueIds);
    if (trueIds.length > MAX_EXHAUSTIVE_PROGRAMS) {
      throw new RangeError(`Your true list has ${trueIds.length} programs; the check counts lists exactly up to ${MAX_EXHAUSTIVE_PROGRAMS} (${listCount(MAX_EXHAUSTIVE_PROGRAMS).toLocaleString("en-US")} lists). Shorten it to run the check.`);
    }
    const result = exhaustiveCheck(analyzer, { maxPrograms: MAX_EXHAUSTIVE_PROGRAMS });
    return {
      trueList: [...trueIds],
      listsTried: result.listsTried,
      better: result.better,
      ties: result.ties,
      worse: result.worse,
      byOutcome: result.byOutcome,
      truthful: this.outcome(result.truthful),
      wouldTakeYou: Array.from(analyzer.trueList, (p) => inBudgetSet(analyzer, p)),
    };
  }

  /** Programs not on `trueIds` that would take her if she ranked them (for "add more programs"), in market order. */
  programsThatWouldTakeYou(trueIds: readonly string[], limit: number): string[] {
    const on = new Set(trueIds);
    const out: string[] = [];
    for (let p = 0; p < this.market.nP && out.length < limit; p++) {
      const id = this.market.programIds[p]!;
      if (!on.has(id) && inBudgetSet(this.base, p)) out.push(id);
    }
    return out;
  }
}
