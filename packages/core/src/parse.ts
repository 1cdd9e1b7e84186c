import { fastValidScenario } from "./fastValidate.ts";
import { Scenario } from "./schema.ts";
import type { PathSegment } from "./references.ts";

/** One problem in a scenario: where it is (`applicants[12].rol[3]`) and what was expected. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

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

/** Validates a value against the scenario schema, reporting every problem at once with its path. */
export function parseScenario(input: unknown): ParseResult {
  const result = Scenario.safeParse(input);
  if (result.success) return { ok: true, scenario: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: formatPath(issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))),
    message: issue.message,
  }));
  return { ok: false, issues };
}

/** Parses scenario text (JSON, with or without a byte-order mark), never throwing. */
export function parseScenarioText(text: string): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, issues: [{ path: "(file)", message: "the file is empty; expected a JSON scenario" }] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, issues: [{ path: "(file)", message: `not valid JSON: ${(error as Error).message}` }] };
  }
  // Tight loops confirm the common valid shape; zod decides (and explains) everything else.
  const scenario = fastValidScenario(value);
  return scenario === undefined ? parseScenario(value) : { ok: true, scenario };
}
