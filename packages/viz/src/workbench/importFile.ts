import { parseScenario, parseScenarioText, type ScenarioIssue } from "@matchlab/core";
import { scenarioFromCsv } from "./csv.ts";
import { draftFromScenario, type Draft } from "./draft.ts";

/**
 * Largest file the workbench imports (64 MiB, well above an NRMP-scale JSON market of about 40 MB). Checked from
 * the file's size before it is read, so a huge file costs nothing; the CLI takes larger ones with --max-bytes.
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Why a file cannot be imported from its size alone, or null. */
export function importSizeIssue(size: number): ScenarioIssue | null {
  if (size <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return { path: "(file)", message: `the file is ${mb(size)}, over the workbench's limit of ${mb(MAX_IMPORT_BYTES)}; run it with the command line instead (matchlab match FILE --max-bytes N)` };
}

export type ImportResult = { ok: true; draft: Draft } | { ok: false; issues: ScenarioIssue[] };

/**
 * Reads an imported file as JSON or CSV (by extension, else by content) and validates it with core. Couples and
 * other full-rules fields are kept in the draft (not edited there) and run on the full engine.
 */
export function importScenario(fileName: string, text: string): ImportResult {
  const tooLarge = importSizeIssue(text.length);
  if (tooLarge !== null) return { ok: false, issues: [tooLarge] };
  const csv = /\.csv$/i.test(fileName) || (!/\.json$/i.test(fileName) && /^\uFEFF?\s*list_owner/i.test(text));
  const parsed = csv ? csvToScenario(text) : parseScenarioText(text);
  if (!parsed.ok) return parsed;
  return { ok: true, draft: draftFromScenario(parsed.scenario) };
}

function csvToScenario(text: string): ReturnType<typeof parseScenario> {
  const rows = scenarioFromCsv(text);
  return rows.ok ? parseScenario(rows.value) : rows;
}
