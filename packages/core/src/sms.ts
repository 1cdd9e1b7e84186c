import { parseScenario, type ParseResult, type ScenarioIssue } from "./parse.ts";
import type { Scenario } from "./schema.ts";

/**
 * The plain-text format of the Stable Matching Suite (Bacchus, Drummond & Perrault), the public Roth–Peranson
 * implementation used in research, one participant per line:
 *
 *     r RID P1 P2 …                 a single resident and her list
 *     c CID R1 R2 P1a P1b P2a P2b … a couple, its members and its pairs in order; -1 is "No Match"
 *     p PID CAP R1 R2 …             a program, its capacity and its list
 *
 * Match files start with `m 1` (a matching follows) or `m 0` (none found), then `r RID PID` per matched resident.
 * Blank lines and lines starting with `#` are ignored when reading.
 */

const NO_MATCH = "-1";

/** True when the text looks like the suite's format rather than JSON. */
export function looksLikeSms(text: string): boolean {
  const body = text.replace(/^\uFEFF/, "").trimStart();
  return /^[rcp#]\s/.test(body) || /^[rcp]$/.test(body);
}

/** Reads the suite's text format into a scenario, validated like any scenario; problems name their line. */
export function parseSmsText(text: string): ParseResult {
  const issues: ScenarioIssue[] = [];
  const applicants: Scenario["applicants"] = [];
  const programs: Scenario["programs"] = [];
  const couples: NonNullable<Scenario["couples"]> = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, i): void => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const where = `line ${i + 1}`;
    const [kind, id, ...rest] = line.split(/\s+/);
    if (id === undefined) { issues.push({ path: where, message: `expected "${kind} ID …", got only "${kind}"` }); return; }
    if (kind === "r") {
      applicants.push({ id, rol: rest });
    } else if (kind === "c") {
      const [r1, r2, ...pairs] = rest;
      if (r1 === undefined || r2 === undefined) { issues.push({ path: where, message: "a couple line needs two resident ids: c CID R1 R2 P1a P1b …" }); return; }
      if (pairs.length % 2 !== 0) { issues.push({ path: where, message: `a couple lists programs in pairs; got ${pairs.length} program ids` }); return; }
      const rol: Array<[string | null, string | null]> = [];
      for (let k = 0; k < pairs.length; k += 2) rol.push([pairs[k] === NO_MATCH ? null : pairs[k]!, pairs[k + 1] === NO_MATCH ? null : pairs[k + 1]!]);
      couples.push({ id, members: [r1, r2], rol });
    } else if (kind === "p") {
      const [cap, ...rol] = rest;
      const quota = Number(cap);
      if (cap === undefined || !/^\d+$/.test(cap)) { issues.push({ path: where, message: `expected a capacity (a whole number) after the program id, got ${JSON.stringify(cap ?? "")}` }); return; }
      programs.push({ id, quota, rol });
    } else {
      issues.push({ path: where, message: `unknown line kind ${JSON.stringify(kind)}; expected r (resident), c (couple) or p (program)` });
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  // The suite may list couple members as residents too; they carry no list of their own here.
  const members = new Set(couples.flatMap((c) => c.members));
  const listed = applicants.filter((a) => !(members.has(a.id) && a.rol.length === 0));
  return parseScenario({ programs, applicants: listed, ...(couples.length > 0 ? { couples } : {}) });
}

/** What the suite's format cannot carry; `formatSms` drops it and lists it here. */
export function smsLosses(scenario: Scenario): string[] {
  const losses: string[] = [];
  if (scenario.applicants.some((a) => (a.supplemental?.length ?? 0) > 0)) losses.push("supplemental lists");
  if (scenario.programs.some((p) => p.revertsTo !== undefined)) losses.push("reversions (revertsTo)");
  if (scenario.programs.some((p) => p.track !== undefined && p.track !== "categorical")) losses.push("program tracks");
  if (scenario.applicants.some((a) => a.name !== undefined || a.type !== undefined) || scenario.programs.some((p) => p.name !== undefined)) losses.push("names and attributes");
  return losses;
}

const checkToken = (id: string, where: string): string => {
  if (/\s/.test(id) || id === NO_MATCH) throw new RangeError(`formatSms: ${where} id ${JSON.stringify(id)} cannot be written in the suite's format (no spaces, not -1)`);
  return id;
};

/** Writes a scenario in the suite's format: residents, then couples, then programs (see `smsLosses`). */
export function formatSms(scenario: Scenario): string {
  const couples = scenario.couples ?? [];
  const members = new Set(couples.flatMap((c) => c.members));
  const out: string[] = [];
  for (const a of scenario.applicants) if (!members.has(a.id)) out.push(["r", checkToken(a.id, "applicant"), ...a.rol].join(" "));
  couples.forEach((c, i) => {
    const pairs = c.rol.flatMap(([x, y]) => [x ?? NO_MATCH, y ?? NO_MATCH]);
    out.push(["c", checkToken(c.id ?? `couple${i}`, "couple"), checkToken(c.members[0], "applicant"), checkToken(c.members[1], "applicant"), ...pairs].join(" "));
  });
  for (const p of scenario.programs) out.push(["p", checkToken(p.id, "program"), String(p.quota), ...p.rol].join(" "));
  return out.join("\n") + "\n";
}

/** Writes a matching as a suite match file: `m 1` then `r RID PID` per matched applicant, or `m 0` when none was found. */
export function formatSmsMatching(assignments: Readonly<Record<string, string | null>>, found: boolean): string {
  if (!found) return "m 0\n";
  const lines = ["m 1"];
  for (const id of Object.keys(assignments)) {
    const program = assignments[id];
    if (program !== null && program !== undefined) lines.push(`r ${id} ${program}`);
  }
  return lines.join("\n") + "\n";
}
