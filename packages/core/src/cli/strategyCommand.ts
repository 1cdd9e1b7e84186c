import { type Command, Option } from "commander";
import { compileMarket } from "../compile.ts";
import type { Side } from "../matching.ts";
import { listCount } from "../strategy/exhaustive.ts";
import { applicantIndex, parseProgramList } from "./applicantArgs.ts";
import { type CliIo, DEFAULT_MAX_BYTES, InputError } from "./io.ts";
import { loadScenario } from "./loadScenario.ts";
import { analyzeApplicantProposing, analyzeProgramProposing, type Scored } from "./strategyAnalysis.ts";
import { ordinal } from "./table.ts";

export interface StrategyCommandOptions {
  applicant: string;
  list?: string;
  exhaustive: boolean;
  side: Side;
  json: boolean;
  maxBytes: number;
}

/** Largest true list the exhaustive check enumerates (109,601 lists). */
const MAX_EXHAUSTIVE = 8;
/** Largest lists × total list length the literal (program-proposing) exhaustive check may do: a few seconds. */
const MAX_LITERAL_WORK = 2e8;

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** `matchlab strategy FILE --applicant ID`: her list in the scenario is her true preference order. */
export function strategyCommand(io: CliIo, file: string, options: StrategyCommandOptions): void {
  const t0 = performance.now();
  const market = compileMarket(loadScenario(io, file, options.maxBytes));
  const a = applicantIndex(market, options.applicant);
  const submitted = options.list === undefined ? undefined : parseProgramList(market, options.list);
  const trueLength = market.appStart[a + 1]! - market.appStart[a]!;
  if (options.exhaustive && trueLength > MAX_EXHAUSTIVE) {
    throw new InputError(`--exhaustive: ${options.applicant} ranks ${trueLength} programs; the check enumerates every ordering of every subset of at most ${MAX_EXHAUSTIVE} (${listCount(trueLength).toLocaleString("en-US")} lists would be too many)`);
  }
  // Program-proposing has no shortcut: one full match per list. Refuse what would take minutes.
  const work = listCount(trueLength) * (market.appStart[market.nA]! + market.progStart[market.nP]!);
  if (options.exhaustive && options.side === "program" && work > MAX_LITERAL_WORK) {
    throw new InputError(`--exhaustive --side program: ${listCount(trueLength).toLocaleString("en-US")} full matches of this market would take too long; use a smaller market or applicant-proposing`);
  }
  const t1 = performance.now();
  const analyze = options.side === "program" ? analyzeProgramProposing : analyzeApplicantProposing;
  const analysis = analyze(market, a, submitted, options.exhaustive);
  const t2 = performance.now();
  const named = (list: ArrayLike<number>): string[] => Array.from(list, (p) => market.programIds[p]!);
  const outcome = (o: Scored) => ({ program: o.program < 0 ? null : market.programIds[o.program]!, rank: o.program >= 0 && o.score < trueLength ? o.score + 1 : null });
  const { exhaustive } = analysis;
  const json = {
    applicant: options.applicant,
    side: options.side,
    trueList: named(analysis.trueList),
    truthful: outcome(analysis.truthful),
    ...(analysis.submitted === undefined ? {} : { submitted: { ...outcome(analysis.submitted), list: named(analysis.submitted.list), verdict: analysis.submitted.verdict } }),
    ...(analysis.attainable === undefined ? {} : { attainable: named(analysis.attainable) }),
    ...(exhaustive === undefined
      ? {}
      : { best: { ...outcome(exhaustive.best), list: named(exhaustive.best.list) }, listsTried: exhaustive.listsTried, better: exhaustive.better, ties: exhaustive.ties, worse: exhaustive.worse }),
    timings: { loadMs: round(t1 - t0), analysisMs: round(t2 - t1) },
  };
  if (options.json) {
    io.stdout(JSON.stringify(json) + "\n");
    return;
  }
  const describe = (o: { program: string | null; rank: number | null }): string =>
    o.program === null ? "unmatched" : o.rank === null ? `${o.program} (not on her true list)` : `${o.program} (her ${ordinal(o.rank)} choice)`;
  let out = `${options.applicant}, true list: ${json.trueList.join(", ") || "(empty)"} (${options.side}-proposing)\n`;
  out += `truthful list → ${describe(json.truthful)}\n`;
  if (json.submitted !== undefined) {
    const verdict = json.submitted.verdict === "same" ? "same as truthful" : `${json.submitted.verdict} than truthful`;
    out += `submitted list (${json.submitted.list.join(", ") || "empty"}) → ${describe(json.submitted)}: ${verdict}\n`;
  }
  if (json.attainable !== undefined) out += `programs that would take her, everyone else fixed: ${json.attainable.join(", ") || "none of those listed"}\n`;
  if (exhaustive !== undefined && json.best !== undefined) {
    out += `\nevery list from her ${trueLength} acceptable programs (${exhaustive.listsTried.toLocaleString("en-US")} lists):\n`;
    out += `  best outcome: ${describe(json.best)}, e.g. with (${json.best.list.join(", ") || "empty list"})\n`;
    out += `  better than truthful: ${exhaustive.better}; as good: ${exhaustive.ties}; worse: ${exhaustive.worse}\n`;
    if (exhaustive.better === 0) out += "  No list beats ranking by true preference.\n";
    else if (options.side === "program") out += "  Under program-proposing, misreporting can pay: ranking by true preference is dominant only when applicants propose.\n";
    else out += "  Some list beats truthful ranking under applicant-proposing: please report this as a bug.\n";
  }
  io.stdout(out);
}

/** Adds `strategy` to the CLI. */
export function registerStrategyCommand(program: Command, io: CliIo): void {
  program
    .command("strategy")
    .description("Compare a submitted rank list with the applicant's true list (her list in the scenario), everyone else fixed; --exhaustive tries every list.")
    .argument("<file>", 'scenario JSON file, or "-" for standard input')
    .requiredOption("--applicant <id>", "the applicant under study")
    .option("--list <ids>", "comma-separated program ids: the list she would submit instead")
    .option("--exhaustive", `try every ordering of every subset of her programs (at most ${MAX_EXHAUSTIVE})`, false)
    .addOption(new Option("--side <side>", "which side proposes (program: one full match per list, small markets)").choices(["applicant", "program"]).default("applicant"))
    .option("--json", "print one JSON object (truthful, submitted, best, listsTried, better, ties, worse, …)", false)
    .option("--max-bytes <n>", "largest input file accepted", (value: string) => {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n <= 0) throw new InputError("--max-bytes: expected a positive whole number");
      return n;
    }, DEFAULT_MAX_BYTES)
    .exitOverride()
    .action((file: string, options: StrategyCommandOptions) => strategyCommand(io, file, options));
}
