import type { EngineResult, FullEngineResult, NaiveResult } from "./protocol.ts";
import type { PhaseStats } from "./stats.ts";

/** One market × variant of a suite run, as written to the results JSON. */
export interface SuiteRow {
  engine: EngineResult;
  naive?: NaiveResult;
  /** Naive median ÷ the engine's fresh compile + applicant-proposing solve median (same work, fresh memory). */
  naiveRatio?: number;
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const cell = (s: PhaseStats): string => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
const count = (n: number): string => n.toLocaleString("en-US");
const rate = (proposals: number, s: PhaseStats): string => `${((proposals / s.median) * 1000 / 1e6).toFixed(1)}M`;

/** The printed table: medians with (min–max), in ms. */
export function formatRows(rows: readonly SuiteRow[]): string {
  const header = [
    "market", "variant", "applicants", "list entries", "generate", "compile", "solve (appl.)", "solve (prog.)",
    "compile+solve", "fresh c+s", "proposals (appl./prog.)", "proposals/s", "naive", "naive ÷ engine", "peak RSS",
  ];
  const body = rows.map(({ engine: e, naive, naiveRatio }) => [
    e.market,
    e.variant,
    count(e.size.applicants),
    count(e.size.applicantEntries + e.size.programEntries),
    cell(e.generateMs),
    cell(e.compileMs),
    cell(e.solveApplicantMs),
    cell(e.solveProgramMs),
    ms(e.compileMs.median + e.solveApplicantMs.median),
    cell(e.compileSolveFreshMs),
    `${count(e.proposals.applicant)} / ${count(e.proposals.program)}`,
    `${rate(e.proposals.applicant, e.solveApplicantMs)} / ${rate(e.proposals.program, e.solveProgramMs)}`,
    naive === undefined ? "-" : cell(naive.totalMs) + (naive.agreesWithEngine ? "" : " DISAGREES"),
    naiveRatio === undefined ? "-" : `${naiveRatio.toFixed(1)}×`,
    `${count(e.peakRssMB)} MB` + (naive === undefined ? "" : ` (naive ${count(naive.peakRssMB)} MB)`),
  ]);
  return markdownTable(header, body);
}

/**
 * The full-rules variants: Roth–Peranson times beside the singles run of the same size (compile + solve, warm
 * medians), and their ratio, which issue 5 wants within 2×: once against the singles row (another process, another
 * time) and once paired, both alternated in one process (pairedChild.ts), which the machine's drift moves less.
 */
export function formatFullRows(full: readonly FullEngineResult[], singles: readonly SuiteRow[]): string {
  const header = [
    "market", "variant", "applicants", "couples", "list entries", "generate", "compile (full)", "solve (R–P)",
    "compile+solve", "singles c+s", "÷ singles", "paired singles / full", "÷ singles (paired)", "proposals", "stable", "peak RSS",
  ];
  const body = full.map((f) => {
    const single = singles.find((row) => row.engine.market === f.market)?.engine;
    const total = f.compileMs.median + f.solveMs.median;
    const singleTotal = single === undefined ? undefined : single.compileMs.median + single.solveApplicantMs.median;
    return [
      f.market,
      f.variant,
      count(f.size.applicants),
      count(f.size.couples),
      count(f.size.listEntries),
      cell(f.generateMs),
      cell(f.compileMs),
      cell(f.solveMs),
      ms(total),
      singleTotal === undefined ? "-" : ms(singleTotal),
      singleTotal === undefined ? "-" : `${(total / singleTotal).toFixed(1)}×`,
      f.paired === undefined ? "-" : `${ms(f.paired.singlesMs.median)} / ${ms(f.paired.fullMs.median)}`,
      f.paired === undefined ? "-" : `${f.paired.ratio.toFixed(2)}×`,
      count(f.proposals),
      f.stable ? "yes" : `NO (${f.loopsDetected} loops)`,
      `${count(f.peakRssMB)} MB`,
    ];
  });
  return markdownTable(header, body);
}

/** A Markdown table (so the same text goes into the README). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((x, c) => x.padEnd(widths[c]!)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n") + "\n";
}
