import type { PointerArray } from "@matchlab/core";
import seedrandom from "seedrandom";
import { makeTemporaryMarket } from "./tempUniformMarket.ts";

/**
 * Where the suite's markets come from: one pluggable function from (options, seed) to CSR lists. The options
 * mirror `GenerateMarketOptions` (issue 4) so that switching to `generateMarket` is a one-line change here.
 */

/** The subset of `GenerateMarketOptions` the suite uses. */
export interface SourceOptions {
  preset: "nrmp-2025" | "uniform";
  applicants?: number;
  programs?: number;
  quota?: number;
  listLength?: number;
  /** Share of applicants in couples; 0 until the rules engine (issue 3) lands. */
  couplesShare?: number;
  /** Share of applicants with supplemental lists; 0 until the rules engine lands. */
  supplementalShare?: number;
}

/** A market in index form (the fields of `GeneratedMarket` the engine needs). */
export interface BenchMarket {
  nA: number;
  nP: number;
  applicantIds: readonly string[];
  programIds: readonly string[];
  appStart: Uint32Array;
  appRol: PointerArray;
  progStart: Uint32Array;
  progRol: PointerArray;
  quota: PointerArray;
}

export type MarketSource = (options: SourceOptions, seed: string) => BenchMarket;

/** The source in use: seeded, so a market is identical across processes and runs. */
export const marketSource: MarketSource = (options, seed) => makeTemporaryMarket(options, seedrandom(seed));

/** Human name of the source, recorded with every result. */
export const marketSourceName = "temporary uniform k-list maker (benchmarks/src/tempUniformMarket.ts)";
