import { type Command, Option } from "commander";
import { compileMarket } from "../compile.ts";
import type { Side } from "../matching.ts";
import { listCount } from "../strategy/exhaustive.ts";
import { applicantIndex, parseProgramList } from "./applicantArgs.ts";
import { coupleStrategyCommand } from "./coupleStrategyCommand.ts";
import { monteCarloCommand, type MonteCarloFlags } from "./monteCarloCommand.ts";
import { numberIn, wholeNumber } from "./options.ts";
import { type CliIo, DEFAULT_MAX_BYTES, InputError } from "./io.ts";
import { loadScenario } from "./loadScenario.ts";
import { analyzeApplicantProposing, analyzeProgramProposing, type Scored } from "./strategyAnalysis.ts";
import { ordinal } from "./table.ts";

export interface StrategyCommandOptions {
  applicant?: string;
  couple?: string;
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
export function strategyCommand(io: CliIo, file: string | undefined, options: StrategyCommandOptions & Partial<MonteCarloFlags>): void | Promise<void> {
  if (options.monteCarlo !== undefined) {
    if (options.exhaustive) throw new InputError("--exhaustive and --monte-carlo are separate analyses: run them one at a time");
    if (options.side === "program") throw new InputError("--monte-carlo compares strategies under applicant-proposing deferred acceptance (the NRMP's side); drop --side program");
    return monteCarloCommand(io, file, options as MonteCarloFlags);
  }
  for (const flag of ["type", "step2ck", "visa", "specialties", "region", "trueList", "workers", "add", "safety", "reaches"] as const) {
    if (options[flag] !== undefined) throw new InputError(`--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} only applies with --monte-carlo N`);
  }
  if (file === undefined) throw new InputError("strategy: give a scenario FILE (or --monte-carlo N with a profile: --type, --step2ck, --specialties)");
  if (options.couple !== undefined) {
    if (options.applicant !== undefined) throw new InputError("--couple and --applicant study one side each: give one of them");
    if (options.side === "program") throw new InputError("--couple runs the full rules, which are applicant-proposing (the NRMP's side); drop --side program");
    return coupleStrategyCommand(io, file, { ...options, couple: options.couple });
  }
  if (options.applicant === undefined) throw new InputError("strategy: give --applicant ID, the applicant under study (or --couple ID for a couple)");
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
    .description(
      "Compare a submitted rank list with the applicant's true list (her list in the scenario), everyone else fixed; --exhaustive tries every list. " +
        "--monte-carlo N places her (profile and list from FILE --applicant, or from --type/--step2ck/--visa/--specialties) in N markets drawn from a preset and compares strategies.",
    )
    .argument("[file]", 'scenario JSON file, or "-" for standard input (optional with --monte-carlo and profile flags)')
    .option("--applicant <id>", "the applicant under study")
    .option("--couple <id>", 'a member of the couple under study (full rules); its --list is pairs: "City+Mercy,General+-" ("-" = No Match)')
    .option("--list <ids>", "comma-separated program ids: the list she would submit instead (with --monte-carlo: a custom strategy)")
    .option("--exhaustive", `try every ordering of every subset of her programs (at most ${MAX_EXHAUSTIVE})`, false)
    .addOption(new Option("--side <side>", "which side proposes (program: one full match per list, small markets)").choices(["applicant", "program"]).default("applicant"))
    .option("--json", "print one JSON object (truthful, submitted, best, listsTried, better, ties, worse, …; with --monte-carlo: strategies)", false)
    .option("--monte-carlo <n>", "evaluate strategies over N markets drawn from --preset, in worker threads", wholeNumber(1))
    .addOption(new Option("--preset <name>", "with --monte-carlo: the market the rest is drawn from").choices(["nrmp-2025", "nrmp-2024"]).default("nrmp-2025"))
    .option("--applicants <n>", "with --monte-carlo: applicants besides her (scales the market; default: FILE's applicant count, else the published size)", wholeNumber(1))
    .option("--seed <n>", "with --monte-carlo: base seed, a whole number below 2^32; draw i uses a mix of it and i", wholeNumber(0), 1)
    .option("--program-seed <seed>", "with --monte-carlo: seed of the program catalogue, fixed across draws (= generate --seed)", "1")
    .option("--workers <n>", "with --monte-carlo: worker threads (default: cores); the figures do not depend on it", wholeNumber(1))
    .option("--type <type>", `with --monte-carlo: her applicant type (${["us-md", "us-do", "us-img", "non-us-img", "other"].join(", ")})`)
    .option("--step2ck <score>", "with --monte-carlo: her USMLE Step 2 CK score", numberIn(150, 300))
    .option("--visa", "with --monte-carlo: she needs a visa")
    .option("--specialties <names>", 'with --monte-carlo: her target specialty, then at most one backup ("Internal Medicine,Family Medicine" or "IM,FM")')
    .option("--region <region>", "with --monte-carlo: her home region (Northeast, Midwest, South, West; default: drawn)")
    .option("--true-list <ids>", "with --monte-carlo: her true list, program ids of the catalogue (default: drawn by the model in each draw)")
    .option("--truncate <k>", "with --monte-carlo: the truncation strategy keeps her first k programs", wholeNumber(0), 3)
    .option("--safety <id>", "with --monte-carlo and a fixed list: the program she thinks likeliest to take her (default: her last)")
    .option("--reaches <ids>", "with --monte-carlo and a fixed list: her reaches (default: her first third)")
    .option("--add <ids>", "with --monte-carlo: programs she would also accept, below her list (the 'add programs' strategy)")
    .option("--max-bytes <n>", "largest input file accepted", (value: string) => {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n <= 0) throw new InputError("--max-bytes: expected a positive whole number");
      return n;
    }, DEFAULT_MAX_BYTES)
    .exitOverride()
    .action((file: string | undefined, options: StrategyCommandOptions & Partial<MonteCarloFlags>) => strategyCommand(io, file, options));
}
