import { generateMarket, type CsrLists, type GeneratedMarket, type GenerateMarketOptions } from "@matchlab/core";
import seedrandom from "seedrandom";

/**
 * Where the suite's markets come from: one pluggable function from (options, seed) to a market in CSR form. Swap
 * it to benchmark markets from elsewhere (.mlm files, another generator); everything downstream reads only the
 * CSR fields of `BenchMarket`.
 */

/** Generator options the suite passes through (couples and supplemental shares included, for the rules variant). */
export type SourceOptions = GenerateMarketOptions;

/** A market in index form: the fields of `GeneratedMarket` the engine needs. */
export type BenchMarket = Pick<GeneratedMarket, "nA" | "nP" | "applicantIds" | "programIds" | "appStart" | "appRol" | "progStart" | "progRol" | "quota">;

export type MarketSource = (options: SourceOptions, seed: string) => BenchMarket;

/**
 * `generateMarket` seeded with `seedrandom.alea(seed)`, as `matchlab generate --seed` does (Alea is several times
 * faster per draw than seedrandom's default ARC4), so `matchlab generate --seed <seed>` rebuilds any bench market.
 */
export const marketSource: MarketSource = (options, seed) => generatedMarket(options, seed);

/** The whole generated market (couples and participant attributes included), for the full-rules variants. */
export function generatedMarket(options: SourceOptions, seed: string): GeneratedMarket {
  return generateMarket(options, seedrandom.alea(seed));
}

/** The CSR lists of a market, as `compileCsr` takes them (the arrays are shared, not copied). */
export function csrLists(market: BenchMarket): CsrLists {
  return {
    applicantIds: market.applicantIds, programIds: market.programIds,
    appStart: market.appStart, appRol: market.appRol, progStart: market.progStart, progRol: market.progRol,
    quotas: market.quota,
  };
}

/** Human name of the source, recorded with every result. */
export const marketSourceName = "generateMarket(options, seedrandom.alea(seed)) from @matchlab/core";
