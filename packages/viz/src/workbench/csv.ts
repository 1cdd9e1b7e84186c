import type { Scenario, ScenarioIssue } from "@matchlab/core";
import Papa from "papaparse";
import type { ScenarioRun } from "../engine/runScenario.ts";

/**
 * Scenario CSV layout, one row per rank plus one row per program giving its quota:
 *
 * ```csv
 * list_owner,kind,rank,ranked_id
 * City,quota,2,
 * City,program,1,Eastman
 * Chen,applicant,1,City
 * Chen,applicant,2,Mercy
 * ```
 *
 * `kind` is `program` (a program's rank list), `applicant` (an applicant's) or `quota` (the program's number of
 * positions, in the `rank` column). An applicant who ranks nothing gets one row with `rank` and `ranked_id` empty.
 * Ranks are 1, 2, 3, … per owner, in any row order. Participants appear in order of first mention.
 */
export const CSV_HEADER = ["list_owner", "kind", "rank", "ranked_id"] as const;

export type CsvParse = { ok: true; value: unknown } | { ok: false; issues: ScenarioIssue[] };

/** Parses the layout above into a scenario-shaped value for core's `parseScenario`; reports row-level problems. */
export function scenarioFromCsv(text: string): CsvParse {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const issues: ScenarioIssue[] = parsed.errors.map((e) => ({ path: `row ${(e.row ?? 0) + 1}`, message: e.message }));
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  if (CSV_HEADER.some((name, i) => header[i] !== name)) {
    return { ok: false, issues: [{ path: "row 1", message: `expected the header ${CSV_HEADER.join(",")}, got ${JSON.stringify(rows[0]?.join(",") ?? "")}` }] };
  }
  const programs = new Map<string, { id: string; quota: unknown; ranks: Map<number, string> }>();
  const applicants = new Map<string, { id: string; ranks: Map<number, string> }>();
  for (let r = 1; r < rows.length; r++) {
    const where = `row ${r + 1}`;
    const [ownerCell = "", kindCell = "", rankCell = "", rankedCell = ""] = rows[r]!;
    const owner = unescapeCell(ownerCell.trim());
    const kind = kindCell.trim().toLowerCase();
    const ranked = unescapeCell(rankedCell.trim());
    if (owner === "") {
      issues.push({ path: where, message: "list_owner is empty" });
      continue;
    }
    if (kind === "quota") {
      const entry = programs.get(owner) ?? { id: owner, quota: undefined, ranks: new Map() };
      entry.quota = /^\d+$/.test(rankCell.trim()) ? Number(rankCell.trim()) : rankCell.trim();
      programs.set(owner, entry);
      continue;
    }
    if (kind !== "program" && kind !== "applicant") {
      issues.push({ path: where, message: `kind must be program, applicant or quota, got ${JSON.stringify(kindCell)}` });
      continue;
    }
    const entry = kind === "program" ? (programs.get(owner) ?? { id: owner, quota: undefined, ranks: new Map() }) : (applicants.get(owner) ?? { id: owner, ranks: new Map() });
    if (kind === "program") programs.set(owner, entry as { id: string; quota: unknown; ranks: Map<number, string> });
    else applicants.set(owner, entry);
    if (rankCell.trim() === "" && ranked === "") continue;
    if (!/^[1-9]\d*$/.test(rankCell.trim())) {
      issues.push({ path: where, message: `rank must be a whole number from 1, got ${JSON.stringify(rankCell)}` });
      continue;
    }
    const rank = Number(rankCell.trim());
    if (entry.ranks.has(rank)) issues.push({ path: where, message: `${owner} has two entries at rank ${rank}` });
    else entry.ranks.set(rank, ranked);
  }
  const toList = (owner: string, ranks: Map<number, string>): string[] => {
    const list: string[] = [];
    for (let k = 1; k <= ranks.size; k++) {
      const id = ranks.get(k);
      if (id === undefined) {
        issues.push({ path: owner, message: `ranks of ${owner} must run 1, 2, 3, … without gaps; rank ${k} is missing` });
        break;
      }
      list.push(id);
    }
    return list;
  };
  const value = {
    programs: [...programs.values()].map((p) => {
      if (p.quota === undefined) issues.push({ path: p.id, message: `program ${p.id} has no quota row; add one such as "${p.id},quota,1,"` });
      return { id: p.id, quota: p.quota, rol: toList(p.id, p.ranks) };
    }),
    applicants: [...applicants.values()].map((a) => ({ id: a.id, rol: toList(a.id, a.ranks) })),
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/**
 * Cells a spreadsheet would run as a formula (OWASP's list: = + - @ tab CR), and cells that already start with
 * the `'` we add, so that reading back is exact: writing prefixes every such cell with `'`, reading removes one.
 * papaparse's own pattern (/^[=+\-@\t\r].*$/) misses a formula with a newline in it, since `.` stops there.
 */
const FORMULA_START = /^['=+\-@\t\r]/;

/** Reverses the escape: `'` followed by a character of FORMULA_START was added on export. */
function unescapeCell(cell: string): string {
  return /^'['=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Writes a scenario in the layout above; cells a spreadsheet would run as formulas are defused. */
export function scenarioToCsv(scenario: Pick<Scenario, "programs" | "applicants">): string {
  const rows: Array<Array<string | number>> = [];
  for (const p of scenario.programs) {
    rows.push([p.id, "quota", p.quota, ""]);
    p.rol.forEach((id, k) => rows.push([p.id, "program", k + 1, id]));
  }
  for (const a of scenario.applicants) {
    if (a.rol.length === 0) rows.push([a.id, "applicant", "", ""]);
    a.rol.forEach((id, k) => rows.push([a.id, "applicant", k + 1, id]));
  }
  return toCsv([...CSV_HEADER], rows);
}

/** Results of both runs, one row per applicant and side: `side,applicant,program,rank` (empty when unmatched). */
export function resultsToCsv(run: ScenarioRun): string {
  const rows: Array<Array<string | number>> = [];
  for (const side of [run.applicant, run.program]) {
    for (const a of side.result.applicants) rows.push([`${side.side}-proposing`, a.id, a.program ?? "", a.rank ?? ""]);
  }
  return toCsv(["side", "applicant", "program", "rank"], rows);
}

function toCsv(fields: string[], data: Array<Array<string | number>>): string {
  // Ids such as "=HYPERLINK(…)" or "-1" are written as '=… so a spreadsheet shows them as text.
  return Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: "\r\n" }) + "\r\n";
}
