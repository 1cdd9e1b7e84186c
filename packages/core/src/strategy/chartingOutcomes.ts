import { deferredAcceptance } from "../deferredAcceptance.ts";
import type { CompiledMarket } from "../market.ts";
import { drawSeed, type MarketDrawer } from "./monteCarlo.ts";

export interface ChartingOutcomesOptions {
  /** Number of markets drawn, ≥ 1. */
  draws: number;
  /** Base seed; draw i uses `drawSeed(seed, i)`. */
  seed: number;
  /** Group of applicant `a` (e.g. her applicant type). @defaultValue every applicant in group "all" */
  groupOf?: (market: CompiledMarket, a: number) => string;
}

export interface ChartingPoint {
  /** Length of the applicants' lists. */
  programsRanked: number;
  applicants: number;
  matched: number;
  /** matched / applicants. */
  probability: number;
}

export interface ChartingSeries {
  group: string;
  /** One point per list length seen in the group, shortest first. */
  points: ChartingPoint[];
}

/**
 * "Charting Outcomes": the probability of matching against the number of programs ranked, per group, over drawn
 * markets (one applicant-proposing match per draw, O(total list length) each). Generic over the drawer, so the
 * preset generator plugs in as `(seed) => compileLists(generateMarket(preset, seedrandom(String(seed))))`.
 */
export function chartingOutcomes(draw: MarketDrawer, options: ChartingOutcomesOptions): ChartingSeries[] {
  if (!Number.isSafeInteger(options.draws) || options.draws < 1) throw new RangeError(`chartingOutcomes: draws must be a whole number ≥ 1, got ${options.draws}`);
  const groupOf = options.groupOf ?? (() => "all");
  const tallies = new Map<string, { applicants: number[]; matched: number[] }>();
  for (let d = 0; d < options.draws; d++) {
    const market = draw(drawSeed(options.seed, d));
    const { matchOf } = deferredAcceptance(market);
    for (let a = 0; a < market.nA; a++) {
      const group = groupOf(market, a);
      let tally = tallies.get(group);
      if (tally === undefined) tallies.set(group, (tally = { applicants: [], matched: [] }));
      const length = market.appStart[a + 1]! - market.appStart[a]!;
      tally.applicants[length] = (tally.applicants[length] ?? 0) + 1;
      if (matchOf[a]! >= 0) tally.matched[length] = (tally.matched[length] ?? 0) + 1;
    }
  }
  return [...tallies].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([group, tally]) => ({
    group,
    points: tally.applicants.flatMap((applicants, programsRanked) => {
      if (applicants === undefined) return [];
      const matched = tally.matched[programsRanked] ?? 0;
      return [{ programsRanked, applicants, matched, probability: matched / applicants }];
    }),
  }));
}
