import type { Scenario } from "@matchlab/core";

/**
 * The workbench's editable copy of a scenario. Quotas stay as typed text so that a half-typed or wrong value is
 * kept, shown and reported by core's validator with the CLI's message, instead of being silently coerced.
 */
export interface DraftProgram {
  id: string;
  quota: string;
  rol: string[];
  /** Fields the editor does not edit (track, reversion target, even-number request, names, …), kept as imported. */
  extra?: Record<string, unknown>;
}
export interface DraftApplicant {
  id: string;
  rol: string[];
  /** Fields the editor does not edit (supplemental lists, profile, …), kept as imported. */
  extra?: Record<string, unknown>;
}
export interface Draft {
  name: string;
  description: string;
  programs: DraftProgram[];
  applicants: DraftApplicant[];
  /** Couples as imported: the editor does not edit them, but never drops them either. */
  couples?: unknown[];
}

/** The fields of `value` other than `edited`, or undefined when there are none. */
function extraOf(value: object, edited: readonly string[]): Record<string, unknown> | undefined {
  const rest = Object.fromEntries(Object.entries(value).filter(([k, v]) => !edited.includes(k) && v !== undefined));
  return Object.keys(rest).length === 0 ? undefined : rest;
}
const withExtra = <T extends object>(base: T, extra: Record<string, unknown> | undefined): T => (extra === undefined ? base : { ...base, extra });

/** Whether the draft carries rules the editor cannot show (couples, supplemental lists, reversions, …). */
export function keptRules(draft: Draft): string[] {
  const found: string[] = [];
  if ((draft.couples ?? []).length > 0) found.push("couples");
  if (draft.applicants.some((a) => a.extra?.["supplemental"] !== undefined)) found.push("supplemental lists");
  if (draft.programs.some((p) => p.extra?.["revertsTo"] !== undefined || p.extra?.["reversion"] !== undefined)) found.push("reversions");
  if (draft.programs.some((p) => p.extra?.["evenOnly"] === true)) found.push("even-number requests");
  if (draft.programs.some((p) => p.extra?.["track"] !== undefined)) found.push("program tracks");
  return found;
}
export type Side = "programs" | "applicants";

export function draftFromScenario(scenario: Scenario): Draft {
  return {
    name: scenario.name ?? "",
    description: scenario.description ?? "",
    programs: scenario.programs.map((p) => withExtra({ id: p.id, quota: String(p.quota), rol: [...p.rol] }, extraOf(p, ["id", "quota", "rol"]))),
    applicants: scenario.applicants.map((a) => withExtra({ id: a.id, rol: [...a.rol] }, extraOf(a, ["id", "rol"]))),
    ...(scenario.couples === undefined ? {} : { couples: structuredClone(scenario.couples) }),
  };
}

/** The value handed to core's `parseScenario`: numeric quota text becomes a number, anything else stays text. */
export function draftToInput(draft: Draft): unknown {
  return {
    ...(draft.name === "" ? {} : { name: draft.name }),
    ...(draft.description === "" ? {} : { description: draft.description }),
    programs: draft.programs.map((p) => ({ ...p.extra, id: p.id, quota: /^\s*-?\d+(\.\d+)?\s*$/.test(p.quota) ? Number(p.quota) : p.quota, rol: p.rol })),
    applicants: draft.applicants.map((a) => ({ ...a.extra, id: a.id, rol: a.rol })),
    ...(draft.couples === undefined ? {} : { couples: draft.couples }),
  };
}

/** Shape check for a draft read back from storage or a shared link (anything else is treated as corrupt). */
export function isDraft(value: unknown): value is Draft {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const strings = (x: unknown): boolean => Array.isArray(x) && x.every((s) => typeof s === "string");
  const extraOk = (x: Record<string, unknown>): boolean => x["extra"] === undefined || (typeof x["extra"] === "object" && x["extra"] !== null && !Array.isArray(x["extra"]));
  return (
    typeof v["name"] === "string" &&
    typeof v["description"] === "string" &&
    Array.isArray(v["programs"]) &&
    v["programs"].every((p: Record<string, unknown>) => typeof p === "object" && p !== null && typeof p["id"] === "string" && typeof p["quota"] === "string" && strings(p["rol"]) && extraOk(p)) &&
    Array.isArray(v["applicants"]) &&
    v["applicants"].every((a: Record<string, unknown>) => typeof a === "object" && a !== null && typeof a["id"] === "string" && strings(a["rol"]) && extraOk(a)) &&
    (v["couples"] === undefined || Array.isArray(v["couples"]))
  );
}

