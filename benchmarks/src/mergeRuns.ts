import { phaseStatsOf, type PhaseStats } from "./stats.ts";

/**
 * Several processes of the same child pooled into one result (`pnpm bench --processes N`). On the suite's VM a
 * process's times are steady within it but move by up to 40 % from one process to the next (where its arrays
 * land in memory), so one process per row can put a ratio anywhere from 1.9× to 3.0×; pooling every timed run of
 * N processes gives medians that such placement moves far less.
 */

/** One phase over every timed run of every process: the median, min and max of the pooled samples. */
export function poolPhases(phases: readonly PhaseStats[]): PhaseStats {
  const samples = phases.flatMap((p) => p.samples);
  if (samples.length === 0) throw new Error("poolPhases: no samples (a phase ran no timed calls)");
  return phaseStatsOf(samples);
}

/** Every key of `T` whose value is a `PhaseStats`. */
type PhaseKeys<T> = { [K in keyof T]: T[K] extends PhaseStats ? K : never }[keyof T];

/**
 * Pools the results of N processes of one child: the listed phases over all their samples, the peak memory as the
 * largest of the processes; every other field (sizes, proposals, stability) from the first, which the others
 * must match, since every process runs the same seeded market.
 */
export function poolResults<T extends { peakRssMB: number }>(results: readonly T[], phases: readonly PhaseKeys<T>[]): T {
  const first = results[0];
  if (first === undefined) throw new Error("poolResults: no results");
  // One process: its own statistics, as tinybench computed them.
  if (results.length === 1) return first;
  const pooled: T = { ...first, peakRssMB: Math.max(...results.map((r) => r.peakRssMB)) };
  for (const key of phases) (pooled[key] as PhaseStats) = poolPhases(results.map((r) => r[key] as PhaseStats));
  return pooled;
}
