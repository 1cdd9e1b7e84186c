// Strategy-analysis timings on large seeded uniform random markets (the generator of issue 4 is not merged yet).
// Run: node --expose-gc node_modules/tsx/dist/cli.mjs --conditions=@matchlab/source benchmarks/strategyBench.ts
// or:  npx tsx --conditions=@matchlab/source benchmarks/strategyBench.ts
// Prints one JSON object; every result is folded into `sink` so no work can be optimised away.
import {
  countStableMatchings, createStrategyAnalyzer, deferredAcceptance, exhaustiveCheck, findRotations, type CompiledMarket, whatIf,
} from "@matchlab/core";
import seedrandom from "seedrandom";
import { uniformMarket } from "./uniformMarket.ts";

let sink = 0;

const time = (f: () => number): number => {
  const t = performance.now();
  sink += f();
  return performance.now() - t;
};
const quantile = (xs: number[], q: number): number => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const round = (x: number): number => Math.round(x * 1000) / 1000;

// NRMP 2025 scale: 47,208 active applicants, 6,626 programs, 43,237 positions (6.5 each); lists of 12.
const nrmp = uniformMarket({ applicants: 47_208, programs: 6_626, quota: 6, listLength: 12, seed: "nrmp" });
const nrmp8 = uniformMarket({ applicants: 47_208, programs: 6_626, quota: 6, listLength: 8, seed: "nrmp8" });
const rng = seedrandom("queries");
const fullMatchMs = [1, 2, 3].map(() => time(() => deferredAcceptance(nrmp).proposals));

// What-if: one applicant, 200 random submitted lists (reorderings, truncations, extensions).
const applicant = Math.floor(rng() * nrmp.nA);
const firstRunMs = time(() => {
  const analyzer = createStrategyAnalyzer(nrmp, { applicant });
  return whatIf(analyzer, analyzer.trueList).truthful.score;
});
const analyzer = createStrategyAnalyzer(nrmp, { applicant });
const whatIfMs: number[] = [];
for (let k = 0; k < 200; k++) {
  const list = Array.from(analyzer.trueList).sort(() => rng() - 0.5).slice(0, 1 + Math.floor(rng() * 12));
  for (let extra = Math.floor(rng() * 4); extra > 0; extra--) list.push(Math.floor(rng() * nrmp.nP));
  whatIfMs.push(time(() => whatIf(analyzer, [...new Set(list)]).submitted.score));
}

// Exhaustive check from scratch (analyzer included) for 20 applicants with 8 programs each: 109,601 lists each.
const exhaustiveMs: number[] = [];
let listsTried = 0;
for (let k = 0; k < 20; k++) {
  const a = Math.floor(rng() * nrmp8.nA);
  exhaustiveMs.push(time(() => {
    const result = exhaustiveCheck(createStrategyAnalyzer(nrmp8, { applicant: a }));
    listsTried = result.listsTried;
    return result.better;
  }));
}

// All stable matchings of 2,000-resident markets: NRMP-like lists, and a dense one-to-one market.
// Three runs each; the minimum is the figure least disturbed by other load on the machine.
const lattice = (market: CompiledMarket) => {
  let rotations = 0;
  let count = 0;
  const runs = [1, 2, 3].map(() =>
    time(() => {
      const poset = findRotations(market);
      rotations = poset.count;
      count = countStableMatchings(poset, { limit: 10_000_000 }).count;
      return count;
    }),
  );
  return { rotations, stableMatchings: count, minMs: round(Math.min(...runs)), runsMs: runs.map(round) };
};
const residents2000 = lattice(uniformMarket({ applicants: 2_000, programs: 300, quota: 6, listLength: 12, seed: "r2000" }));
const dense2000 = lattice(uniformMarket({ applicants: 2_000, programs: 2_000, quota: 1, listLength: 60, seed: "d2000" }));
// Everyone ranks everyone (Pittel 1989: about n ln n / e stable matchings on average): the hard case.
const complete2000 = lattice(uniformMarket({ applicants: 2_000, programs: 2_000, quota: 1, listLength: 2_000, seed: "c2000" }));

console.log(JSON.stringify({
  node: process.version,
  market: { applicants: nrmp.nA, programs: nrmp.nP, positions: nrmp.nP * 6, listLength: 12 },
  fullMatchMs: fullMatchMs.map(round),
  whatIf: { firstRunMs: round(firstRunMs), medianMs: round(quantile(whatIfMs, 0.5)), p99Ms: round(quantile(whatIfMs, 0.99)), maxMs: round(Math.max(...whatIfMs)) },
  exhaustive: { listLength: 8, listsTried, medianMs: round(quantile(exhaustiveMs, 0.5)), maxMs: round(Math.max(...exhaustiveMs)) },
  stableMatchings: { "2000 residents, 300 programs × 6, lists of 12": residents2000, "2000 × 2000 one-to-one, lists of 60": dense2000, "2000 × 2000 one-to-one, complete lists": complete2000 },
  sink,
}, null, 1));
