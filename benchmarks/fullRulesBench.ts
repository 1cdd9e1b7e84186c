// Full NRMP rules against the simple engine on an NRMP-size market (issue 3 §8): the 2025 preset (47,208
// applicants) with 5 % of applicants in couples and 10 % with supplemental lists, compile + solve, both ways.
//   npx tsx --conditions=@matchlab/source benchmarks/fullRulesBench.ts [seed] [runs]
// Until the generator emits supplemental lists, this script adds them: 6 % of categorical programs become
// advanced (PGY-2), and 10 % of all applicants, drawn among singles who rank an advanced program, get one
// supplemental list of 5 preliminary programs linked to those advanced programs; each of those programs ranks her
// at a random place (it interviewed her). The simple run is the same preset and seed without couples or
// supplemental lists (compileMarket + deferredAcceptance). Figures: min and median wall time per run.
import { checkFullStability, compileFullMarket, describeBlocking, compileMarket, deferredAcceptance, generateMarket, parseScenario, rothPeranson, toScenario, type Scenario } from "@matchlab/core";
import seedrandom from "seedrandom";
import { readFileSync } from "node:fs";

const seed = process.argv[2] ?? "1";
const runs = Number(process.argv[3] ?? 7);
const dump = process.env.DUMP_BLOCKING === "1";

/** Adds advanced programs and supplemental lists to a generated scenario (see the header). */
function withSupplementalLists(scenario: Scenario, share: number, rng: () => number): Scenario {
  const programs = scenario.programs.map((p) => ({ ...p, rol: [...p.rol] }));
  const index = new Map(programs.map((p, i) => [p.id, i]));
  // The generator's "Other PGY-1" rows are the preliminary programs (toScenario does not write tracks yet).
  for (const p of programs) if (p.specialty === "Other PGY-1") p.track = "preliminary";
  const prelims = programs.flatMap((p, i) => (p.track === "preliminary" ? [i] : []));
  for (const p of programs) if (p.track === undefined && !prelims.includes(index.get(p.id)!) && rng() < 0.06) p.track = "advanced";
  const coupled = new Set((scenario.couples ?? []).flatMap((c) => c.members));
  const candidates = scenario.applicants.flatMap((a, i) => (!coupled.has(a.id) && a.rol.some((id) => programs[index.get(id)!]!.track === "advanced") ? [i] : []));
  const wanted = Math.min(candidates.length, Math.round(share * scenario.applicants.length));
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const applicants = scenario.applicants.map((a) => ({ ...a }));
  for (const i of candidates.slice(0, wanted)) {
    const a = applicants[i]!;
    const linkedTo = a.rol.filter((id) => programs[index.get(id)!]!.track === "advanced");
    const chosen = new Set<number>();
    while (chosen.size < Math.min(5, prelims.length)) chosen.add(prelims[Math.floor(rng() * prelims.length)]!);
    for (const p of chosen) {
      const rol = programs[p]!.rol;
      if (!rol.includes(a.id)) rol.splice(Math.floor(rng() * (rol.length + 1)), 0, a.id);
    }
    a.supplemental = [{ rol: [...chosen].map((p) => programs[p]!.id), linkedTo }];
  }
  return { ...scenario, programs, applicants };
}

export const full = withSupplementalLists(toScenario(generateMarket({ preset: "nrmp-2025", couplesShare: 0.05 }, seedrandom.alea(seed))), 0.1, seedrandom(seed));
const parsed = parseScenario(full);
if (!parsed.ok) throw new Error(`fullRulesBench: invalid market: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
const simple = toScenario(generateMarket({ preset: "nrmp-2025" }, seedrandom.alea(seed)));
const time = (run: () => unknown): number => {
  const t = performance.now();
  run();
  return performance.now() - t;
};
const simpleTimes = { compile: [] as number[], solve: [] as number[] };
const fullTimes = { compile: [] as number[], solve: [] as number[] };
let sink = 0;
for (let r = 0; r < runs; r++) {
  let cm = compileMarket(simple);
  simpleTimes.compile.push(time(() => (cm = compileMarket(simple))));
  simpleTimes.solve.push(time(() => (sink += deferredAcceptance(cm).matchOf[0]!)));
  let fm = compileFullMarket(full);
  fullTimes.compile.push(time(() => (fm = compileFullMarket(full))));
  fullTimes.solve.push(time(() => (sink += rothPeranson(fm).primaryOf[0]!)));
}
const market = compileFullMarket(full);
const result = rothPeranson(market);
if (dump) for (const b of checkFullStability(market, result).blocking) console.log(JSON.stringify(describeBlocking(market, b)));
const stats = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return { min: Math.round(s[0]! * 10) / 10, median: Math.round(s[Math.floor(s.length / 2)]! * 10) / 10 };
};
const total = (t: { compile: number[]; solve: number[] }) => t.compile.map((c, i) => c + t.solve[i]!);
const [s, f] = [stats(total(simpleTimes)), stats(total(fullTimes))];
console.log(JSON.stringify({
  seed, runs, node: process.version, load: readFileSync("/proc/loadavg", "utf8").trim(),
  applicants: market.base.nA, couples: market.nC, supplementalLists: market.suppOwner.length,
  simple: { compile: stats(simpleTimes.compile), solve: stats(simpleTimes.solve), total: s },
  full: { compile: stats(fullTimes.compile), solve: stats(fullTimes.solve), total: f },
  ratio: { min: Math.round((f.min / s.min) * 100) / 100, median: Math.round((f.median / s.median) * 100) / 100 },
  solveRatio: Math.round((stats(fullTimes.solve).min / stats(simpleTimes.solve).min) * 100) / 100,
  method: result.method, stable: checkFullStability(market, result).stable, reorderings: result.reorderings, loopsDetected: result.loopsDetected,
  sink: sink === 0.5 ? 1 : 0,
}));
