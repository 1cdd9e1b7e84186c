// Worker-side drawer module for `matchlab strategy --monte-carlo`: the user placed in a preset market. Node-only
// because it picks the rng (seedrandom's Alea, as `matchlab generate`); the browser passes its own factory.
import seedrandom from "seedrandom";
import type { MarketDrawer } from "../strategy/monteCarlo.ts";
import { createPlacedDrawer as createDrawer, type PlacedDrawerOptions } from "../strategy/presetDrawers.ts";

/** The drawer factory `runMonteCarloInWorkers` calls in each worker with `drawArgs`. */
export function createPlacedDrawer(options: PlacedDrawerOptions): MarketDrawer {
  return createDrawer(options, seedrandom.alea);
}
