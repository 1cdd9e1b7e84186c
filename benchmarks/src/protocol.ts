import type { MarketSpec, Variant } from "./markets.ts";
import type { PhaseStats } from "./stats.ts";

/** What the parent asks a child process to run (passed as one JSON argument). */
export interface ChildRequest {
  market: MarketSpec;
  variant: Variant;
  /** Timed runs per phase at least (see `TimingBudget`). */
  runs: number;
  /** Timed runs per phase go on until they add up to this many milliseconds. */
  minTimeMs: number;
}

/** The engine child's answer: one market, one variant. Times in ms, memory in MB. */
export interface EngineResult {
  market: string;
  variant: string;
  size: { applicants: number; programs: number; positions: number; applicantEntries: number; programEntries: number };
  generateMs: PhaseStats;
  /** Warm, reusing a workspace. */
  compileMs: PhaseStats;
  solveApplicantMs: PhaseStats;
  solveProgramMs: PhaseStats;
  /** compileCsr + applicant-proposing solve with fresh arrays every run (no workspace). */
  compileSolveFreshMs: PhaseStats;
  proposals: { applicant: number; program: number };
  matched: { applicant: number; program: number };
  /** Both matchings passed `isStable`. */
  stable: boolean;
  /** Peak resident set of the child process (generation included). */
  peakRssMB: number;
}

/** The naive child's answer. */
export interface NaiveResult {
  market: string;
  variant: string;
  /** Building the Maps and running naive applicant-proposing DA, from string-id objects. */
  totalMs: PhaseStats;
  proposals: number;
  /** Same assignment and proposal count as the engine's applicant-proposing run. */
  agreesWithEngine: boolean;
  peakRssMB: number;
}

/** The full-rules child's answer: one market with couples and/or supplemental lists, Roth–Peranson. Times in ms. */
export interface FullEngineResult {
  market: string;
  variant: string;
  size: { applicants: number; programs: number; positions: number; couples: number; listEntries: number };
  generateMs: PhaseStats;
  /** `compileGeneratedFull(market)`: the generated typed arrays to the full engine's market. */
  compileMs: PhaseStats;
  /** `rothPeranson(market)`. */
  solveMs: PhaseStats;
  proposals: number;
  matched: number;
  /** `checkFullStability` found no blocking pair or couple, and the run completed. */
  stable: boolean;
  loopsDetected: number;
  peakRssMB: number;
  /** The same variant timed side by side with the singles market (pairedChild.ts); set by the parent. */
  paired?: PairedResult;
}

/** The paired child's answer: singles and full rules of one size alternated in one process (pairedTiming.ts). */
export interface PairedResult {
  market: string;
  variant: string;
  /** The singles row's compile + applicant-proposing solve, warm. */
  singlesMs: PhaseStats;
  /** The full-rules row's compile + solve, warm. */
  fullMs: PhaseStats;
  /** fullMs.median ÷ singlesMs.median: the figure issue 5 wants within 2×. */
  ratio: number;
  rounds: number;
}
