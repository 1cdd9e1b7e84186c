// Times the generator at scale and the binary market round trip, in one process, and prints JSON.
// Usage: node --expose-gc --conditions=@matchlab/source --import tsx scripts/benchGenerate.ts [applicants=1000000] [seed=7]
// (Perf lives here, not in unit tests. Each stage's result feeds a sink that is printed, so nothing is dead code.)
import seedrandom from "seedrandom";
import { compileGenerated, decodeMarketFile, deferredAcceptance, encodeMarketFile, generateMarket } from "@matchlab/core";

const applicants = Number(process.argv[2] ?? 1_000_000);
const seed = process.argv[3] ?? "7";
const gc = (globalThis as { gc?: () => void }).gc;
const times: Record<string, { wallMs: number; cpuMs: number }> = {};
let peak = 0;
const stage = <T>(name: string, run: () => T): T => {
  gc?.();
  const t = performance.now();
  const cpu = process.cpuUsage();
  const value = run();
  // CPU time beside wall time: on a shared machine the wall clock also measures the neighbours.
  times[name] = { wallMs: Math.round(performance.now() - t), cpuMs: Math.round(process.cpuUsage(cpu).user / 1000) };
  peak = Math.max(peak, process.memoryUsage().rss);
  return value;
};

const full = stage("generate nrmp-2025 at published size", () => generateMarket({ preset: "nrmp-2025" }, seedrandom.alea(seed)));
const market = stage(`generate nrmp-2025 with ${applicants} applicants`, () => generateMarket({ preset: "nrmp-2025", applicants }, seedrandom.alea(seed)));
const uniform = stage(`generate uniform k=15 with ${applicants} applicants`, () => generateMarket({ preset: "uniform", applicants, listLength: 15 }, seedrandom.alea(seed)));
const bytes = stage("encode .mlm", () => encodeMarketFile(market));
const compiled = stage("decode .mlm and compile", () => compileGenerated(decodeMarketFile(bytes)));
const matching = stage("deferred acceptance", () => deferredAcceptance(compiled));
let matched = 0;
for (const p of matching.matchOf) if (p >= 0) matched++;

console.log(JSON.stringify({
  node: process.version, applicants, seed, loadAverage: (await import("node:os")).loadavg().map((x) => Math.round(x * 10) / 10), timings: times, peakRssMB: Math.round(peak / 2 ** 20),
  sink: { fullApplicants: full.nA, entries: market.appStart[market.nA], uniformEntries: uniform.appStart[uniform.nA], fileMB: Math.round(bytes.length / 2 ** 20), matched },
}, null, 1));
