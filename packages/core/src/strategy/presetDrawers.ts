import { APPLICANT_TYPES, compileGenerated, type GeneratedMarket } from "../generate/generatedMarket.ts";
import { generateMarket, type GenerateMarketOptions } from "../generate/generateMarket.ts";
import type { Rng } from "../generate/random.ts";
import { chartingOutcomes, type ChartingSeries } from "./chartingOutcomes.ts";
import type { MarketDrawer } from "./monteCarlo.ts";
import { placeApplicant, planPlacement, type PlaceApplicantOptions } from "./placeApplicant.ts";

/** Makes a seeded rng from a text seed, e.g. `seedrandom.alea` (what the CLI uses) or `seedrandom`. */
export type RngFactory = (seed: string) => Rng;

export interface PlacedDrawerOptions extends PlaceApplicantOptions {
  /**
   * Seed of the program catalogue, the same for every draw: the catalogue is the programs of
   * `matchlab generate --preset P --seed programSeed` (at the same `applicants`).
   * @defaultValue "1"
   */
  programSeed?: string;
}

/**
 * A Monte Carlo drawer for an applicant placed in a preset market: draw `seed` is
 * `placeApplicant(plan, rngFor(String(seed)))`, compiled. The catalogue is drawn once, so every draw shares its
 * program ids and attributes and only the other applicants, the interviews and both sides' tastes vary.
 */
export function createPlacedDrawer(options: PlacedDrawerOptions, rngFor: RngFactory): MarketDrawer {
  const plan = planPlacement(options, rngFor(options.programSeed ?? "1"));
  return (seed) => compileGenerated(placeApplicant(plan, rngFor(String(seed))));
}

export interface PresetChartingOptions {
  /** The market (an NRMP preset: groups are applicant types). @defaultValue { preset: "nrmp-2025" } */
  market?: GenerateMarketOptions;
  /** Markets drawn, ≥ 1. */
  draws: number;
  /** Base seed; draw i is generated with `rngFor(String(drawSeed(seed, i)))`. */
  seed: number;
  /** Called after each draw. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * "Charting Outcomes" on a preset market: the probability of matching against the number of programs ranked, one
 * series per applicant type (read from the generated market's type column). List length is an outcome of the
 * model (stronger applicants get more interviews), so, as in the NRMP's charts, the curve shows association.
 */
export function presetChartingOutcomes(options: PresetChartingOptions, rngFor: RngFactory): ChartingSeries[] {
  const market = options.market ?? { preset: "nrmp-2025" };
  if (market.preset === "uniform" || market.preset === "correlated") throw new RangeError("presetChartingOutcomes: needs an NRMP preset (applicant types)");
  let last: GeneratedMarket | undefined;
  let done = 0;
  const draw: MarketDrawer = (seed) => {
    if (done > 0) options.onProgress?.(done, options.draws); // the previous market is fully tallied
    done++;
    last = generateMarket(market, rngFor(String(seed)));
    return compileGenerated(last);
  };
  // chartingOutcomes reads the groups of a market right after drawing it, so `last` is that market.
  const series = chartingOutcomes(draw, {
    draws: options.draws,
    seed: options.seed,
    groupOf: (_compiled, a) => APPLICANT_TYPES[last!.applicants!.type[a]!]!,
  });
  options.onProgress?.(options.draws, options.draws);
  // In the NRMP's order of applicant types (U.S. MD first) rather than alphabetical.
  const order = (group: string): number => APPLICANT_TYPES.indexOf(group as (typeof APPLICANT_TYPES)[number]);
  return series.sort((x, y) => order(x.group) - order(y.group));
}
