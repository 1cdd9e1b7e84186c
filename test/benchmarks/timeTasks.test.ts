import { describe, expect, it, vi } from "vitest";
import { timeTasks } from "../../benchmarks/src/timeTasks.ts";

// The progress line goes to stderr; tests keep their output clean.
vi.mock("../../benchmarks/src/progress.ts", () => ({ progress: () => {}, endProgress: () => {} }));

/** A task that takes about `ms` (a busy wait: timers would not keep the thread busy), counting its calls. */
function busy(ms: number): { run: () => number; calls: () => number } {
  let calls = 0;
  return {
    run: () => {
      calls++;
      const end = performance.now() + ms;
      let spins = 0;
      while (performance.now() < end) spins++;
      return spins;
    },
    calls: () => calls,
  };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe("timeTasks(label, tasks, budget) (the benchmarks' timer)", () => {
  it("should time calls until they add up to minTimeMs when runs alone would stop sooner", () => {
    const task = busy(2);
    const { fast } = timeTasks("test", [{ name: "fast", run: task.run }], { runs: 3, minTimeMs: 40 });
    expect(fast!.samples.length).toBeGreaterThan(3);
    expect(sum(fast!.samples)).toBeGreaterThanOrEqual(40);
  });

  it("should time exactly `runs` calls when they already take longer than minTimeMs", () => {
    const task = busy(3);
    const { slow } = timeTasks("test", [{ name: "slow", run: task.run }], { runs: 4, minTimeMs: 1 });
    expect(slow!.samples).toHaveLength(4);
  });

  it("should warm up for at least 200 ms of calls before timing, and report min ≤ median ≤ max", () => {
    const task = busy(5);
    const { warm } = timeTasks("test", [{ name: "warm", run: task.run }], { runs: 2, minTimeMs: 0 });
    const timed = warm!.samples.length;
    // 200 ms of 5 ms calls is 40 calls (a call can overrun, so a few less).
    expect(task.calls() - timed).toBeGreaterThanOrEqual(30);
    expect(warm!.min).toBeLessThanOrEqual(warm!.median);
    expect(warm!.median).toBeLessThanOrEqual(warm!.max);
  });
});
