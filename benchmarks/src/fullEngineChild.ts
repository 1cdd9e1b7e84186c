import { checkFullStability, compileGeneratedFull, createWorkspace, rothPeranson, type FullMarket, type FullMatching } from "@matchlab/core";
import seedrandom from "seedrandom";
import { generatedMarket } from "./marketSource.ts";
import type { ChildRequest, FullEngineResult } from "./protocol.ts";
import { timeTasks } from "./timeTasks.ts";

/**
 * One market with couples and/or supplemental lists, in its own process: generate, compile in memory with
 * `compileGeneratedFull` (from the typed arrays, as `matchlab match` does for a generated .mlm) and run
 * `rothPeranson`, each timed after a warm-up. Prints one JSON line (`FullEngineResult`) on stdout.
 */
const request = JSON.parse(process.argv[2]!) as ChildRequest;
const { market: spec, runs, minTimeMs, variant } = request;
const budget = { runs, minTimeMs };
const label = `${spec.id} ${variant.name} full rules`;
const source = { ...spec.source, couplesShare: variant.couplesShare, supplementalShare: variant.supplementalShare };

let generated: ReturnType<typeof generatedMarket> | undefined;
const generate = timeTasks(label, [{ name: "generate", run: () => (generated = generatedMarket(source, spec.seed)) }], budget);
let compiled: FullMarket | undefined;
// Warm, as the singles rows: compile's rank arrays and the engine's state are reused across runs through a workspace.
const workspace = createWorkspace();
let matching: FullMatching | undefined;
const timed = timeTasks(label, [
  { name: "compile", run: () => (compiled = compileGeneratedFull(generated!, { workspace })) },
  // The same seed every run, so every run does the same work (re-orderings after a loop draw from it).
  { name: "solve", run: () => (matching = rothPeranson(compiled!, { rng: seedrandom("1"), workspace })) },
], budget);

const market = compiled!;
const x = matching!;
let positions = 0;
let matched = 0;
for (let p = 0; p < market.base.nP; p++) positions += market.base.quota[p]!;
for (let a = 0; a < x.primaryOf.length; a++) if (x.primaryOf[a]! >= 0) matched++;
const result: FullEngineResult = {
  market: spec.id,
  variant: variant.name,
  size: {
    applicants: generated!.nA,
    programs: generated!.nP,
    positions,
    couples: market.nC,
    listEntries: market.base.appStart[market.base.nA]! + market.base.progStart[market.base.nP]!,
  },
  generateMs: generate["generate"]!,
  compileMs: timed["compile"]!,
  solveMs: timed["solve"]!,
  proposals: x.proposals,
  matched,
  stable: x.completed && checkFullStability(market, x).stable,
  loopsDetected: x.loopsDetected,
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
};
process.stdout.write(JSON.stringify(result) + "\n");
