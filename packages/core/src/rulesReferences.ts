/**
 * Cross-field rules for the Match's variations: reversion targets and supplemental lists (ALGORITHM.md §6.2–6.3).
 * Like references.ts it reads the value defensively, since it runs even when the structural schema failed.
 */
import type { PathSegment, ReportIssue } from "./references.ts";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isId = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** What the checks need to know about the scenario, indexed once by checkReferences. */
export interface RulesContext {
  programs: unknown[];
  applicants: unknown[];
  couples: unknown[];
  programIds: Map<string, number>;
  /** Couple member id → index of her couple. */
  coupleOf: Map<string, number>;
}

const trackOf = (ctx: RulesContext, id: string): string => {
  const program = ctx.programs[ctx.programIds.get(id) ?? -1];
  return isRecord(program) && typeof program["track"] === "string" ? program["track"] : "categorical";
};

/** `revertsTo` names another known program, and following reversions never comes back (positions would circle). */
export function checkReversions(ctx: RulesContext, report: ReportIssue): void {
  const target = ctx.programs.map((program) => (isRecord(program) && isId(program["revertsTo"]) ? program["revertsTo"] : undefined));
  target.forEach((to, i) => {
    if (to === undefined) return;
    const path: PathSegment[] = ["programs", i, "revertsTo"];
    const j = ctx.programIds.get(to);
    if (j === undefined) report(path, `unknown program ${JSON.stringify(to)}`);
    else if (j === i) report(path, "a program cannot revert positions to itself");
  });
  // Walk each chain; a chain longer than the number of programs must repeat a program.
  const reported = new Set<number>();
  target.forEach((_, i) => {
    let at: number | undefined = i;
    for (let steps = 0; at !== undefined && steps <= ctx.programs.length; steps++) {
      const to: string | undefined = target[at];
      at = to === undefined ? undefined : ctx.programIds.get(to);
      if (at === i && !reported.has(i) && target[i] !== undefined && ctx.programIds.get(target[i]!) !== i) {
        reported.add(i);
        report(["programs", i, "revertsTo"], "reversions form a cycle through this program: unfilled positions would circle forever");
        return;
      }
    }
  });
}

/** The programs an applicant can hold as her primary match: her own list, or her side of her couple's pairs. */
function primaryPrograms(ctx: RulesContext, applicant: Record<string, unknown>): Set<string> {
  const id = applicant["id"];
  const out = new Set<string>();
  for (const p of arrayOf(applicant["rol"])) if (isId(p)) out.add(p);
  const c = isId(id) ? ctx.coupleOf.get(id) : undefined;
  const couple = c === undefined ? undefined : ctx.couples[c];
  if (!isRecord(couple)) return out;
  const side = arrayOf(couple["members"]).indexOf(id);
  for (const pair of arrayOf(couple["rol"])) {
    const p = arrayOf(pair)[side];
    if (isId(p)) out.add(p);
  }
  return out;
}

/**
 * Supplemental lists: known preliminary programs, none twice; each linked to advanced programs she can hold as
 * her primary match, and no advanced program linked to two lists (which one would apply would be ambiguous).
 */
export function checkSupplemental(ctx: RulesContext, report: ReportIssue): void {
  ctx.applicants.forEach((applicant, i) => {
    if (!isRecord(applicant)) return;
    const lists = arrayOf(applicant["supplemental"]);
    if (lists.length === 0) return;
    const primary = primaryPrograms(ctx, applicant);
    const linkedBy = new Map<string, number>();
    lists.forEach((list, k) => {
      if (!isRecord(list)) return;
      const base: PathSegment[] = ["applicants", i, "supplemental", k];
      const seen = new Map<string, number>();
      arrayOf(list["rol"]).forEach((p, j) => {
        if (!isId(p)) return;
        const path = [...base, "rol", j];
        if (!ctx.programIds.has(p)) report(path, `unknown program ${JSON.stringify(p)}`);
        else if (trackOf(ctx, p) !== "preliminary") report(path, `${JSON.stringify(p)} is a ${trackOf(ctx, p)} program; a supplemental list ranks preliminary (PGY-1) programs`);
        const first = seen.get(p);
        if (first === undefined) seen.set(p, j);
        else report(path, `${JSON.stringify(p)} is ranked twice in this list (first at rank ${first + 1})`);
      });
      arrayOf(list["linkedTo"]).forEach((p, j) => {
        if (!isId(p)) return;
        const path = [...base, "linkedTo", j];
        if (!ctx.programIds.has(p)) return report(path, `unknown program ${JSON.stringify(p)}`);
        if (trackOf(ctx, p) !== "advanced") return report(path, `${JSON.stringify(p)} is a ${trackOf(ctx, p)} program; supplemental lists link to advanced (PGY-2) programs`);
        if (!primary.has(p)) return report(path, `${JSON.stringify(p)} is not on her primary list: a supplemental list links to advanced programs she ranked`);
        const other = linkedBy.get(p);
        if (other === undefined) linkedBy.set(p, k);
        else report(path, `${JSON.stringify(p)} is already linked to supplemental[${other}]: each advanced program has at most one supplemental list`);
      });
    });
  });
}
