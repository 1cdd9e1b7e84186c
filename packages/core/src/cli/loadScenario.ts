import { looksLikeSms, parseScenarioText, parseSmsText, type Scenario } from "../index.ts";
import { type CliIo, InputError } from "./io.ts";

/**
 * Reads and validates a scenario file, JSON or the Stable Matching Suite's text format (told apart by the first
 * character); every problem becomes one `InputError` line prefixed with the file name. */
export function loadScenario(io: CliIo, file: string, maxBytes: number): Scenario {
  const text = io.readInput(file, maxBytes);
  const parsed = looksLikeSms(text) ? parseSmsText(text) : parseScenarioText(text);
  if (parsed.ok) return parsed.scenario;
  const name = file === "-" ? "stdin" : file;
  const lines = parsed.issues.map((issue) => `${name}: ${issue.path}: ${issue.message}`);
  throw new InputError(`${lines.join("\n")}\n${name}: ${parsed.issues.length} problem${parsed.issues.length === 1 ? "" : "s"} found`);
}
