import type { Statistics } from "tinybench";

/** Median, min and max of a phase, in milliseconds (3 decimals). */
export interface PhaseStats {
  median: number;
  min: number;
  max: number;
  /** Every timed run, sorted ascending (tinybench does not keep the run order). */
  samples: number[];
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export function phaseStats(latency: Statistics): PhaseStats {
  return { median: round(latency.p50), min: round(latency.min), max: round(latency.max), samples: (latency.samples ?? []).map(round) };
}
