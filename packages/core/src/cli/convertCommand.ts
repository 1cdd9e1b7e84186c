import { Command, Option } from "commander";
import { formatSms, looksLikeSms, smsLosses } from "../index.ts";
import { DEFAULT_MAX_BYTES, InputError, type CliIo } from "./io.ts";
import { wholeNumber } from "./options.ts";
import { loadScenario } from "./loadScenario.ts";

export interface ConvertCommandOptions {
  /** Output format; by default the other one. */
  to?: "json" | "sms";
  json: boolean;
  maxBytes: number;
}

/** `matchlab convert FILE`: scenario JSON ⇄ the Stable Matching Suite's text format, written to stdout. */
export function convertCommand(io: CliIo, file: string, options: ConvertCommandOptions): void {
  const text = io.readInput(file, options.maxBytes);
  const from = looksLikeSms(text) ? "sms" : "json";
  const to = options.to ?? (from === "sms" ? "json" : "sms");
  // loadScenario reads the file again through io; the files are small next to the limit, and it keeps one path for errors.
  const scenario = loadScenario({ ...io, readInput: () => text }, file, options.maxBytes);
  const losses = to === "sms" ? smsLosses(scenario) : [];
  const output = to === "sms" ? smsOrInputError(scenario, file) : JSON.stringify(scenario, null, 2) + "\n";
  const warnings = losses.map((what) => `the Stable Matching Suite format has no ${what}; they were left out`);
  if (options.json) {
    const counts = { applicants: scenario.applicants.length, couples: scenario.couples?.length ?? 0, programs: scenario.programs.length };
    io.stdout(JSON.stringify({ from, to, ...counts, warnings, output }) + "\n");
    return;
  }
  for (const warning of warnings) io.stderr(`matchlab: warning: ${warning}\n`);
  io.stdout(output);
}

/** The suite's format has no quoting: an id with white space (or "-1") cannot be written, which is the input's fault. */
function smsOrInputError(scenario: Parameters<typeof formatSms>[0], file: string): string {
  try {
    return formatSms(scenario);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`${file === "-" ? "stdin" : file}: ${error.message.replace(/^formatSms: /, "")}; convert to JSON instead`);
    throw error;
  }
}

/** Registers `convert` on the CLI (one call from program.ts). */
export function registerConvert(program: Command, io: CliIo): void {
  program
    .command("convert")
    .description("Convert a scenario between matchlab JSON and the Stable Matching Suite text format (r/c/p lines), printing it on stdout.")
    .argument("<file>", 'input file (format detected), or "-" for standard input')
    .addOption(new Option("--to <format>", "output format (default: the other one)").choices(["json", "sms"]))
    .option("--json", "print one JSON object { from, to, applicants, couples, programs, warnings, output }", false)
    .option("--max-bytes <n>", "largest input file accepted", wholeNumber(1), DEFAULT_MAX_BYTES)
    .exitOverride()
    .action((file: string, options: ConvertCommandOptions) => {
      convertCommand(io, file, options);
    });
}