/** A fresh id like `P4` not used on either side. */
export function freshId(draft: Draft, prefix: string): string {
  const used = new Set([...draft.programs.map((p) => p.id), ...draft.applicants.map((a) => a.id)]);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function addProgram(draft: Draft): Draft {
  return { ...draft, programs: [...draft.programs, { id: freshId(draft, "Program "), quota: "1", rol: [] }] };
}

export function addApplicant(draft: Draft): Draft {
  return { ...draft, applicants: [...draft.applicants, { id: freshId(draft, "Applicant "), rol: [] }] };
}

/** Removes a participant and every rank of it on the other side's lists. */
export function removeParticipant(draft: Draft, side: Side, index: number): Draft {
  const id = draft[side][index]?.id;
  if (id === undefined) return draft;
  if (side === "programs") {
    return { ...draft, programs: draft.programs.filter((_, i) => i !== index), applicants: draft.applicants.map((a) => ({ ...a, rol: a.rol.filter((r) => r !== id) })) };
  }
  return { ...draft, applicants: draft.applicants.filter((_, i) => i !== index), programs: draft.programs.map((p) => ({ ...p, rol: p.rol.filter((r) => r !== id) })) };
}

/** Sets an id as typed, leaving other lists alone (a half-typed id must not rewrite them). */
export function setId(draft: Draft, side: Side, index: number, id: string): Draft {
  return side === "programs"
    ? { ...draft, programs: draft.programs.map((p, i) => (i === index ? { ...p, id } : p)) }
    : { ...draft, applicants: draft.applicants.map((a, i) => (i === index ? { ...a, id } : a)) };
}

/** Once an edit of an id is committed, renames it on the other side's lists, if the new id is unused there. */
export function renameReferences(draft: Draft, side: Side, from: string, to: string): Draft {
  if (from === to || from === "") return draft;
  const owners = side === "programs" ? draft.programs : draft.applicants;
  if (owners.filter((o) => o.id === to).length !== 1 || owners.some((o) => o.id === from)) return draft;
  const swap = (rol: string[]): string[] => rol.map((r) => (r === from ? to : r));
  const renamed: Draft =
    side === "programs"
      ? { ...draft, applicants: draft.applicants.map((a) => ({ ...a, rol: swap(a.rol) })) }
      : { ...draft, programs: draft.programs.map((p) => ({ ...p, rol: swap(p.rol) })) };
  return renameInKeptRules(renamed, side, from, to);
}

/**
 * The same rename inside what the editor keeps but does not show: couple members (applicants), couple pairs,
 * supplemental lists and reversion targets (programs). Ids are matched whole, field by field, never as text.
 */
function renameInKeptRules(draft: Draft, side: Side, from: string, to: string): Draft {
  const one = (id: unknown): unknown => (id === from ? to : id);
  const couples = draft.couples?.map((c) => {
    const couple = c as { members?: unknown[]; rol?: unknown[] };
    if (side === "applicants") return { ...couple, members: couple.members?.map(one) };
    return { ...couple, rol: couple.rol?.map((pair) => (Array.isArray(pair) ? pair.map(one) : pair)) };
  });
  const next: Draft = couples === undefined ? draft : { ...draft, couples };
  if (side === "applicants") return next;
  return {
    ...next,
    programs: next.programs.map((p) => (p.extra?.["revertsTo"] === from ? { ...p, extra: { ...p.extra, revertsTo: to } } : p)),
    applicants: next.applicants.map((a) => {
      const lists = a.extra?.["supplemental"];
      if (!Array.isArray(lists)) return a;
      const supplemental = lists.map((l: { rol?: unknown[]; linkedTo?: unknown[] }) => ({ ...l, rol: l.rol?.map(one), linkedTo: l.linkedTo?.map(one) }));
      return { ...a, extra: { ...a.extra, supplemental } };
    }),
  };
}

export function setQuota(draft: Draft, index: number, quota: string): Draft {
  return { ...draft, programs: draft.programs.map((p, i) => (i === index ? { ...p, quota } : p)) };
}

function mapList(draft: Draft, side: Side, index: number, f: (rol: string[]) => string[]): Draft {
  return side === "programs"
    ? { ...draft, programs: draft.programs.map((p, i) => (i === index ? { ...p, rol: f(p.rol) } : p)) }
    : { ...draft, applicants: draft.applicants.map((a, i) => (i === index ? { ...a, rol: f(a.rol) } : a)) };
}

/** Moves rank `from` to position `to` (0-based) in one list. */
export function moveRank(draft: Draft, side: Side, index: number, from: number, to: number): Draft {
  return mapList(draft, side, index, (rol) => {
    if (from < 0 || from >= rol.length) return rol;
    const next = [...rol];
    const [id] = next.splice(from, 1);
    next.splice(Math.max(0, Math.min(to, next.length)), 0, id!);
    return next;
  });
}

export function addRank(draft: Draft, side: Side, index: number, id: string): Draft {
  return mapList(draft, side, index, (rol) => [...rol, id]);
}

export function removeRank(draft: Draft, side: Side, index: number, rank: number): Draft {
  return mapList(draft, side, index, (rol) => rol.filter((_, i) => i !== rank));
}
