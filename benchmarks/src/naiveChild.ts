import { compileCsr, solve } from "@matchlab/core";
import { marketSource } from "./marketSource.ts";
import { naiveDeferredAcceptance, type NaiveApplicant, type NaiveProgram, type NaiveResult as NaiveRun } from "./naive.ts";
import type { ChildRequest, NaiveResult } from "./protocol.ts";
import { timeTasks } from "./timeTasks.ts";

/** The naive baseline on the same seeded market as the engine child, in its own process. Prints one JSON line. */
const request = JSON.parse(process.argv[2]!) as ChildRequest;
const { market: spec, runs, minTimeMs } = request;
const budget = { runs, minTimeMs };
const label = `${spec.id} ${request.variant.name} naive`;
const market = marketSource({ ...spec.source, couplesShare: request.variant.couplesShare, supplementalShare: request.variant.supplementalShare }, spec.seed);

// The string-id objects a tutorial starts from (not timed: a JSON file would hand them over ready-made).
const { applicantIds, programIds, appStart, appRol, progStart, progRol, quota } = market;
const applicants: NaiveApplicant[] = applicantIds.map((id, a) => ({ id, rol: Array.from(appRol.subarray(appStart[a]!, appStart[a + 1]!), (p) => programIds[p]!) }));
const programs: NaiveProgram[] = programIds.map((id, p) => ({ id, quota: quota[p]!, rol: Array.from(progRol.subarray(progStart[p]!, progStart[p + 1]!), (a) => applicantIds[a]!) }));

let last: NaiveRun | undefined;
const timed = timeTasks(label, [{ name: "naive", run: () => (last = naiveDeferredAcceptance(applicants, programs)) }], budget);

const engine = solve(compileCsr({ applicantIds, programIds, appStart, appRol, progStart, progRol, quotas: quota }), { side: "applicant" });
let agrees = engine.proposals === last!.proposals;
let matched = 0;
for (let a = 0; a < market.nA && agrees; a++) {
  const p = engine.matchOf[a]!;
  if (p >= 0) matched++;
  if ((p < 0 ? undefined : programIds[p]) !== last!.assignment.get(applicantIds[a]!)) agrees = false;
}
agrees &&= matched === last!.assignment.size;

const result: NaiveResult = {
  market: spec.id,
  variant: request.variant.name,
  totalMs: timed["naive"]!,
  proposals: last!.proposals,
  agreesWithEngine: agrees,
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
};
process.stdout.write(JSON.stringify(result) + "\n");
