import { Bench } from "tinybench";
import { progress } from "./progress.ts";
import { phaseStats, type PhaseStats } from "./stats.ts";

/** A phase to time: `run` is called once for the warm-up, then `runs` times. */
export interface TimedTask {
  name: string;
  run: () => unknown;
}

declare const gc: (() => void) | undefined;

/** How many calls to time: both minimums are met, so a 5-second phase runs `runs` times, not hundreds. */
export interface TimingBudget {
  /** Timed calls at least. */
  runs: number;
  /**
   * Timed calls go on until they add up to this many milliseconds: a phase of a few milliseconds gets dozens of
   * runs, whose median a busy machine moves far less than it moves the median of five.
   */
  minTimeMs: number;
}

/**
 * Warm-up calls add up to at least this many milliseconds (and at least one call): the JIT optimises a function
 * after many calls, so one warm-up call left the first timed runs of a small market slower than the rest.
 */
const WARMUP_MS = 200;

/**
 * Times each task with tinybench: warm-up calls (at least one, and `WARMUP_MS` of them), then timed calls until
 * both minimums of `budget` are met. A full GC runs before the warm-up and before the timed calls of each task,
 * outside the timed window (`node --expose-gc`), so one phase's garbage is not collected during the next; the
 * calls of a phase then run back to back, as reruns do in the app. (A GC before every call, as before, left the
 * caches cold and the collector's background work running into the next timed call: medians of a few-ms phase
 * rose by up to a third over their minimums.) Each result is folded into
 * `sink`, so the JIT cannot drop the work.
 */
export function timeTasks(label: string, tasks: readonly TimedTask[], budget: TimingBudget): Record<string, PhaseStats> {
  const { runs, minTimeMs } = budget;
  const bench = new Bench({ iterations: runs, time: minTimeMs, warmupIterations: 1, warmupTime: WARMUP_MS, retainSamples: true, throws: true });
  for (const task of tasks) {
    let call = 0;
    let warming = true;
    let shown = 0;
    bench.add(task.name, () => void sink.push(task.run()), {
      beforeEach(phase) {
        if (phase === "run" && warming) {
          warming = false;
          call = 0;
        }
        call++;
        // Dozens of runs a second on small markets: one line a second is enough (CI logs keep every line).
        const now = performance.now();
        if (call === 1 || now - shown >= 1000) {
          shown = now;
          progress(`bench: ${label}: ${task.name} ${warming ? `warm-up ${call}` : `run ${call} (at least ${runs}, and ${minTimeMs} ms)`}`);
        }
      },
      beforeAll() {
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
