import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { MARKETS, VARIANTS, needsFullRules, type MarketSpec, type Variant } from "./markets.ts";
import { marketSourceName } from "./marketSource.ts";
import { endProgress } from "./progress.ts";
import type { ChildRequest, EngineResult, FullEngineResult, NaiveResult, PairedResult } from "./protocol.ts";
import { formatFullRows, formatRows, type SuiteRow } from "./report.ts";
import { poolResults } from "./mergeRuns.ts";

/**
 * `pnpm bench [--markets 10k,nrmp-2025,250k,1m] [--variants singles,couples] [--runs 5] [--min-time 1000]
 * [--processes 1] [--skip-naive] [--naive-max-applicants 250000] [--out FILE]`: runs every market × variant in its
 * own child process (singles: the engine, then the naive baseline on markets up to the size limit; couples…: the
 * Roth–Peranson engine, on markets whose preset can generate them, then the same variant alternated with the
 * singles market in one process for the ratio, pairedChild.ts), prints the tables and writes the results as JSON.
 * With `--processes N` every engine child runs N times and its timed runs are pooled (mergeRuns.ts).
 */
const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    markets: { type: "string", default: MARKETS.map((m) => m.id).join(",") },
    variants: { type: "string", default: VARIANTS.map((v) => v.name).join(",") },
    runs: { type: "string", default: "5" },
    // Each phase is timed at least `runs` times and for at least this many ms (timeTasks.ts).
    "min-time": { type: "string", default: "1000" },
    // Engine children per row, their timed runs pooled: a process's memory placement moves its times (mergeRuns.ts).
    processes: { type: "string", default: "1" },
    "skip-naive": { type: "boolean", default: false },
    // The naive baseline needs about 2 KB per applicant and minutes of object building at 1M on a 2-core machine.
    "naive-max-applicants": { type: "string", default: "250000" },
    out: { type: "string", default: resolve(here, "../results/latest.json") },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`bench: --runs must be a positive integer, got ${values.runs}`);
const minTimeMs = Number(values["min-time"]);
if (!Number.isFinite(minTimeMs) || minTimeMs < 0) throw new Error(`bench: --min-time must be a number of ms ≥ 0, got ${values["min-time"]}`);
const processes = Number(values.processes);
if (!Number.isInteger(processes) || processes < 1) throw new Error(`bench: --processes must be a positive integer, got ${values.processes}`);
const naiveMax = Number(values["naive-max-applicants"]);
const wanted = values.markets.split(",");
const markets = wanted.map((id) => MARKETS.find((m) => m.id === id) ?? fail(`unknown market ${id}; expected one of ${MARKETS.map((m) => m.id).join(", ")}`));
const variants = values.variants.split(",").map((name) => VARIANTS.find((v) => v.name === name) ?? fail(`unknown variant ${name}; expected one of ${VARIANTS.map((v) => v.name).join(", ")}`));

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** Runs one child (tsx loader, source condition, GC exposed) and parses the JSON line it prints. */
function runChild<T>(file: string, request: ChildRequest): T {
  const args = ["--conditions=@matchlab/source", "--import", import.meta.resolve("tsx"), "--expose-gc", "--max-old-space-size=12288", resolve(here, file), JSON.stringify(request)];
  const child = spawnSync(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  endProgress();
  if (child.status !== 0) fail(`${file} failed on ${request.market.id} (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as T;
}

/** `processes` runs of one child; they must do the same work (`work` gives the same answer for each). */
function repeat<T>(run: () => T, work: (result: T) => string): T[] {
  const results: T[] = [];
  for (let i = 0; i < processes; i++) results.push(run());
  const first = work(results[0]!);
  if (results.some((r) => work(r) !== first)) fail(`processes of one row did different work (${results.map(work).join(" / ")}): the markets are seeded, so this is a bug`);
  return results;
}

const startLoad = loadavg();
const rows: SuiteRow[] = [];
const fullRows: FullEngineResult[] = [];
for (const market of markets as MarketSpec[]) {
  for (const variant of variants as Variant[]) {
    const request: ChildRequest = { market, variant, runs, minTimeMs };
    if (needsFullRules(variant)) {
      if (!market.fullRules) continue;
      const children = repeat(() => runChild<FullEngineResult>("fullEngineChild.ts", request), (r) => `${r.proposals} ${r.stable}`);
      const row = poolResults(children, ["generateMs", "compileMs", "solveMs"]);
      row.paired = runChild<PairedResult>("pairedChild.ts", request);
      fullRows.push(row);
      process.stderr.write(`bench: ${market.id} ${variant.name} done\n`);
      continue;
    }
    const engines = repeat(() => runChild<EngineResult>("engineChild.ts", request), (r) => `${r.proposals.applicant} ${r.proposals.program} ${r.stable}`);
    const engine = poolResults(engines, ["generateMs", "compileMs", "solveApplicantMs", "solveProgramMs", "compileSolveFreshMs"]);
    const row: SuiteRow = { engine };
    if (!values["skip-naive"] && engine.size.applicants <= naiveMax) {
      const naive = runChild<NaiveResult>("naiveChild.ts", request);
      row.naive = naive;
      row.naiveRatio = Math.round((naive.totalMs.median / engine.compileSolveFreshMs.median) * 10) / 10;
    }
    rows.push(row);
    process.stderr.write(`bench: ${market.id} ${variant.name} done\n`);
  }
}

const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
const cpu = cpus();
const results = {
  suite: "matchlab benchmarks",
  date: new Date().toISOString(),
  commit,
  command: `pnpm bench ${process.argv.slice(2).join(" ")}`.trim(),
  node: process.version,
  machine: {
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGB: Math.round(freemem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { start: startLoad.map((x) => Math.round(x * 100) / 100), end: loadavg().map((x) => Math.round(x * 100) / 100) },
  },
  marketSource: marketSourceName,
  runs,
  minTimeMs,
  processes,
  naiveMaxApplicants: values["skip-naive"] ? 0 : naiveMax,
  notes: "times in ms: median of the timed runs (at least `runs`, and at least `minTimeMs` ms of them, in each of `processes` child processes, pooled; `samples` holds them all) after warm-up calls (at least one, and 200 ms of them), with min and max; warm = buffers reused through a workspace; fresh = new arrays each run",
  results: rows,
  fullRules: fullRows,
};
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, JSON.stringify(results, null, 2) + "\n");
process.stdout.write(formatRows(rows));
if (fullRows.length > 0) process.stdout.write("\nWith couples and supplemental lists (Roth–Peranson engine):\n\n" + formatFullRows(fullRows, rows));
process.stdout.write(`\nNode ${process.version}, ${results.machine.cpu}, ${results.machine.cores} cores, load average ${startLoad[0]!.toFixed(1)} at start; results in ${values.out}\n`);
