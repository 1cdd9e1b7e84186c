// Monte Carlo on the nrmp-2025 preset at published scale with one placed applicant: wall time for N draws with
// W worker threads, and the in-thread cost of one draw (generate the market around her + score 6 strategies).
// Run: npx tsx --conditions=@matchlab/source benchmarks/monteCarloPreset.ts [draws=100] [workers=1,2]
// Prints one JSON object. Worker times include starting the pool (each worker registers tsx when run from source).
import { availableParallelism, loadavg } from "node:os";
import { createPlacedDrawer, runMonteCarlo, type MonteCarloOptions, type PlacedDrawerOptions } from "@matchlab/core";
import seedrandom from "seedrandom";
import { runMonteCarloInWorkers } from "../packages/core/src/cli/monteCarloWorkers.ts";

const draws = Number(process.argv[2] ?? 100);
const workerCounts = (process.argv[3] ?? "1,2").split(",").map(Number);
const drawArgs: PlacedDrawerOptions = {
  preset: "nrmp-2025",
  profile: { type: "non-us-img", step2ck: 245, needsVisa: true, specialties: ["Internal Medicine", "Family Medicine"], list: ["IM-0120", "IM-0345", "IM-0512", "FM-0233", "FM-0610", "IM-0700"] },
};
const options: MonteCarloOptions = {
  applicant: "you",
  draws,
  seed: 1,
  strategies: [
    { kind: "truthful" },
    { kind: "truncate", keep: 3 },
    { kind: "safetyFirst", program: "IM-0700" },
    { kind: "reachesOnly", reaches: ["IM-0120", "IM-0345"] },
    { kind: "addPrograms", count: 2 },
    { kind: "custom", list: ["FM-0233", "IM-0120"] },
  ],
  extraPrograms: ["FM-0700", "IM-0701"],
};
const drawModule = new URL("../packages/core/src/cli/placedDrawer.ts", import.meta.url).href;

const t0 = performance.now();
const inThread = await runMonteCarlo(createPlacedDrawer(drawArgs, seedrandom.alea), { ...options, draws: Math.min(draws, 10) });
const perDrawMs = (performance.now() - t0) / inThread.draws;
const runs: Record<string, number> = {};
let reference: string | undefined;
for (const workers of workerCounts) {
  const t = performance.now();
  const cpu = process.cpuUsage(); // worker threads count in the process's CPU time
  const report = await runMonteCarloInWorkers(options, { drawModule, drawExport: "createPlacedDrawer", drawArgs, workers, execArgv: [] });
  runs[`workers${workers}Ms`] = Math.round(performance.now() - t);
  const used = process.cpuUsage(cpu);
  runs[`workers${workers}CpuMs`] = Math.round((used.user + used.system) / 1000);
  const text = JSON.stringify(report);
  if (reference !== undefined && text !== reference) throw new Error("monteCarloPreset: figures differ between worker counts");
  reference = text;
}
const truthful = JSON.parse(reference!).strategies[0];
console.log(JSON.stringify({ draws, cores: availableParallelism(), loadAverage: loadavg()[0], inThreadPerDrawMs: Math.round(perDrawMs), ...runs, truthfulMatchProbability: truthful.matchProbability }));
