import { type Command, Option } from "commander";
import {
  ScenarioError, compileCsr, compileFullMarket, compileGeneratedFull, compileMarket, createWorkspace, decodeMarketFile, generatedNeedsFullRules, needsFullRules,
  type GeneratedMarket, type Side,
} from "../index.ts";
import { type BenchTarget, fullBenchTarget, simpleBenchTarget } from "./benchTarget.ts";
import { type CliIo, DEFAULT_MAX_BYTES, InputError, readBytesFromDisk } from "./io.ts";
import { isBinaryMarketPath } from "./loadMarket.ts";
import { loadScenario } from "./loadScenario.ts";
import { wholeNumber } from "./options.ts";
import { formatTable } from "./table.ts";

interface BenchFlags {
  runs: number;
  side: Side;
  json: boolean;
  fresh: boolean;
  maxBytes: number;
}

export function registerBenchCommand(program: Command, io: CliIo): void {
  program
    .command("bench")
    .description("Benchmark the engine on a market file: parse once, then compile and solve it N times after a warm-up (the full NRMP rules, Roth–Peranson, when it has couples, supplemental lists or reversions).")
    .argument("<file>", 'scenario JSON file or binary .mlm market, or "-" for JSON on standard input')
    .option("--runs <n>", "timed runs after the warm-up run", wholeNumber(1), 10)
    .addOption(new Option("--side <side>", "which side proposes (the full NRMP rules: applicant only)").choices(["applicant", "program"]).default("applicant"))
    .option("--fresh", "allocate every array anew on each run instead of reusing a workspace (what a one-shot run pays)", false)
    .option("--json", 'print one JSON object: {"runs", "compileMs": {"median", "min", "max"}, "solveMs": {…}, "proposals", "engine", …}', false)
    .option("--max-bytes <n>", "largest input file accepted", wholeNumber(1), DEFAULT_MAX_BYTES)
    .exitOverride()
    .action((file: string, flags: BenchFlags) => benchCommand(io, file, flags));
}

/** Median, min and max in milliseconds (3 decimals). */
export interface MsStats {
  median: number;
  min: number;
  max: number;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

function stats(samples: readonly number[]): MsStats {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  return { median: round(median), min: round(s[0]!), max: round(s[n - 1]!) };
}

/** The refusal of `--side program` on a market that needs the full NRMP rules (as `matchlab match` refuses it). */
const fullRulesSide = (file: string): InputError =>
  new InputError(`${file}: --side program: this market has couples, supplemental lists or reversions, and the full NRMP rules run only with the applicant-proposing Roth–Peranson algorithm`);

/**
 * Parses the file once and returns what each run compiles and solves: the simple engine, or the full NRMP rules
 * when the market has couples, supplemental lists or reversions (a `.mlm` compiles with the workspace when given;
 * `compileFullMarket`, for JSON, takes none, so there only the solve reuses buffers).
 */
function parseOnce(io: CliIo, file: string, maxBytes: number, side: Side): BenchTarget {
  if (isBinaryMarketPath(file)) {
    const bytes = (io.readBytes ?? readBytesFromDisk)(file, maxBytes);
    let g: GeneratedMarket;
    try {
      g = decodeMarketFile(bytes);
    } catch (error) {
      if (error instanceof ScenarioError) throw new InputError(error.issues.map((issue) => `${file}: ${issue.path}: ${issue.message}`).join("\n"));
      throw error;
    }
    if (generatedNeedsFullRules(g)) {
      if (side !== "applicant") throw fullRulesSide(file);
      return fullBenchTarget((options) => compileGeneratedFull(g, options));
    }
    const lists = { applicantIds: g.applicantIds, programIds: g.programIds, appStart: g.appStart, appRol: g.appRol, progStart: g.progStart, progRol: g.progRol, quotas: g.quota };
    return simpleBenchTarget((options) => compileCsr(lists, options), side);
  }
  const scenario = loadScenario(io, file, maxBytes);
  if (needsFullRules(scenario)) {
    if (side !== "applicant") throw fullRulesSide(file);
    return fullBenchTarget(() => compileFullMarket(scenario));
  }
  return simpleBenchTarget((options) => compileMarket(scenario, options), side);
}

/** `matchlab bench FILE`: warm-up, then `runs` timed compile + solve runs in this process. */
function benchCommand(io: CliIo, file: string, flags: BenchFlags): void {
  const t0 = performance.now();
  const target = parseOnce(io, file, flags.maxBytes, flags.side);
  const parseMs = performance.now() - t0;
  const workspace = flags.fresh ? undefined : createWorkspace();
  const options = workspace === undefined ? {} : { workspace };
  const compileMs: number[] = [];
  const solveMs: number[] = [];
  let proposals = 0;
  for (let run = 0; run <= flags.runs; run++) {
    const a = performance.now();
    target.compile(options);
    const b = performance.now();
    proposals = target.solve(options);
    const c = performance.now();
    if (run === 0) continue; // the warm-up: the JIT compiles the hot loops and the workspace grows to size
    compileMs.push(b - a);
    solveMs.push(c - b);
  }
  const totals = compileMs.map((ms, i) => ms + solveMs[i]!);
  const { applicants, programs, full } = target.summary();
  const out = {
    runs: flags.runs,
    compileMs: stats(compileMs),
    solveMs: stats(solveMs),
    proposals,
    totalMs: stats(totals),
    parseMs: round(parseMs),
    side: flags.side,
    workspace: workspace !== undefined,
    applicants,
    programs,
    engine: target.engine,
    ...full,
  };
  if (flags.json) {
    io.stdout(JSON.stringify(out) + "\n");
    return;
  }
  const row = (name: string, s: MsStats): string[] => [name, s.median.toFixed(3), s.min.toFixed(3), s.max.toFixed(3)];
  const perSecond = out.solveMs.median > 0 ? ` (${((proposals / out.solveMs.median) * 1000).toExponential(2)} per second)` : "";
  const count = (n: number, word: string): string => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
  const engine = full === undefined ? `${flags.side}-proposing` : `${count(full.couples, "couple")}; Roth–Peranson (full NRMP rules), applicant-proposing`;
  io.stdout(
    `${file}: ${count(applicants, "applicant")}, ${count(programs, "program")}; ` +
      `${engine}, ${flags.runs} timed run${flags.runs === 1 ? "" : "s"} after a warm-up, ${workspace === undefined ? "fresh arrays each run" : "buffers reused"}\n\n` +
      formatTable(["phase", "median ms", "min ms", "max ms"], [row("compile", out.compileMs), row("solve", out.solveMs), row("compile + solve", out.totalMs)]) +
      `\nproposals: ${proposals.toLocaleString("en-US")}${perSecond}\n` +
      (full === undefined ? "" : `stable: ${full.stable ? "yes" : "NO"} (method: ${full.method})\n`) +
      `parse (once): ${out.parseMs.toFixed(1)} ms\n`,
  );
}
