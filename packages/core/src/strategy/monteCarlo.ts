import type { CompiledMarket } from "../market.ts";
import { createStrategyAnalyzer, outcomeOfList } from "./budgetSet.ts";
import { applyStrategy, type ListStrategy, programIndexOf, strategyLabel } from "./strategies.ts";

/** Draws the rest of the market for one seed; the applicant under study must be in it with her true list. */
export type MarketDrawer = (seed: number) => CompiledMarket;

export interface MonteCarloOptions {
  /** Her id; her list in each drawn market is her true list. */
  applicant: string;
  /** Number of draws, ≥ 1. */
  draws: number;
  /** Base seed: draw i uses `drawSeed(seed, i)`, so results never depend on how draws are shared out. */
  seed: number;
  strategies: readonly ListStrategy[];
  /** Programs she would also accept, below her list, in her order (used by "addPrograms"). @defaultValue [] */
  extraPrograms?: readonly string[];
}

/** The seed of draw `i`: a 32-bit mix of the base seed and the index (splitmix32's finalizer). */
export function drawSeed(seed: number, i: number): number {
  let z = (Math.imul(seed | 0, 0x9e3779b9) + Math.imul(i + 1, 0x85ebca6b)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * Scores of every strategy in one drawn market, by her true preferences (true list, then extra programs): the
 * 0-based rank of her outcome, or `UNMATCHED`. One match without her, then one chain replay per program tried.
 */
export function scoreDraw(market: CompiledMarket, options: MonteCarloOptions, out: Int32Array, offset: number): void {
  const a = market.applicantIds.indexOf(options.applicant);
  if (a < 0) throw new Error(`scoreDraw: applicant ${JSON.stringify(options.applicant)} is not in the drawn market`);
  const analyzer = createStrategyAnalyzer(market, { applicant: a });
  const trueList = Array.from(analyzer.trueList);
  const extra = programIndexOf(market, options.extraPrograms ?? [], "scoreDraw").filter((p) => !trueList.includes(p));
  const preference = [...trueList, ...extra];
  options.strategies.forEach((strategy, s) => {
    const program = outcomeOfList(analyzer, applyStrategy(strategy, trueList, extra, market));
    const rank = program < 0 ? -1 : preference.indexOf(program);
    out[offset + s] = rank < 0 ? UNMATCHED : rank; // a program she would not accept counts as no match for her
  });
}

/**
 * Scores draws `start … end - 1` into a new array (row per draw): the unit of work a Node worker thread or a browser
 * Web Worker runs, so that every way of sharing out the draws gives the same rows.
 */
export function scoreDrawRange(draw: MarketDrawer, options: MonteCarloOptions, start: number, end: number): Int32Array {
  const S = options.strategies.length;
  const out = new Int32Array((end - start) * S);
  for (let d = start; d < end; d++) scoreDraw(draw(drawSeed(options.seed, d)), options, out, (d - start) * S);
  return out;
}

/** Score of a draw where she ends unmatched (or at a program she would not accept). */
export const UNMATCHED = 0x7fffffff;

export interface StrategySummary {
  label: string;
  strategy: ListStrategy;
  /** Share of draws where she matched to a program she accepts. */
  matchProbability: number;
  /** `rankCounts[k]`: draws where she matched to her (k + 1)th choice. */
  rankCounts: number[];
  unmatched: number;
  /** Draw by draw against truthful, by her true preferences. */
  vsTruthful: { better: number; equal: number; worse: number };
}

export interface MonteCarloReport {
  draws: number;
  seed: number;
  strategies: StrategySummary[];
}

/** Turns per-draw scores (`draws × strategies`, row per draw) into the report; the first truthful strategy is the reference. */
export function summarizeMonteCarlo(options: MonteCarloOptions, scores: Int32Array): MonteCarloReport {
  const S = options.strategies.length;
  const reference = options.strategies.findIndex((s) => s.kind === "truthful");
  const strategies = options.strategies.map((strategy, s): StrategySummary => {
    const rankCounts: number[] = [];
    let unmatched = 0;
    const vsTruthful = { better: 0, equal: 0, worse: 0 };
    for (let d = 0; d < options.draws; d++) {
      const score = scores[d * S + s]!;
      if (score === UNMATCHED) unmatched++;
      else rankCounts[score] = (rankCounts[score] ?? 0) + 1;
      if (reference >= 0) {
        const truthful = scores[d * S + reference]!;
        if (score < truthful) vsTruthful.better++;
        else if (score === truthful) vsTruthful.equal++;
        else vsTruthful.worse++;
      }
    }
    return {
      label: strategyLabel(strategy),
      strategy,
      matchProbability: (options.draws - unmatched) / options.draws,
      rankCounts: Array.from(rankCounts, (c) => c ?? 0),
      unmatched,
      vsTruthful,
    };
  });
  return { draws: options.draws, seed: options.seed, strategies };
}

export interface RunMonteCarloOptions {
  /** Called after each draw with the number done. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the run between draws; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Checks the options once, before any work, with the caller's name in the message. */
export function checkMonteCarloOptions(options: MonteCarloOptions, where: string): void {
  if (!Number.isSafeInteger(options.draws) || options.draws < 1) throw new RangeError(`${where}: draws must be a whole number ≥ 1, got ${options.draws}`);
  if (options.strategies.length === 0) throw new RangeError(`${where}: give at least one strategy`);
}

/**
 * Evaluates every strategy on the same draws, in this thread (the browser runs it inside a Web Worker; Node can
 * share the draws out with `runMonteCarloInWorkers` from the CLI package). Yields to the event loop between
 * draws so progress and cancellation work.
 */
export async function runMonteCarlo(draw: MarketDrawer, options: MonteCarloOptions, run: RunMonteCarloOptions = {}): Promise<MonteCarloReport> {
  checkMonteCarloOptions(options, "runMonteCarlo");
  const S = options.strategies.length;
  const scores = new Int32Array(options.draws * S);
  for (let d = 0; d < options.draws; d++) {
    run.signal?.throwIfAborted();
    scoreDraw(draw(drawSeed(options.seed, d)), options, scores, d * S);
    run.onProgress?.(d + 1, options.draws);
    if ((d & 15) === 15) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return summarizeMonteCarlo(options, scores);
}
