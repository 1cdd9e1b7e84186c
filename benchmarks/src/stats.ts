import type { Statistics } from "tinybench";

/** Median, min and max of a phase, in milliseconds (3 decimals). */
export interface PhaseStats {
  median: number;
  min: number;
  max: number;
  /** Every timed run, in run order is not kept by tinybench: sorted ascending. */
  samples: number[];
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export function phaseStats(latency: Statistics): PhaseStats {
  return { median: round(latency.p50), min: round(latency.min), max: round(latency.max), samples: (latency.samples ?? []).map(round) };
}

/** Median, min and max of plain samples (for the CLI, which has no tinybench). */
export function summarize(samples: readonly number[]): Omit<PhaseStats, "samples"> {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted[n - 1]!) };
}
