import { compileCsr, createWorkspace, isStable, solve, type CompiledMarket } from "@matchlab/core";
import { csrLists, marketSource, type BenchMarket } from "./marketSource.ts";
import type { ChildRequest, EngineResult } from "./protocol.ts";
import { timeTasks } from "./timeTasks.ts";

/**
 * One market, in its own process (so `maxRSS` is this market's peak, generation included): generate, compile and
 * solve on both sides, each timed after a warm-up. Prints one JSON line (`EngineResult`) on stdout.
 */
const request = JSON.parse(process.argv[2]!) as ChildRequest;
const { market: spec, runs, minTimeMs } = request;
const budget = { runs, minTimeMs };
const label = `${spec.id} ${request.variant.name} engine`;
const source = { ...spec.source, couplesShare: request.variant.couplesShare, supplementalShare: request.variant.supplementalShare };

let generated: BenchMarket | undefined;
const generate = timeTasks(label, [{ name: "generate", run: () => (generated = marketSource(source, spec.seed)) }], budget);
const market = generated!;
const lists = csrLists(market);

// Warm: buffers are reused across runs through a workspace, as the app's what-if reruns do. "fresh" rows allocate
// every array anew, which is what a one-shot CLI run pays.
const workspace = createWorkspace();
let compiled: CompiledMarket | undefined;
const warm = timeTasks(label, [
  { name: "compile", run: () => (compiled = compileCsr(lists, { workspace })) },
  { name: "solveApplicant", run: () => solve(compiled!, { side: "applicant", workspace }) },
  { name: "solveProgram", run: () => solve(compiled!, { side: "program", workspace }) },
  { name: "compileSolveFresh", run: () => solve(compileCsr(lists), { side: "applicant" }) },
], budget);

const fresh = compileCsr(lists);
const applicantSide = solve(fresh, { side: "applicant" });
const programSide = solve(fresh, { side: "program" });
let positions = 0;
for (let p = 0; p < market.nP; p++) positions += market.quota[p]!;
const result: EngineResult = {
  market: spec.id,
  variant: request.variant.name,
  size: { applicants: market.nA, programs: market.nP, positions, applicantEntries: market.appStart[market.nA]!, programEntries: market.progStart[market.nP]! },
  generateMs: generate["generate"]!,
  compileMs: warm["compile"]!,
  solveApplicantMs: warm["solveApplicant"]!,
  solveProgramMs: warm["solveProgram"]!,
  compileSolveFreshMs: warm["compileSolveFresh"]!,
  proposals: { applicant: applicantSide.proposals, program: programSide.proposals },
  matched: { applicant: countMatched(applicantSide.matchOf), program: countMatched(programSide.matchOf) },
  stable: isStable(fresh, applicantSide.matchOf) && isStable(fresh, programSide.matchOf),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
};
process.stdout.write(JSON.stringify(result) + "\n");

function countMatched(matchOf: Int32Array): number {
  let n = 0;
  for (let a = 0; a < matchOf.length; a++) if (matchOf[a]! >= 0) n++;
  return n;
}
