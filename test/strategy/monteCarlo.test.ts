import { applyStrategy, runMonteCarlo, type MonteCarloOptions } from "@matchlab/core";
import { describe, expect, it } from "vitest";
import { runMonteCarloInWorkers } from "../../packages/core/src/cli/monteCarloWorkers.ts";
import { drawMarket } from "../support/drawUniform.ts";

const options: MonteCarloOptions = {
  applicant: "me",
  draws: 40,
  seed: 7,
  strategies: [
    { kind: "truthful" },
    { kind: "safetyFirst", program: "P5" },
    { kind: "truncate", keep: 2 },
    { kind: "reachesOnly", reaches: ["P0", "P1"] },
    { kind: "addPrograms", count: 3 },
    { kind: "custom", list: ["P3", "P0"] },
  ],
  extraPrograms: ["P6", "P7", "P8"],
};

// Workers resolve @matchlab/core to its TypeScript source, as the tests do (the entry registers tsx itself).
const execArgv = ["--conditions=@matchlab/source"];
const drawModule = new URL("../support/drawUniform.ts", import.meta.url).href;

describe("runMonteCarloInWorkers", () => {
  it("should give identical figures for a seed whatever the number of workers and the chunk size", async () => {
    const inThread = await runMonteCarlo(drawMarket, options);
    const one = await runMonteCarloInWorkers(options, { drawModule, workers: 1, execArgv });
    const progress: number[] = [];
    const two = await runMonteCarloInWorkers(options, { drawModule, workers: 2, chunk: 3, execArgv, onProgress: (done) => progress.push(done) });
    expect(one).toEqual(inThread);
    expect(two).toEqual(inThread);
    // 40 draws in chunks of 3: 14 reports, rising to 40.
    expect(progress).toHaveLength(14);
    expect(progress.at(-1)).toBe(40);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);
  });

  it("should stop when cancelled", async () => {
    const controller = new AbortController();
    controller.abort(new Error("cancelled by the test"));
    await expect(runMonteCarloInWorkers(options, { drawModule, workers: 2, execArgv, signal: controller.signal })).rejects.toThrow();
  });
});

describe("runMonteCarlo", () => {
  it("should never find a strategy that beats truthful in any draw (strategy-proofness)", async () => {
    const report = await runMonteCarlo(drawMarket, options);
    for (const summary of report.strategies.filter((s) => s.strategy.kind !== "addPrograms")) expect(summary.vsTruthful.better).toBe(0);
    // Every draw is counted once per strategy.
    for (const summary of report.strategies) {
      expect(summary.rankCounts.reduce((x, y) => x + y, 0) + summary.unmatched).toBe(options.draws);
      expect(summary.vsTruthful.better + summary.vsTruthful.equal + summary.vsTruthful.worse).toBe(options.draws);
    }
  });

  it("should report progress and stop when cancelled", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runMonteCarlo(drawMarket, options, {
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done === 5) controller.abort(new Error("stop"));
      },
    });
    await expect(run).rejects.toThrow("stop");
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it("runMonteCarlo rejects zero draws", async () => {
    await expect(runMonteCarlo(drawMarket, { ...options, draws: 0 })).rejects.toThrow(/runMonteCarlo: draws must be a whole number ≥ 1, got 0/);
  });
});

describe("applyStrategy", () => {
  it("applyStrategy writes each kind of list from her true list", () => {
    const market = drawMarket(1); // programs P0 … P11
    const trueList = [0, 1, 2, 3];
    const extra = [5, 6];
    expect(applyStrategy({ kind: "truthful" }, trueList, extra, market)).toEqual([0, 1, 2, 3]);
    expect(applyStrategy({ kind: "safetyFirst", program: "P2" }, trueList, extra, market)).toEqual([2, 0, 1, 3]);
    expect(applyStrategy({ kind: "truncate", keep: 2 }, trueList, extra, market)).toEqual([0, 1]);
    expect(applyStrategy({ kind: "reachesOnly", reaches: ["P3", "P1"] }, trueList, extra, market)).toEqual([1, 3]);
    expect(applyStrategy({ kind: "addPrograms", count: 1 }, trueList, extra, market)).toEqual([0, 1, 2, 3, 5]);
    expect(applyStrategy({ kind: "custom", list: ["P3", "P0"] }, trueList, extra, market)).toEqual([3, 0]);
    expect(() => applyStrategy({ kind: "custom", list: ["Nope"] }, trueList, extra, market)).toThrow('applyStrategy: unknown program id "Nope"');
  });
});
