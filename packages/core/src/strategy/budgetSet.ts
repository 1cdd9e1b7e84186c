import type { CompiledMarket } from "../market.ts";
import { programRankOf } from "../market.ts";
import { copyDaState, createDaState, type DaState, offerOutsider, runDa } from "./daState.ts";

/**
 * Everything needed to answer "what would she get with this list?" for one applicant, with everyone else fixed.
 *
 * Applicant-proposing DA is strategy-proof, so (taxation principle) there is a set of programs she can obtain, her
 * budget set B, that does not depend on her list: with list L she gets the first program of L that is in B, or
 * nothing. A program p is in B exactly when the list [p] alone gets her p. We run the market once without her,
 * save that state, and test each program by replaying only the chain of bumps her application to it sets off.
 */
export interface StrategyAnalyzer {
  readonly market: CompiledMarket;
  readonly applicant: number;
  /** Her list in the market, taken as her true preferences (program indices, most preferred first). */
  readonly trueList: Uint32Array;
  /** Per program: 1 in her budget set, 0 not, -1 not computed yet (filled lazily). */
  readonly budget: Int8Array;
  /** The market settled without her; never modified after creation. */
  readonly base: DaState;
  /** Scratch copy of `base` for replaying chains. */
  readonly work: DaState;
}

export interface StrategyAnalyzerOptions {
  /** Index of the applicant under study, `0 ≤ applicant < nA`. */
  applicant: number;
  /**
   * An analyzer of the same market whose buffers to take over (the browser moves between applicants this way);
   * it must not be used afterwards.
   * @defaultValue none: fresh buffers
   */
  reuse?: StrategyAnalyzer;
}

/** Runs the market without the applicant once (O(total list length)); later queries reuse these buffers. */
export function createStrategyAnalyzer(market: CompiledMarket, options: StrategyAnalyzerOptions): StrategyAnalyzer {
  const { applicant } = options;
  if (!Number.isInteger(applicant) || applicant < 0 || applicant >= market.nA) {
    throw new RangeError(`createStrategyAnalyzer: applicant must be an index in [0, ${market.nA}), got ${applicant}`);
  }
  const reuse = options.reuse;
  if (reuse !== undefined && reuse.market !== market) throw new Error("createStrategyAnalyzer: reuse must be an analyzer of the same market");
  const base = reuse?.base ?? createDaState(market);
  runDa(market, base, applicant);
  const trueList = market.appRol.slice(market.appStart[applicant]!, market.appStart[applicant + 1]!);
  return {
    market,
    applicant,
    trueList: Uint32Array.from(trueList),
    budget: (reuse?.budget ?? new Int8Array(market.nP)).fill(-1),
    base,
    work: reuse?.work ?? createDaState(market),
  };
}

/** True when the list [p] alone would get her program p (computed once per program, then cached). */
export function inBudgetSet(analyzer: StrategyAnalyzer, p: number): boolean {
  const cached = analyzer.budget[p]!;
  if (cached >= 0) return cached === 1;
  const { market, applicant, base, work } = analyzer;
  const rank = programRankOf(market, p, applicant);
  let held = false;
  if (rank >= 0) {
    copyDaState(work, base);
    held = offerOutsider(market, work, applicant, p, rank);
  }
  analyzer.budget[p] = held ? 1 : 0;
  return held;
}

/** The program she gets by submitting `list` (program indices), or -1: the first entry in her budget set. */
export function outcomeOfList(analyzer: StrategyAnalyzer, list: ArrayLike<number>): number {
  for (let i = 0; i < list.length; i++) if (inBudgetSet(analyzer, list[i]!)) return list[i]!;
  return -1;
}

/**
 * How much she likes `program` by her true list, as a number where smaller is better: its 0-based rank on her
 * true list; the list length for "unmatched"; one more for a program she would not accept (not on her true list).
 */
export function trueScore(analyzer: StrategyAnalyzer, program: number): number {
  const { trueList } = analyzer;
  if (program < 0) return trueList.length;
  const i = trueList.indexOf(program);
  return i < 0 ? trueList.length + 1 : i;
}
