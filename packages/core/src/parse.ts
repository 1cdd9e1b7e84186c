import { findDuplicateKeys } from "./duplicateKeys.ts";
import { fastValidScenarioLists, fastValidScenario, type FastValidResult } from "./fastValidate.ts";
import { MAX_REPORTED_ISSUES, Scenario } from "./schema.ts";
import type { PathSegment } from "./references.ts";

/** One problem in a scenario: where it is (`applicants[12].rol[3]`) and what was expected. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** A `ParseResult` whose valid scenario may carry its lists resolved to indices (when the fast path accepted it). */
export type ResolvedParseResult = { ok: true; scenario: Scenario; resolved?: FastValidResult } | { ok: false; issues: ScenarioIssue[] };

/** Thrown by the engine's entry points for input they refuse; carries every issue found. */
export class ScenarioError extends Error {
  readonly issues: readonly ScenarioIssue[];
  constructor(issues: readonly ScenarioIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "ScenarioError";
    this.issues = issues;
  }
}

/** `["applicants", 12, "rol", 3]` → `applicants[12].rol[3]`; keys that are not identifiers are quoted. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === "" ? "(scenario)" : out;
}

export const formatIssue = (issue: ScenarioIssue): string => `${issue.path}: ${issue.message}`;

/**
 * A file with a million bad entries gets the first `MAX_REPORTED_ISSUES` problems and a count of the rest, not
 * a million lines.
 */
export { MAX_REPORTED_ISSUES };

const moreIssues = (more: number): ScenarioIssue => ({
  path: "(scenario)",
  message: `… and ${more.toLocaleString("en-US")} more problem${more === 1 ? "" : "s"} not shown (only the first ${MAX_REPORTED_ISSUES} are reported)`,
});

/** Keeps the first `MAX_REPORTED_ISSUES` issues and says how many more there were. */
function capIssues(issues: ScenarioIssue[]): ScenarioIssue[] {
  return issues.length <= MAX_REPORTED_ISSUES ? issues : [...issues.slice(0, MAX_REPORTED_ISSUES), moreIssues(issues.length - MAX_REPORTED_ISSUES)];
}

/** Validates a value against the scenario schema, reporting every problem at once with its path (the first 100). */
export function parseScenario(input: unknown): ParseResult {
  const result = Scenario.safeParse(input);
  if (result.success) return { ok: true, scenario: result.data };
  // The schema's cross-field check only counts the problems past the limit, in one issue carrying the count.
  let unreported = 0;
  const all = result.error.issues.filter((issue) => {
    const more: unknown = issue.code === "custom" ? issue.params?.["unreported"] : undefined;
    if (typeof more === "number") unreported += more;
    return typeof more !== "number";
  });
  const issues = all.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({
    path: formatPath(issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))),
    message: issue.message,
  }));
  if (all.length + unreported > MAX_REPORTED_ISSUES) issues.push(moreIssues(all.length + unreported - MAX_REPORTED_ISSUES));
  return { ok: false, issues };
}

/** Parses scenario text (JSON, with or without a byte-order mark), never throwing. */
export function parseScenarioText(text: string): ParseResult {
  return parseText(text, false);
}

/**
 * `parseScenarioText`, and for a file the fast path accepts, the lists resolved to indices on the way (pass them
 * to `compileMarket` as `lists`: the ids are then looked up once, not twice). Same answers and issues otherwise.
 */
export function parseScenarioTextResolved(text: string): ResolvedParseResult {
  return parseText(text, true);
}

function parseText(text: string, resolve: boolean): ResolvedParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, issues: [{ path: "(file)", message: "the file is empty; expected a JSON scenario" }] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, issues: [{ path: "(file)", message: notJson(body, error as Error) }] };
  }
  // JSON.parse keeps the last of two equal keys without a word; a scenario that says two things is refused.
  const duplicates = findDuplicateKeys(body);
  // Tight loops confirm the common valid shape; zod decides (and explains) everything else.
  const resolved = resolve ? fastValidScenarioLists(value) : undefined;
  const scenario = resolved?.scenario ?? (resolve ? undefined : fastValidScenario(value));
  const parsed: ResolvedParseResult = scenario === undefined ? parseScenario(value) : resolved === undefined ? { ok: true, scenario } : { ok: true, scenario, resolved };
  if (duplicates.length === 0) return parsed;
  return { ok: false, issues: capIssues([...duplicates, ...(parsed.ok ? [] : parsed.issues)]) };
}

/** Why the text is not JSON, with a hint for the usual causes (a binary file, NaN or Infinity written as numbers). */
function notJson(body: string, error: Error): string {
  const head = body.slice(0, 4096);
  // U+FFFD is what UTF-8 decoding makes of bytes that are not text; control characters other than white space are rare in text.
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(head)) return "not valid JSON: the file looks binary (it is not UTF-8 text); expected a JSON scenario";
  const hint = /[:\[,]\s*-?(NaN|Infinity)\b/.test(body) ? " (NaN and Infinity are not JSON numbers: write a finite number)" : "";
  return `not valid JSON: ${error.message}${hint}`;
}
