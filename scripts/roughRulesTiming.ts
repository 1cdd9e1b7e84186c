// Rough timing of the Roth–Peranson engine against simple deferred acceptance on an NRMP-sized market, for the
// rules branch's report. The benchmarks branch owns proper measurements (tinybench, benchmarks/); this is CPU time,
// the fastest of 15 runs (the least disturbed by other load), one process.
//   npx tsx --conditions=@matchlab/source scripts/roughRulesTiming.ts [applicants] [coupleShare] [supplementalShare] [seed]
import { checkFullStability, compileFullMarket, deferredAcceptance, rothPeranson } from "@matchlab/core";
import seedrandom from "seedrandom";
import { nrmpLikeMarket } from "../test/support/nrmpLikeMarket.ts";

const [applicants = 47_000, coupleShare = 0.05, supplementalShare = 0.1] = process.argv.slice(2, 5).map(Number);
const seed = process.argv[5] ?? "1";
const scenario = nrmpLikeMarket({ applicants, programs: Math.round(applicants / 8), coupleShare, supplementalShare }, seedrandom(seed));
const market = compileFullMarket(scenario);
const fastest = (run: () => unknown): number => {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const before = process.cpuUsage();
    run();
    const spent = process.cpuUsage(before);
    times.push((spent.user + spent.system) / 1000);
  }
  return Math.min(...times);
};
const result = rothPeranson(market);
const report = {
  applicants,
  couples: market.nC,
  supplementalLists: market.suppOwner.length,
  listEntries: market.base.appStart[market.base.nA]! + 2 * market.pairStart[market.nC]! + market.suppRol.length,
  // Deferred acceptance on the same compiled lists (couple members have no individual list there).
  deferredAcceptanceMs: fastest(() => deferredAcceptance(market.base)),
  rothPeransonMs: fastest(() => rothPeranson(market)),
  stable: checkFullStability(market, result).stable,
  loopsDetected: result.loopsDetected,
  reorderings: result.reorderings,
};
process.stdout.write(JSON.stringify({ ...report, ratio: Math.round((report.rothPeransonMs / report.deferredAcceptanceMs) * 100) / 100 }) + "\n");
