import type { MonteCarloOptions, PlacedDrawerOptions } from "@matchlab/core";

/** One Monte Carlo worker's share: draws `start … end - 1` of the run (draw i always uses drawSeed(seed, i)). */
export interface McRequest {
  drawer: PlacedDrawerOptions;
  options: MonteCarloOptions;
  start: number;
  end: number;
}

export type McReply = { type: "progress"; done: number } | { type: "done"; scores: Int32Array } | { type: "error"; message: string };
