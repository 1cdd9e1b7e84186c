import { phaseStatsOf, type PhaseStats } from "./stats.ts";
import { progress } from "./progress.ts";

declare const gc: (() => void) | undefined;

/** Two calls timed side by side: the simple engine's run and the full rules' run of the same market size. */
export interface PairedTasks {
  singles: () => unknown;
  full: () => unknown;
}

/** Both sides' times and the ratio of their medians. */
export interface PairedTimes {
  singlesMs: PhaseStats;
  fullMs: PhaseStats;
  /** fullMs.median ÷ singlesMs.median. */
  ratio: number;
  rounds: number;
}

/**
 * Times `singles` and `full` in alternation, one of each per round, the order flipping every round, so both see
 * the same machine: on the suite's VM a process's speed moves by up to 40 % from one process to the next and over
 * minutes, which separate processes (the tables' rows) turn into noise in their ratio, and alternation cancels.
 * Warm-up rounds come first (at least one, and `warmupMs` of both sides together); then rounds until there are at
 * least `rounds` and they add up to `minTimeMs`. A GC runs before the warm-up and before the timed rounds.
 */
export function timePaired(label: string, tasks: PairedTasks, budget: { rounds: number; minTimeMs: number; warmupMs?: number }): PairedTimes {
  const { rounds, minTimeMs, warmupMs = 200 } = budget;
  const sink: unknown[] = [];
  const time = (run: () => unknown): number => {
    const t = performance.now();
    sink.push(run());
    return performance.now() - t;
  };
  const round = (i: number, singles: number[], full: number[]): number => {
    const first = i % 2 === 0 ? "singles" : "full";
    const a = time(first === "singles" ? tasks.singles : tasks.full);
    const b = time(first === "singles" ? tasks.full : tasks.singles);
    singles.push(first === "singles" ? a : b);
    full.push(first === "singles" ? b : a);
    sink.length = 0;
    return a + b;
  };
  if (typeof gc === "function") gc();
  progress(`bench: ${label}: paired warm-up`);
  for (let i = 0, spent = 0; i < 1 || spent < warmupMs; i++) spent += round(i, [], []);
  if (typeof gc === "function") gc();
  const singles: number[] = [];
  const full: number[] = [];
  let shown = performance.now();
  for (let i = 0, spent = 0; i < rounds || spent < minTimeMs; i++) {
    spent += round(i, singles, full);
    if (performance.now() - shown >= 1000) {
      shown = performance.now();
      progress(`bench: ${label}: paired round ${i + 1} (at least ${rounds}, and ${minTimeMs} ms)`);
    }
  }
  const singlesMs = phaseStatsOf(singles);
  const fullMs = phaseStatsOf(full);
  return { singlesMs, fullMs, ratio: Math.round((fullMs.median / singlesMs.median) * 100) / 100, rounds: singles.length };
}
