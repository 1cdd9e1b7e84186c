import { parseScenario, parseScenarioText, type ScenarioIssue } from "@matchlab/core";
import { scenarioFromCsv } from "./csv.ts";
import { draftFromScenario, type Draft } from "./draft.ts";

export type ImportResult = { ok: true; draft: Draft } | { ok: false; issues: ScenarioIssue[] };

/**
 * Reads an imported file as JSON or CSV (by extension, else by content) and validates it with core. Couples and
 * other full-rules fields are kept in the draft (not edited there) and run on the full engine.
 */
export function importScenario(fileName: string, text: string): ImportResult {
  const csv = /\.csv$/i.test(fileName) || (!/\.json$/i.test(fileName) && /^\uFEFF?\s*list_owner/i.test(text));
  const parsed = csv ? csvToScenario(text) : parseScenarioText(text);
  if (!parsed.ok) return parsed;
  return { ok: true, draft: draftFromScenario(parsed.scenario) };
}

function csvToScenario(text: string): ReturnType<typeof parseScenario> {
  const rows = scenarioFromCsv(text);
  return rows.ok ? parseScenario(rows.value) : rows;
}
