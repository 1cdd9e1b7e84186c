/**
 * Cross-field rules of the scenario format: unique ids, no entry twice in one list, every reference known.
 *
 * It runs even when the structural schema already failed (so that one pass reports every problem), so it reads
 * the value as `unknown` and skips whatever is malformed: the schema reports those places itself.
 */

import { checkReversions, checkSupplemental } from "./rulesReferences.ts";

export type PathSegment = string | number;
export type ReportIssue = (path: PathSegment[], message: string) => void;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isId = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const arrayAt = (value: unknown, key: string): unknown[] =>
  isRecord(value) && Array.isArray(value[key]) ? (value[key] as unknown[]) : [];

/** Indexes the ids of one participant list, reporting duplicates; returns id → index of the first occurrence. */
function indexIds(entries: unknown[], section: string, report: ReportIssue): Map<string, number> {
  const firstAt = new Map<string, number>();
  entries.forEach((entry, i) => {
    const id = isRecord(entry) ? entry["id"] : undefined;
    if (!isId(id)) return;
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, i);
    else report([section, i, "id"], `duplicate id ${JSON.stringify(id)} (first at ${section}[${first}])`);
  });
  return firstAt;
}

/** Checks one rank order list: every entry known, none twice. */
function checkList(list: unknown, path: PathSegment[], known: ReadonlySet<string> | Map<string, unknown>, kind: string, report: ReportIssue): void {
  if (!Array.isArray(list)) return;
  const seenAt = new Map<string, number>();
  list.forEach((entry, j) => {
    if (!isId(entry)) return;
    if (!known.has(entry)) report([...path, j], `unknown ${kind} ${JSON.stringify(entry)}`);
    const first = seenAt.get(entry);
    if (first === undefined) seenAt.set(entry, j);
    else report([...path, j], `${JSON.stringify(entry)} is ranked twice in this list (first at rank ${first + 1})`);
  });
}

export function checkReferences(value: unknown, report: ReportIssue): void {
  const programs = arrayAt(value, "programs");
  const applicants = arrayAt(value, "applicants");
  const couples = arrayAt(value, "couples");
  const programIds = indexIds(programs, "programs", report);
  const applicantIds = indexIds(applicants, "applicants", report);

  // Couple members are applicants too: programs rank them, and they may (but need not) appear in `applicants`
  // to carry attributes, as long as they have no individual list there.
  const coupleOf = new Map<string, number>();
  couples.forEach((couple, c) => {
    const members = isRecord(couple) && Array.isArray(couple["members"]) ? couple["members"] : [];
    members.forEach((member, m) => {
      if (!isId(member)) return;
      const other = coupleOf.get(member);
      if (other !== undefined) {
        const where = other === c ? "twice in this couple" : `already in couples[${other}]`;
        report(["couples", c, "members", m], `${JSON.stringify(member)} is ${where}: a member appears in only one couple`);
        return;
      }
      coupleOf.set(member, c);
      const asApplicant = applicantIds.get(member);
      const ownList = asApplicant === undefined ? undefined : arrayAt(applicants[asApplicant], "rol");
      if (asApplicant !== undefined && ownList !== undefined && ownList.length > 0) {
        report(["applicants", asApplicant, "rol"], `${JSON.stringify(member)} is in couples[${c}]: a couple member has no individual list`);
      }
    });
  });

  const rankable = new Set<string>(applicantIds.keys());
  for (const member of coupleOf.keys()) rankable.add(member);

  applicants.forEach((applicant, i) => checkList(isRecord(applicant) ? applicant["rol"] : undefined, ["applicants", i, "rol"], programIds, "program", report));
  programs.forEach((program, i) => checkList(isRecord(program) ? program["rol"] : undefined, ["programs", i, "rol"], rankable, "applicant", report));
  couples.forEach((couple, c) => checkCoupleList(isRecord(couple) ? couple["rol"] : undefined, c, programIds, report));
  const context = { programs, applicants, couples, programIds, coupleOf };
  checkReversions(context, report);
  checkSupplemental(context, report);
}

/** A couple's list: known programs, and no pair twice. */
function checkCoupleList(list: unknown, c: number, programIds: Map<string, number>, report: ReportIssue): void {
  if (!Array.isArray(list)) return;
  const seenAt = new Map<string, number>();
  list.forEach((pair, j) => {
    if (!Array.isArray(pair)) return;
    pair.forEach((entry, m) => {
      if (isId(entry) && !programIds.has(entry)) report(["couples", c, "rol", j, m], `unknown program ${JSON.stringify(entry)}`);
    });
    const key = JSON.stringify(pair);
    const first = seenAt.get(key);
    if (first === undefined) seenAt.set(key, j);
    else report(["couples", c, "rol", j], `the pair ${key} is ranked twice in this list (first at rank ${first + 1})`);
  });
}
