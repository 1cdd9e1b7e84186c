import { describe, expect, it, vi } from "vitest";
import { timePaired } from "../../benchmarks/src/pairedTiming.ts";

vi.mock("../../benchmarks/src/progress.ts", () => ({ progress: () => {}, endProgress: () => {} }));

/** A busy wait of about `ms`, recording the order of calls in `log`. */
const busy = (ms: number, name: string, log: string[]) => (): number => {
  log.push(name);
  const end = performance.now() + ms;
  let spins = 0;
  while (performance.now() < end) spins++;
  return spins;
};

describe("timePaired(label, tasks, budget) (the suite's side-by-side ratio)", () => {
  it("should alternate the two sides, flipping their order every round, and give the ratio of their medians", () => {
    const log: string[] = [];
    const times = timePaired("test", { singles: busy(1, "s", log), full: busy(3, "f", log) }, { rounds: 6, minTimeMs: 0, warmupMs: 0 });
    expect(times.rounds).toBe(6);
    expect(times.singlesMs.samples).toHaveLength(6);
    expect(times.fullMs.samples).toHaveLength(6);
    // One warm-up round (s, f), then rounds s f, f s, s f, …
    expect(log.join("")).toBe("sf" + "sffssffssffs");
    // A 3 ms call against a 1 ms one: about 3 (busy waits overrun a little, the slower side relatively less).
    expect(times.ratio).toBeGreaterThan(2);
    expect(times.ratio).toBeLessThan(3.5);
    expect(times.ratio).toBeCloseTo(times.fullMs.median / times.singlesMs.median, 1);
  });

  it("should go on past `rounds` until both sides add up to minTimeMs", () => {
    const log: string[] = [];
    const times = timePaired("test", { singles: busy(2, "s", log), full: busy(2, "f", log) }, { rounds: 2, minTimeMs: 40, warmupMs: 0 });
    expect(times.rounds).toBeGreaterThanOrEqual(9);
    expect(times.singlesMs.samples.reduce((a, b) => a + b, 0) + times.fullMs.samples.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(40);
  });
});
