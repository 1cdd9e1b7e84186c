// `matchlab match` on an NRMP-scale JSON file, end to end as a process (issue 5 §4: ≤ 1 s on the 2-core machine).
//   npx tsx benchmarks/jsonMatchProcess.ts [--runs 5] [--file nrmp.json] [--flags=--json]
// Runs the bundled CLI as users run it (`node packages/core/dist/cli/main.js match FILE > /dev/null`, built first
// when missing), after one untimed warm-up run (file in the page cache), and reports wall time min / median / max,
// with the load average before and after (other jobs on two cores slow it down) and Node's bare start-up
// (`node -e 0`) for scale. Without --file it generates the nrmp-2025 market, seed 1, in the system's temp folder.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const root = new URL("../", import.meta.url).pathname;
const bundle = join(root, "packages/core/dist/cli/main.js");
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, file: { type: "string" }, flags: { type: "string", default: "" } } });
const runs = Number(values.runs);

function must(command: string, args: string[]): void {
  const run = spawnSync(command, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (run.status !== 0) throw new Error(`jsonMatchProcess: ${command} ${args.join(" ")} failed (exit ${run.status})`);
}

if (!existsSync(bundle)) must("node", ["scripts/buildCli.mjs"]);
const file = values.file ?? join(tmpdir(), "matchlab-nrmp-2025-seed-1.json");
if (!existsSync(file)) must("node", [bundle, "generate", "--preset", "nrmp-2025", "--seed", "1", "--out", file]);

/** Wall milliseconds of one process run, stdout discarded. */
function timeRun(args: string[]): number {
  const t0 = performance.now();
  const run = spawnSync("node", args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`jsonMatchProcess: node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

const loadavg = (): string => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const summary = (ms: number[]): string => {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted.length % 2 === 1 ? sorted[sorted.length >> 1]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return `min ${sorted[0]!.toFixed(0)} ms, median ${median.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms (${ms.map((x) => x.toFixed(0)).join(", ")})`;
};

const args = [bundle, "match", file, ...values.flags.split(" ").filter((flag) => flag !== "")];
console.log(`file: ${file} (${statSync(file).size.toLocaleString("en-US")} bytes); Node ${process.version}`);
console.log(`command: node ${args.join(" ")} > /dev/null`);
const before = loadavg();
timeRun(args); // warm-up: the file and the bundle in the page cache
const match = Array.from({ length: runs }, () => timeRun(args));
const bare = Array.from({ length: runs }, () => timeRun(["-e", "0"]));
console.log(`match:     ${summary(match)}`);
console.log(`node -e 0: ${summary(bare)}`);
console.log(`load average: ${before} before, ${loadavg()} after`);
