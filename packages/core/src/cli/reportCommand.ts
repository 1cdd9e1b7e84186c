import { Option, type Command } from "commander";
import seedrandom from "seedrandom";
import { calibrationReport, rothPeranson, solve, type CalibrationRow, type Side } from "../index.ts";
import { type CliIo, DEFAULT_MAX_BYTES, InputError } from "./io.ts";
import { fullInputAttributes, loadMatchInput, type FullInput } from "./loadMarket.ts";
import { wholeNumber } from "./options.ts";
import { formatTable } from "./table.ts";

interface ReportFlags {
  side: Side;
  json: boolean;
  maxBytes: number;
}

/** Registers `matchlab report`. */
export function registerReportCommand(program: Command, io: CliIo): void {
  program
    .command("report")
    .description("Run the match on a market and compare the results with the published 2025 NRMP figures.")
    .argument("<file>", 'market file (.mlm or JSON scenario), or "-" for JSON on standard input')
    .addOption(new Option("--side <side>", "which side proposes").choices(["applicant", "program"]).default("applicant"))
    .option("--json", "print one JSON object ({ name, side, rows, timings })", false)
    .option("--max-bytes <n>", "largest input file accepted", wholeNumber(1), DEFAULT_MAX_BYTES)
    .exitOverride()
    .action((file: string, flags: ReportFlags) => reportCommand(io, file, flags));
}

const ms = (x: number): number => Math.round(x * 10) / 10;

/**
 * A market with supplemental lists, reversions or couples runs on the Roth–Peranson engine (applicant-proposing
 * only); supplemental PGY-1 positions count as filled. Otherwise simple deferred acceptance on either side.
 */
function runReport(input: ReturnType<typeof loadMatchInput>, side: Side): { rows: CalibrationRow[]; name: string | undefined; parseMs: number; compileMs: number; solveMs: number; engine: string } {
  if (input.kind === "simple") {
    const loaded = input.loaded;
    const t0 = performance.now();
    const matching = solve(loaded.market, { side });
    const solveMs = performance.now() - t0;
    return { rows: calibrationReport({ ...loaded, matching }), name: loaded.name, parseMs: loaded.parseMs, compileMs: loaded.compileMs, solveMs, engine: `${side}-proposing deferred acceptance` };
  }
  return runFullReport(input, side);
}

function runFullReport(input: FullInput, side: Side): ReturnType<typeof runReport> {
  if (side !== "applicant") throw new InputError("--side program: couples, supplemental lists and reversions run only with the applicant-proposing Roth–Peranson algorithm");
  const t0 = performance.now();
  const market = input.compile();
  const t1 = performance.now();
  const full = rothPeranson(market, { rng: seedrandom("1") });
  const solveMs = performance.now() - t1;
  const matching = { side: "applicant" as const, matchOf: full.primaryOf, matchEntry: full.primaryEntry, proposals: full.proposals };
  const rows = calibrationReport({ market: market.base, matching, supplementalOf: full.supplementalOf, ...fullInputAttributes(input) });
  return { rows, name: input.name, parseMs: input.parseMs, compileMs: t1 - t0, solveMs, engine: "Roth–Peranson (full NRMP rules)" };
}

function reportCommand(io: CliIo, file: string, flags: ReportFlags): void {
  const { rows, name, parseMs, compileMs, solveMs, engine } = runReport(loadMatchInput(io, file, flags.maxBytes), flags.side);
  const loaded = { name, parseMs, compileMs };
  if (flags.json) {
    const timings = { parseMs: ms(loaded.parseMs), compileMs: ms(loaded.compileMs), solveMs: ms(solveMs) };
    io.stdout(JSON.stringify({ name: loaded.name ?? null, side: flags.side, rows, timings }) + "\n");
    return;
  }
  io.stdout(`${loaded.name ?? file}: ${engine}, compared with the 2025 NRMP Main Match\n\n`);
  io.stdout(formatRows(rows));
  io.stdout("\nNRMP counts are scaled to this market's size; \"–\" means no published figure.\n");
}

const value = (x: number | null, unit: CalibrationRow["unit"], signed = false): string => {
  if (x === null) return "–";
  const sign = signed && x > 0 ? "+" : "";
  if (unit === "positions") return sign + Math.round(x).toLocaleString("en-US");
  return `${sign}${x.toFixed(1)}${unit === "%" && !signed ? " %" : ""}`;
};

/** One table, a heading row per section, then its measures indented. */
export function formatRows(rows: readonly CalibrationRow[]): string {
  const lines: string[][] = [];
  let section = "";
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      lines.push([section, "", "", ""]);
    }
    lines.push([`  ${row.label}`, value(row.simulated, row.unit), value(row.published, row.unit), value(row.difference, row.unit, true)]);
  }
  // Numbers read best right-aligned: pad each numeric column to its widest cell (headers included).
  const header = ["measure", "simulated", "NRMP 2025", "difference"];
  for (let c = 1; c < header.length; c++) {
    const width = Math.max(header[c]!.length, ...lines.map((line) => line[c]!.length));
    for (const line of lines) if (line[c] !== "") line[c] = line[c]!.padStart(width);
  }
  return formatTable(header, lines);
}
