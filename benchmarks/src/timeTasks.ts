import { Bench } from "tinybench";
import { progress } from "./progress.ts";
import { phaseStats, type PhaseStats } from "./stats.ts";

/** A phase to time: `run` is called once for the warm-up, then `runs` times. */
export interface TimedTask {
  name: string;
  run: () => unknown;
}

declare const gc: (() => void) | undefined;

/**
 * Times each task with tinybench: one warm-up call, then exactly `runs` timed calls (no time budget, so a
 * 5-second phase of a huge market runs 5 times, not hundreds). A full GC runs before each call, outside the timed
 * window (`node --expose-gc`), so one phase's garbage is not collected during the next. Each result is folded into
 * `sink`, so the JIT cannot drop the work.
 */
export function timeTasks(label: string, tasks: readonly TimedTask[], runs: number): Record<string, PhaseStats> {
  const bench = new Bench({ iterations: runs, time: 0, warmupIterations: 1, warmupTime: 0, retainSamples: true, throws: true });
  for (const task of tasks) {
    let call = 0;
    bench.add(task.name, () => void sink.push(task.run()), {
      beforeEach() {
        call++;
        progress(`bench: ${label}: ${task.name} ${call === 1 ? "warm-up" : `run ${call - 1}/${runs}`}`);
        if (typeof gc === "function") gc();
      },
      afterEach() {
        sink.length = 0;
      },
    });
  }
  bench.runSync();
  const out: Record<string, PhaseStats> = {};
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== "completed") throw new Error(`bench: ${label}: ${task.name} did not complete (${result.state})`);
    out[task.name] = phaseStats(result.latency);
  }
  return out;
}

const sink: unknown[] = [];
