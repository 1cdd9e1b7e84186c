import { checkFullStability, compileFullMarket, generateMarket, rothPeranson, toScenario, type Scenario } from "@matchlab/core";
import seedrandom from "seedrandom";
import { nrmpLikeMarket } from "../test/support/nrmpLikeMarket.ts";

const source = process.argv[2] ?? "generator";
const applicants = Number(process.argv[3] ?? 40000);
const share = Number(process.argv[4] ?? 0.06);
const seeds = (process.argv[5] ?? "1,2,3,4,5").split(",");
for (const seed of seeds) {
  const scenario: Scenario = source === "generator"
    ? toScenario(generateMarket({ preset: "nrmp-2025", applicants, couplesShare: share }, seedrandom.alea(seed)))
    : nrmpLikeMarket({ applicants, programs: Math.round(applicants / 8), coupleShare: share, supplementalShare: 0 }, seedrandom(seed));
  const m = compileFullMarket(scenario);
  const t0 = performance.now();
  const r = rothPeranson(m, { rng: seedrandom(seed) });
  const t1 = performance.now();
  const rep = checkFullStability(m, r);
  console.log(JSON.stringify({ seed, nC: m.nC, ms: Math.round(t1 - t0), completed: r.completed, stable: rep.stable, blocking: rep.blocking.length, reorderings: r.reorderings, loopsDetected: r.loopsDetected, loopsBroken: r.loopsBroken, method: r.method, kprOrders: r.kprOrders, walkSteps: r.walkSteps }));
}
