import { compileCsr, compileGeneratedFull, createWorkspace, rothPeranson, solve } from "@matchlab/core";
import seedrandom from "seedrandom";
import { csrLists, generatedMarket, marketSource } from "./marketSource.ts";
import type { ChildRequest, PairedResult } from "./protocol.ts";
import { timePaired } from "./pairedTiming.ts";

/**
 * The full-rules ratio measured side by side, in its own process: the singles market (the singles row's compile +
 * applicant-proposing solve) and the market with couples and/or supplemental lists (`compileGeneratedFull` +
 * `rothPeranson`, as the full-rules row), both warm (a workspace each), alternated round by round (pairedTiming.ts).
 * Prints one JSON line (`PairedResult`) on stdout.
 */
const request = JSON.parse(process.argv[2]!) as ChildRequest;
const { market: spec, variant, runs, minTimeMs } = request;
const label = `${spec.id} ${variant.name} paired with singles`;

const singles = marketSource(spec.source, spec.seed);
const lists = csrLists(singles);
const full = generatedMarket({ ...spec.source, couplesShare: variant.couplesShare, supplementalShare: variant.supplementalShare }, spec.seed);
const singlesWorkspace = createWorkspace();
const fullWorkspace = createWorkspace();

const times = timePaired(label, {
  singles: () => solve(compileCsr(lists, { workspace: singlesWorkspace }), { side: "applicant", workspace: singlesWorkspace }),
  // The same seed every run, as the full-rules row, so every run does the same work.
  full: () => rothPeranson(compileGeneratedFull(full, { workspace: fullWorkspace }), { rng: seedrandom("1"), workspace: fullWorkspace }),
}, { rounds: runs, minTimeMs });

const result: PairedResult = { market: spec.id, variant: variant.name, ...times };
process.stdout.write(JSON.stringify(result) + "\n");
