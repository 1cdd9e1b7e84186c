import seedrandom from "seedrandom";
import { checkFullStability, rothPeranson, solve, type CompiledMarket, type FullMarket, type FullMatching, type Side, type Workspace } from "../index.ts";

/** Options of one timed run: the workspace whose buffers every run reuses, or none (`--fresh`). */
export interface BenchRunOptions {
  workspace?: Workspace;
}

/** What `matchlab bench` times: a compile and a solve, with what the report says about the last run. */
export interface BenchTarget {
  /** Which engine `solve` runs, as `--json` reports it. */
  engine: "deferred-acceptance" | "roth-peranson";
  /** Compiles the parsed market (the timed compile phase). */
  compile: (options: BenchRunOptions) => void;
  /** Solves the market of the last compile and returns its proposals (the timed solve phase). */
  solve: (options: BenchRunOptions) => number;
  /** Size of the market and, for the full rules, the outcome of the last run (untimed). */
  summary: () => BenchSummary;
}

export interface BenchSummary {
  applicants: number;
  programs: number;
  /** Full rules only: couples, whether the last matching is stable, and which method found it. */
  full?: { couples: number; stable: boolean; method: FullMatching["method"] };
}

/** The simple engine (`solve`, deferred acceptance) on a market compiled by `compile`. */
export function simpleBenchTarget(compile: (options: BenchRunOptions) => CompiledMarket, side: Side): BenchTarget {
  let market: CompiledMarket | undefined;
  return {
    engine: "deferred-acceptance",
    compile: (options) => void (market = compile(options)),
    solve: (options) => solve(market!, { side, ...options }).proposals,
    summary: () => ({ applicants: market!.nA, programs: market!.nP }),
  };
}

/**
 * The seed of the couples' re-orderings after a loop: `matchlab match`'s default `--seed`, so both commands do the
 * same work on a market; fixed, so every timed run does too.
 */
const BENCH_SEED = "1";

/**
 * The full NRMP rules (`rothPeranson`, applicant-proposing) on a market compiled by `compile`: each run draws its
 * re-orderings from a fresh `seedrandom(BENCH_SEED)`. Stability is checked once, after the last run, untimed.
 */
export function fullBenchTarget(compile: (options: BenchRunOptions) => FullMarket): BenchTarget {
  let market: FullMarket | undefined;
  let matching: FullMatching | undefined;
  return {
    engine: "roth-peranson",
    compile: (options) => void (market = compile(options)),
    solve: (options) => (matching = rothPeranson(market!, { rng: seedrandom(BENCH_SEED), ...options })).proposals,
    summary: () => ({
      applicants: market!.base.nA,
      programs: market!.base.nP,
      full: { couples: market!.nC, stable: checkFullStability(market!, matching!).stable, method: matching!.method },
    }),
  };
}
