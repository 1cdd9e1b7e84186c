import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { ScenarioError, formatIssue } from "../index.ts";
import { registerBenchCommand } from "./benchCommand.ts";
import { type CliIo, DEFAULT_MAX_BYTES, InputError } from "./io.ts";
import { registerGenerateCommand } from "./generateCommand.ts";
import { registerReportCommand } from "./reportCommand.ts";
import { registerExplainCommand } from "./explainCommand.ts";
import { registerStableMatchingsCommand } from "./stableMatchingsCommand.ts";
import { registerStrategyCommand } from "./strategyCommand.ts";
import { registerConvert } from "./convertCommand.ts";
import { matchCommand, type MatchCommandOptions } from "./matchCommand.ts";
import { registerChartingCommand } from "./chartingCommand.ts";

/** Exit codes: 0 success, 1 an internal error (a bug), 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_BAD_INPUT = 2;

const positiveInteger = (value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive whole number");
  return n;
};

const wholeNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number ≥ 0");
  return n;
};

function buildProgram(io: CliIo): Command {
  const program = new Command("matchlab")
    .description("Simulate the NRMP Main Residency Match: deferred acceptance on rank order lists, with stability checks.")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)");

  program
    .command("match")
    .description("Run the match on a scenario file and show the result, with its stability check. Couples, supplemental lists and reversions run the Roth–Peranson algorithm.")
    .argument("<file>", 'scenario file (JSON, Stable Matching Suite text, or a binary .mlm market), or "-" for standard input')
    .addOption(new Option("--side <side>", "which side proposes").choices(["applicant", "program"]).default("applicant"))
    .option("--json", "print one JSON object (assignments, programs, blockingPairs, timings, …)", false)
    .option("--trace", "also print every proposal, hold, bump and rejection (with --json: a trace array)", false)
    .option("--max-bytes <n>", "largest input file accepted", positiveInteger, DEFAULT_MAX_BYTES)
    .option("--sms", "print the matching as a Stable Matching Suite match file (m 1, then r RID PID lines)", false)
    .option("--seed <n>", "seed for re-ordering couples after a loop (couples only)", wholeNumber, 1)
    .option("--max-reorderings <n>", "re-orderings of the couples to try after a loop", wholeNumber, 20)
    .exitOverride()
    .action((file: string, options: MatchCommandOptions) => {
      matchCommand(io, file, options);
    });
  registerGenerateCommand(program, io);
  registerReportCommand(program, io);
  registerBenchCommand(program, io);
  registerStrategyCommand(program, io);
  registerExplainCommand(program, io);
  registerStableMatchingsCommand(program, io);
  registerConvert(program, io);
  registerChartingCommand(program, io);
  return program;
}

/** Runs the CLI on `argv` (without the node and script paths) and returns the exit code; never throws. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const program = buildProgram(io);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_BAD_INPUT;
    }
    program.parse(argv as string[], { from: "user" });
    return EXIT_OK;
  } catch (error) {
    return exitCodeOf(error, io);
  }
}

/** `runCli` for commands that work asynchronously (Monte Carlo in worker threads): awaits the action. */
export async function runCliAsync(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_BAD_INPUT;
    }
    await program.parseAsync(argv as string[], { from: "user" });
    return EXIT_OK;
  } catch (error) {
    return exitCodeOf(error, io);
  }
}

/** The exit code of a failure, with its message on stderr (a stack trace only for internal errors). */
function exitCodeOf(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  }
  if (error instanceof InputError) {
    io.stderr(error.message.split("\n").map((line) => `matchlab: ${line}\n`).join(""));
    return EXIT_BAD_INPUT;
  }
  if (error instanceof ScenarioError) {
    io.stderr(error.issues.map((issue) => `matchlab: ${formatIssue(issue)}\n`).join(""));
    return EXIT_BAD_INPUT;
  }
  io.stderr(`matchlab: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
  return EXIT_BUG;
}
