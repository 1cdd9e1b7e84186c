import type { Command } from "commander";
import { Option } from "commander";
import { compileMarket } from "../compile.ts";
import type { Side } from "../matching.ts";
import { solve } from "../solve.ts";
import { describeExplanation, explainApplicant } from "../strategy/explain.ts";
import { applicantIndex } from "./applicantArgs.ts";
import { type CliIo, DEFAULT_MAX_BYTES, InputError } from "./io.ts";
import { loadScenario } from "./loadScenario.ts";
import { ordinal } from "./table.ts";

export interface ExplainCommandOptions {
  applicant: string;
  side: Side;
  json: boolean;
  maxBytes: number;
}

/** `matchlab explain FILE --applicant ID`: why she is not at each program she ranked above her match. */
export function explainCommand(io: CliIo, file: string, options: ExplainCommandOptions): void {
  const market = compileMarket(loadScenario(io, file, options.maxBytes));
  const a = applicantIndex(market, options.applicant);
  const matching = solve(market, { side: options.side });
  const explanations = explainApplicant(market, matching.matchOf, { applicant: a });
  const p = matching.matchOf[a]!;
  const program = p < 0 ? null : market.programIds[p]!;
  const rank = p < 0 ? null : matching.matchEntry[a]! - market.appStart[a]! + 1;
  if (options.json) {
    io.stdout(JSON.stringify({
      applicant: options.applicant,
      side: options.side,
      program,
      rank,
      explanations: explanations.map((e) => ({
        program: market.programIds[e.program]!,
        reason: e.reason,
        yourRank: e.yourRank,
        quota: e.quota,
        filledWith: e.filledWith.map((h) => ({ applicant: market.applicantIds[h.applicant]!, rank: h.rank })),
        text: describeExplanation(market, e),
      })),
    }) + "\n");
    return;
  }
  let out = program === null ? `${options.applicant} is unmatched.\n` : `${options.applicant} matched to ${program}, her ${ordinal(rank!)} choice.\n`;
  if (explanations.length === 0) out += program === null ? "She ranked no programs.\n" : "That is her first choice: nothing to explain.\n";
  for (const e of explanations) out += `- ${describeExplanation(market, e)}\n`;
  io.stdout(out);
}

/** Adds `explain` to the CLI. */
export function registerExplainCommand(program: Command, io: CliIo): void {
  program
    .command("explain")
    .description("Explain, for each program an applicant ranked above her match, why she did not match there.")
    .argument("<file>", 'scenario JSON file, or "-" for standard input')
    .requiredOption("--applicant <id>", "the applicant to explain")
    .addOption(new Option("--side <side>", "which side proposes").choices(["applicant", "program"]).default("applicant"))
    .option("--json", "print one JSON object (program, rank, explanations with reasons and the holders' ranks)", false)
    .option("--max-bytes <n>", "largest input file accepted", (value: string) => {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n <= 0) throw new InputError("--max-bytes: expected a positive whole number");
      return n;
    }, DEFAULT_MAX_BYTES)
    .exitOverride()
    .action((file: string, options: ExplainCommandOptions) => explainCommand(io, file, options));
}
