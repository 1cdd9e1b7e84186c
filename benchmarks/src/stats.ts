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

/** The same statistics from raw samples (ms), with the median as the middle sample or the mean of the two middle ones. */
export function phaseStatsOf(samples: readonly number[]): PhaseStats {
  const sorted = samples.map(round).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) throw new Error("phaseStatsOf: no samples");
  const median = n % 2 === 1 ? sorted[n >> 1]! : round((sorted[n / 2 - 1]! + sorted[n / 2]!) / 2);
  return { median, min: sorted[0]!, max: sorted[n - 1]!, samples: sorted };
}
