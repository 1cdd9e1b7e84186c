// Does a market with couples have a stable matching at all? Encodes stability (ALGORITHM.md §7) as a SAT instance
// and runs an external solver (CaDiCaL: `apt-get install cadical`). Evidence for the rules branch, not part of the
// engine: deciding existence with couples is NP-complete, so the engine searches and this script checks.
//   npx tsx --conditions=@matchlab/source benchmarks/stableExists.ts SEED [applicants] [coupleShare] [generator|like]
// (FIX_ENGINE=1 pins the engine's matching, a self-check of the encoding on markets where the engine ends stable.)
// Encoding: one variable per mutual single entry and per couple pair both of whose programs rank their member;
// at most one per applicant; per program a sequential counter over its list (S[i][k] ⇔ at least k of its first i
// ranked applicants are there) bounds the quota and gives "full with applicants it ranks above r". A single's entry
// or a couple's pair is then not blocking: she holds that entry or better, or a program it names is full with better.
// A pair naming one program for both partners gets no stability clause (weaker, so UNSAT still proves that no
// stable matching exists); a model is checked with checkFullStability, the engine's independent checker.
import { execFileSync } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { checkFullStability, compileFullMarket, generateMarket, rothPeranson, toScenario, type Scenario } from "@matchlab/core";
import seedrandom from "seedrandom";
import { nrmpLikeMarket } from "../test/support/nrmpLikeMarket.ts";

const seed = process.argv[2] ?? "1";
const applicants = Number(process.argv[3] ?? 40000);
const share = Number(process.argv[4] ?? 0.06);
const source = process.argv[5] ?? "like";
const scenario: Scenario = source === "generator"
  ? toScenario(generateMarket({ preset: "nrmp-2025", applicants, couplesShare: share }, seedrandom.alea(seed)))
  : nrmpLikeMarket({ applicants, programs: Math.round(applicants / 8), coupleShare: share, supplementalShare: 0 }, seedrandom(seed));
