import { createPlacedDrawer, runMonteCarlo, type MonteCarloOptions, type PlacedDrawerOptions } from "@matchlab/core";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { runMonteCarloInWorkers } from "../../packages/core/src/cli/monteCarloWorkers.ts";

// The user placed in the nrmp-2025 preset at 2,000 other applicants, with a fixed list of 5 programs.
const drawArgs: PlacedDrawerOptions = {
  applicants: 2000,
  profile: { type: "us-img", step2ck: 238, specialties: ["Internal Medicine", "Family Medicine"], list: ["IM-0004", "IM-0011", "FM-0002", "IM-0020", "FM-0009"] },
};
const options: MonteCarloOptions = {
  applicant: "you",
  draws: 12,
  seed: 5,
  strategies: [
    { kind: "truthful" },
    { kind: "truncate", keep: 2 },
    { kind: "safetyFirst", program: "FM-0009" },
    { kind: "reachesOnly", reaches: ["IM-0004", "IM-0011"] },
    { kind: "addPrograms", count: 2 },
    { kind: "custom", list: ["FM-0002", "IM-0004"] },
  ],
  extraPrograms: ["FM-0015", "IM-0030"],
};
const drawModule = new URL("../../packages/core/src/cli/placedDrawer.ts", import.meta.url).href;

describe("runMonteCarloInWorkers with the placed drawer", () => {
  it("should give identical figures for a seed whatever the number of workers", async () => {
    const inThread = await runMonteCarlo(createPlacedDrawer(drawArgs, seedrandom.alea), options);
    const pool = { drawModule, drawExport: "createPlacedDrawer", drawArgs, execArgv: [] };
    const one = await runMonteCarloInWorkers(options, { ...pool, workers: 1 });
    const two = await runMonteCarloInWorkers(options, { ...pool, workers: 2, chunk: 5 });
    expect(one).toEqual(inThread);
    expect(two).toEqual(inThread);
  });
});

describe("runMonteCarlo with the placed drawer", () => {
  it("should never find a reordering or truncation of her list that beats truthful in any draw", async () => {
    const report = await runMonteCarlo(createPlacedDrawer(drawArgs, seedrandom.alea), options);
    for (const summary of report.strategies) {
      if (summary.strategy.kind !== "addPrograms") expect(summary.vsTruthful.better).toBe(0);
      expect(summary.rankCounts.reduce((x, y) => x + y, 0) + summary.unmatched).toBe(options.draws);
    }
    // Keeping only her 2 reaches can only lose matches: it matches at most as often as her true list.
    const [truthful, , , reaches] = report.strategies;
    expect(reaches!.matchProbability).toBeLessThanOrEqual(truthful!.matchProbability);
  });
});
