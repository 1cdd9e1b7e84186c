import { looksLikeSms, parseScenarioTextResolved, parseSmsText, type FastValidResult, type Scenario } from "../index.ts";
import { type CliIo, InputError } from "./io.ts";

/**
 * Reads and validates a scenario file, JSON or the Stable Matching Suite's text format (told apart by the first
 * character); every problem becomes one `InputError` line prefixed with the file name. */
export function loadScenario(io: CliIo, file: string, maxBytes: number): Scenario {
  return loadResolvedScenario(io, file, maxBytes).scenario;
}

/** `loadScenario`, with the lists resolved to indices when the parser's fast path had them (for `compileMarket`). */
export function loadResolvedScenario(io: CliIo, file: string, maxBytes: number): { scenario: Scenario; resolved?: FastValidResult } {
  return resolvedScenarioFromText(file, io.readInput(file, maxBytes));
}

/** `loadResolvedScenario` on text already read from `file`. */
export function resolvedScenarioFromText(file: string, text: string): { scenario: Scenario; resolved?: FastValidResult } {
  const parsed = looksLikeSms(text) ? parseSmsText(text) : parseScenarioTextResolved(text);
  if (parsed.ok) return parsed;
  const name = file === "-" ? "stdin" : file;
  const lines = parsed.issues.map((issue) => `${name}: ${issue.path}: ${issue.message}`);
  throw new InputError(`${lines.join("\n")}\n${name}: ${parsed.issues.length} problem${parsed.issues.length === 1 ? "" : "s"} found`);
}