const m = compileFullMarket(scenario);
const { nA, nP, appStart, appRol, appRolProgRank, progStart, progRol } = m.base;
if (m.suppOwner.length > 0 || m.donors.length > 0 || m.evenPrograms.length > 0) throw new Error("couples only");
let nVars = 0;
const clauses: string[] = [];
const cnfPath = `/tmp/stableExists-${seed}.cnf`;
const out = createWriteStream(cnfPath);
let nClauses = 0;
const clause = (lits: number[]): void => { clauses.push(lits.join(" ") + " 0\n"); nClauses++; if (clauses.length > 100000) out.write(clauses.splice(0).join("")); };
const X = new Int32Array(appStart[nA]!); // single entry → var (0 none)
for (let a = 0; a < nA; a++) {
  if (m.coupleOf[a]! >= 0) continue;
  const vs: number[] = [];
  for (let e = appStart[a]!; e < appStart[a + 1]!; e++) if (appRolProgRank[e]! >= 0) vs.push((X[e] = ++nVars));
  for (let i = 0; i < vs.length; i++) for (let j = i + 1; j < vs.length; j++) clause([-vs[i]!, -vs[j]!]);
}
const nPairs = m.pairStart[m.nC]!;
const Y = new Int32Array(nPairs);
const valid = (j: number, side: number): boolean => m.pairProg[2 * j + side]! < 0 || m.pairProgRank[2 * j + side]! >= 0;
for (let c = 0; c < m.nC; c++) {
  const vs: number[] = [];
  for (let j = m.pairStart[c]!; j < m.pairStart[c + 1]!; j++) if (valid(j, 0) && valid(j, 1)) vs.push((Y[j] = ++nVars));
  for (let i = 0; i < vs.length; i++) for (let j = i + 1; j < vs.length; j++) clause([-vs[i]!, -vs[j]!]);
}
// Holder literals per program-list entry: the OR of the assignment variables placing that applicant there.
const sources: number[][] = Array.from({ length: progStart[nP]! }, () => []);
const entryOf = (p: number, a: number): number => { for (let k = progStart[p]!; k < progStart[p + 1]!; k++) if (progRol[k] === a) return k; return -1; };
for (let a = 0; a < nA; a++) for (let e = appStart[a]!; e < appStart[a + 1]!; e++) if (X[e]! > 0) sources[progStart[appRol[e]!]! + appRolProgRank[e]!]!.push(X[e]!);
for (let j = 0; j < nPairs; j++) {
  if (Y[j] === 0) continue;
  let c = 0;
  while (m.pairStart[c + 1]! <= j) c++;
  for (let side = 0; side < 2; side++) {
    const p = m.pairProg[2 * j + side]!;
    if (p >= 0) sources[progStart[p]! + m.pairProgRank[2 * j + side]!]!.push(Y[j]!);
  }
}
// Counters: full[p][r] = var "p holds at least quota applicants it ranks above r" (0 = impossible).
const fullStart = new Int32Array(nP + 1);
for (let p = 0; p < nP; p++) fullStart[p + 1] = fullStart[p]! + progStart[p + 1]! - progStart[p]! + 1;
const fullVar = new Int32Array(fullStart[nP]!);
for (let p = 0; p < nP; p++) {
  const q = m.base.quota[p]!;
  let prev: number[] = new Array(q + 1).fill(0); // prev[k]: var for "≥ k among processed", 0 = false; k=0 true
  for (let r = 0; r <= progStart[p + 1]! - progStart[p]!; r++) {
    fullVar[fullStart[p]! + r] = prev[q]!;
    if (r === progStart[p + 1]! - progStart[p]!) break;
    const src = sources[progStart[p]! + r]!;
    if (src.length === 0) continue;
    const h = ++nVars;
    clause([-h, ...src]);
    for (const v of src) clause([-v, h]);
    if (prev[q]! > 0) clause([-h, -prev[q]!]); // capacity
    const cur = new Array(q + 1).fill(0);
    for (let k = 1; k <= q; k++) {
      const below = prev[k - 1]!; // k-1 = 0 means true
      if (k > 1 && below === 0 && prev[k] === 0) continue;
      const v = ++nVars;
      cur[k] = v;
      if (prev[k]! > 0) clause([-prev[k]!, v]);
      if (k === 1) clause([-h, v]); else if (below > 0) clause([-h, -below, v]);
      clause([-v, ...(prev[k]! > 0 ? [prev[k]!] : []), h]);
      if (k > 1) clause([-v, ...(prev[k]! > 0 ? [prev[k]!] : []), below]);
    }
    prev = cur;
  }
}
const full = (p: number, r: number): number[] => (fullVar[fullStart[p]! + r]! > 0 ? [fullVar[fullStart[p]! + r]!] : []);
for (let a = 0; a < nA; a++) {
  const better: number[] = [];
  for (let e = appStart[a]!; e < appStart[a + 1]!; e++) {
    if (X[e] === 0) continue;
    better.push(X[e]!);
    clause([...better, ...full(appRol[e]!, appRolProgRank[e]!)]);
  }
}
for (let c = 0; c < m.nC; c++) {
  const better: number[] = [];
  for (let j = m.pairStart[c]!; j < m.pairStart[c + 1]!; j++) {
    if (Y[j] === 0) continue;
    better.push(Y[j]!);
    const p0 = m.pairProg[2 * j]!, p1 = m.pairProg[2 * j + 1]!;
    if (p0 >= 0 && p0 === p1) continue;
    const lits = [...better];
    if (p0 >= 0) lits.push(...full(p0, m.pairProgRank[2 * j]!));
    if (p1 >= 0) lits.push(...full(p1, m.pairProgRank[2 * j + 1]!));
    clause(lits);
  }
}
// Self-check of the encoding (FIX_ENGINE=1): pin the engine's own matching; when the checker finds it stable the
// instance must stay satisfiable, or the encoding demands more than stability.
if (process.env.FIX_ENGINE === "1") {
  const r = rothPeranson(m, { rng: seedrandom(seed) });
  if (!checkFullStability(m, r).stable) throw new Error("FIX_ENGINE: the engine's matching is not stable here");
  for (let a = 0; a < nA; a++) for (let e = appStart[a]!; e < appStart[a + 1]!; e++) if (X[e]! > 0) clause([r.primaryOf[a] === appRol[e] ? X[e]! : -X[e]!]);
  for (let c = 0; c < m.nC; c++) for (let j = m.pairStart[c]!; j < m.pairStart[c + 1]!; j++) if (Y[j]! > 0) clause([r.couplePair[c] === j ? Y[j]! : -Y[j]!]);
}
out.write(clauses.splice(0).join(""));
out.end();
await new Promise<void>((done) => out.on("finish", () => done()));
const body = readFileSync(cnfPath, "utf8");
const { writeFileSync } = await import("node:fs");
writeFileSync(cnfPath, `p cnf ${nVars} ${nClauses}\n` + body);
process.stderr.write(`seed ${seed}: ${nVars} variables, ${nClauses} clauses; solving\n`);
const t0 = performance.now();
let text = "";
try { text = execFileSync("cadical", ["-q", "-t", process.env.SAT_SECONDS ?? "600", cnfPath], { encoding: "utf8", maxBuffer: 1 << 30 }); } catch (e) { text = (e as { stdout: string }).stdout; }
const seconds = Math.round((performance.now() - t0) / 100) / 10;
if (text.includes("s UNSATISFIABLE")) console.log(JSON.stringify({ seed, source, stableMatchingExists: false, seconds }));
else if (!text.includes("s SATISFIABLE")) console.log(JSON.stringify({ seed, source, stableMatchingExists: "unknown (time limit)", seconds }));
else {
  const truth = new Uint8Array(nVars + 1);
  for (const line of text.split("\n")) if (line.startsWith("v ")) for (const t of line.slice(2).trim().split(/\s+/)) { const v = Number(t); if (v > 0) truth[v] = 1; }
  const primaryOf = new Int32Array(nA).fill(-1);
  const couplePair = new Int32Array(m.nC).fill(-1);
  for (let a = 0; a < nA; a++) for (let e = appStart[a]!; e < appStart[a + 1]!; e++) if (X[e]! > 0 && truth[X[e]!]) primaryOf[a] = appRol[e]!;
  for (let c = 0; c < m.nC; c++) for (let j = m.pairStart[c]!; j < m.pairStart[c + 1]!; j++) if (Y[j]! > 0 && truth[Y[j]!]) {
    couplePair[c] = j;
    for (let side = 0; side < 2; side++) primaryOf[m.coupleMembers[2 * c + side]!] = m.pairProg[2 * j + side]!;
  }
  const report = checkFullStability(m, { primaryOf, supplementalOf: new Int32Array(nA).fill(-1), couplePair });
  console.log(JSON.stringify({ seed, source, stableMatchingExists: report.stable ? true : "model not stable (same-program pair?)", blocking: report.blocking.length, seconds }));
}
void entryOf;
