import type { Command } from "commander";
import { compileMarket } from "../compile.ts";
import type { CompiledMarket } from "../market.ts";
import { createStrategyAnalyzer, inBudgetSet } from "../strategy/budgetSet.ts";
import { exhaustiveCheck, listCount } from "../strategy/exhaustive.ts";
import type { StrategyOutcome } from "../strategy/outcome.ts";
import { whatIf } from "../strategy/whatIf.ts";
import { applicantIndex, parseProgramList } from "./applicantArgs.ts";
import { type CliIo, DEFAULT_MAX_BYTES, InputError } from "./io.ts";
import { loadScenario } from "./loadScenario.ts";
import { ordinal } from "./table.ts";

export interface StrategyCommandOptions {
  applicant: string;
  list?: string;
  exhaustive: boolean;
  json: boolean;
  maxBytes: number;
}

/** Largest true list the exhaustive check enumerates (109,601 lists). */
const MAX_EXHAUSTIVE = 8;

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
  const t1 = performance.now();
  const analyzer = createStrategyAnalyzer(market, { applicant: a });
  const result = whatIf(analyzer, submitted ?? analyzer.trueList);
  const t2 = performance.now();
  const exhaustive = options.exhaustive ? exhaustiveCheck(analyzer, { maxPrograms: MAX_EXHAUSTIVE }) : undefined;
  const t3 = performance.now();
  const named = (list: ArrayLike<number>): string[] => Array.from(list, (p) => market.programIds[p]!);
  const considered = [...new Set([...analyzer.trueList, ...(submitted ?? [])])];
  const attainable = named(considered.filter((p) => inBudgetSet(analyzer, p)));

  const json = {
    applicant: options.applicant,
    trueList: named(analyzer.trueList),
    truthful: outcomeJson(market, result.truthful),
    ...(submitted === undefined ? {} : { submitted: { ...outcomeJson(market, result.submitted), list: named(submitted), verdict: result.verdict } }),
    attainable,
    ...(exhaustive === undefined
      ? {}
      : {
          best: { ...outcomeJson(market, exhaustive.best), list: named(exhaustive.best.list) },
          listsTried: exhaustive.listsTried,
          better: exhaustive.better,
          ties: exhaustive.ties,
          worse: exhaustive.worse,
        }),
    timings: { loadMs: round(t1 - t0), whatIfMs: round(t2 - t1), ...(exhaustive === undefined ? {} : { exhaustiveMs: round(t3 - t2) }) },
  };
  if (options.json) {
    io.stdout(JSON.stringify(json) + "\n");
    return;
  }
  const describe = (o: { program: string | null; rank: number | null }): string =>
    o.program === null ? "unmatched" : o.rank === null ? `${o.program} (not on her true list)` : `${o.program} (her ${ordinal(o.rank)} choice)`;
  let out = `${options.applicant}, true list: ${json.trueList.join(", ") || "(empty)"}\n`;
  out += `truthful list → ${describe(json.truthful)}\n`;
  if (json.submitted !== undefined) {
    const verdict = json.submitted.verdict === "same" ? "same as truthful" : `${json.submitted.verdict} than truthful`;
    out += `submitted list (${json.submitted.list.join(", ") || "empty"}) → ${describe(json.submitted)}: ${verdict}\n`;
  }
  out += `programs that would take her, everyone else fixed: ${attainable.join(", ") || "none of those listed"}\n`;
  if (exhaustive !== undefined && json.best !== undefined) {
    out += `\nevery list from her ${trueLength} acceptable programs (${exhaustive.listsTried.toLocaleString("en-US")} lists):\n`;
    out += `  best outcome: ${describe(json.best)}, e.g. with (${json.best.list.join(", ") || "empty list"})\n`;
    out += `  better than truthful: ${exhaustive.better}; as good: ${exhaustive.ties}; worse: ${exhaustive.worse}\n`;
    out += exhaustive.better === 0 ? "  No list beats ranking by true preference.\n" : "  Some list beats truthful ranking: please report this as a bug.\n";
  }
  io.stdout(out);
}

function outcomeJson(market: CompiledMarket, outcome: StrategyOutcome): { program: string | null; rank: number | null } {
  return { program: outcome.program < 0 ? null : market.programIds[outcome.program]!, rank: outcome.trueRank };
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
    .option("--json", "print one JSON object (truthful, submitted, best, listsTried, better, ties, worse, …)", false)
    .option("--max-bytes <n>", "largest input file accepted", (value: string) => {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n <= 0) throw new InputError("--max-bytes: expected a positive whole number");
      return n;
    }, DEFAULT_MAX_BYTES)
    .exitOverride()
    .action((file: string, options: StrategyCommandOptions) => strategyCommand(io, file, options));
}
