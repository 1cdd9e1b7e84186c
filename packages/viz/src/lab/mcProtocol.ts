import type { MonteCarloOptions, PlacedDrawerOptions } from "@matchlab/core";

/** One Monte Carlo worker's share: draws `start … end - 1` of the run (draw i always uses drawSeed(seed, i)). */
export interface McRequest {
  drawer: PlacedDrawerOptions;
  options: MonteCarloOptions;
  start: number;
  end: number;
}

/** Other applicants of her type in the drawn markets, by list length: `applicants[k]` ranked k programs, `matched[k]` of them matched. */
export interface PeerTally {
  applicants: number[];
  matched: number[];
}

export type McReply = { type: "progress"; done: number } | { type: "done"; scores: Int32Array; peers: PeerTally } | { type: "error"; message: string };
