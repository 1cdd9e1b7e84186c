import { checkStability, collectResult, collectTrace, createTrace, formatSmsMatching, solve, type MatchResult, type Side, type StabilityReport } from "../index.ts";
import type { CompiledMarket } from "../market.ts";
import { fullMatch } from "./fullMatch.ts";
import type { CliIo } from "./io.ts";
import { loadMatchInput } from "./loadMarket.ts";
import { writeMatchJson } from "./matchJson.ts";
import { printable, formatTableChunks, ordinal } from "./table.ts";

export interface MatchCommandOptions {
  side: Side;
  json: boolean;
  trace: boolean;
  maxBytes: number;
  /** Print the matching as a Stable Matching Suite match file instead. */
  sms: boolean;
  /** Seed of the couples' re-orderings after a loop (full rules only). */
  seed: number;
  maxReorderings: number;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** `matchlab match FILE`: parse and compile (JSON or binary `.mlm`), solve, check stability, print. */
export function matchCommand(io: CliIo, file: string, options: MatchCommandOptions): void {
  const input = loadMatchInput(io, file, options.maxBytes);
  if (input.kind === "full") {
    fullMatch(input, options, input.parseMs, io.stdout);
    return;
  }
  const { market, name, parseMs, compileMs } = input.loaded;
  const t2 = performance.now();
  const trace = options.trace ? createTrace(market, options.side) : undefined;
  const matching = solve(market, trace === undefined ? { side: options.side } : { side: options.side, trace });
  const t3 = performance.now();
  const report = checkStability(market, matching.matchOf);
  const result = collectResult(market, matching);
  const timings = { parseMs: round(parseMs), compileMs: round(compileMs), solveMs: round(t3 - t2) };

  if (options.sms) {
    io.stdout(formatSmsMatching(Object.fromEntries(result.applicants.map((a) => [a.id, a.program])), true));
    return;
  }
  if (options.json) {
    writeMatchJson(io.stdout, market, result, report, timings, trace === undefined ? undefined : collectTrace(market, trace));
    return;
  }
  if (trace !== undefined) {
    io.stdout(collectTrace(market, trace).map((event, i) => `${String(i + 1).padStart(4)}. ${event.text}`).join("\n") + "\n\n");
  }
  for (const chunk of formatHuman(market, result, report, name)) io.stdout(chunk);
}

/** The human report, in pieces to write one by one (the table of an NRMP-scale market is 5 MB). */
function* formatHuman(market: CompiledMarket, result: MatchResult, report: StabilityReport, name: string | undefined): Generator<string> {
  const { stats } = result;
  const rows = result.programs.map((p) => [p.id, String(p.quota), p.matched.join(", ") || "-", String(p.unfilled)]);
  yield `${name ?? "scenario"}: ${result.side}-proposing deferred acceptance\n\n`;
  yield* formatTableChunks(["program", "quota", "matched", "unfilled"], rows);
  const unmatched = result.applicants.filter((a) => a.program === null);
  let out = `\nmatched: ${stats.matched} of ${stats.applicants} applicants; unfilled: ${stats.unfilled} of ${stats.positions} positions\n`;
  if (unmatched.length > 0) out += `unmatched: ${unmatched.slice(0, 20).map((a) => printable(a.id)).join(", ")}${unmatched.length > 20 ? `, … (${unmatched.length - 20} more)` : ""}\n`;
  const ranks = stats.rankDistribution.map((count, k) => `${ordinal(k + 1)}: ${count}`).filter((_, k) => k < 10);
  if (ranks.length > 0) out += `matched to their choice: ${ranks.join(", ")}${stats.rankDistribution.length > 10 ? ", …" : ""}\n`;
  out += `proposals: ${stats.proposals}\n`;
  out += report.stable
    ? "stable: yes (no blocking pair)\n"
    : `stable: NO (${report.blockingPairs.length} blocking pairs, e.g. ${market.applicantIds[report.blockingPairs[0]?.applicant ?? 0]} and ${market.programIds[report.blockingPairs[0]?.program ?? 0]})\n`;
  yield out;
}
