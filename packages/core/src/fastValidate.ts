import { pointerArrayFor, type PointerArray } from "./pointerArray.ts";
import { MAX_QUOTA, type Scenario } from "./schema.ts";

/**
 * A fast path for `parseScenarioText`: answers "certainly valid" for the common shape of a scenario with tight
 * loops (about 10× faster than the zod schema plus `checkReferences` on an NRMP-scale file), and "don't know" for
 * everything else, which zod then decides and explains. So it can never accept what zod rejects, and every error
 * message still comes from zod: the cost of a bad file is one wasted fast pass.
 *
 * It reads only values made by `JSON.parse` (plain objects, arrays, strings, finite numbers, booleans, null) and
 * says "don't know" for anything rare: couples, expected results, unknown keys (zod would strip them, so the value
 * could not be returned as is). The rules here mirror schema.ts and references.ts; test/core/fastValidate.test.ts
 * checks that both paths agree on valid, mutated and random scenarios.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const isScore = (v: unknown): boolean => typeof v === "number" && v >= 0 && v <= 300;
const PROGRAM_VISAS = new Set(["none", "j1", "h1b"]);
const APPLICANT_TYPES = new Set(["us-md", "us-do", "us-img", "non-us-img", "other"]);
// A track alone has no cross-field rule (those come with supplemental lists, which take the zod path).
const PROGRAM_TRACKS = new Set(["categorical", "preliminary", "advanced", "primary"]);

function programFieldsOk(program: Record<string, unknown>): boolean {
  for (const key in program) {
    const v = program[key];
    switch (key) {
      case "id": if (!isId(v)) return false; break;
      case "quota": if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > MAX_QUOTA) return false; break;
      case "rol": if (!Array.isArray(v)) return false; break;
      case "name": case "specialty": case "region": if (typeof v !== "string") return false; break;
      case "visa": if (typeof v !== "string" || !PROGRAM_VISAS.has(v)) return false; break;
      case "scoreScreen": if (!isScore(v)) return false; break;
      case "imgFriendly": if (typeof v !== "boolean") return false; break;
      case "track": if (typeof v !== "string" || !PROGRAM_TRACKS.has(v)) return false; break;
      default: return false;
    }
  }
  return program["id"] !== undefined && program["quota"] !== undefined && program["rol"] !== undefined;
}

function applicantFieldsOk(applicant: Record<string, unknown>): boolean {
  for (const key in applicant) {
    const v = applicant[key];
    switch (key) {
      case "id": if (!isId(v)) return false; break;
      case "rol": if (!Array.isArray(v)) return false; break;
      case "name": case "region": if (typeof v !== "string") return false; break;
      case "type": if (typeof v !== "string" || !APPLICANT_TYPES.has(v)) return false; break;
      case "step2ck": if (!isScore(v)) return false; break;
      case "needsVisa": if (typeof v !== "boolean") return false; break;
      case "usceMonths": if (typeof v !== "number" || v < 0) return false; break;
      case "specialties":
        if (!Array.isArray(v)) return false;
        for (const s of v) if (typeof s !== "string") return false;
        break;
      default: return false;
    }
  }
  return applicant["id"] !== undefined && applicant["rol"] !== undefined;
}

/** id → index over one side, or undefined when an entry is malformed or an id repeats. */
function indexSide(entries: unknown[], fieldsOk: (entry: Record<string, unknown>) => boolean): Map<string, number> | undefined {
  const index = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!isObject(entry) || !fieldsOk(entry)) return undefined;
    const id = entry["id"] as string;
    if (index.has(id)) return undefined;
    index.set(id, i);
  }
  return index;
}

/** One side's lists resolved to indices, in CSR form: list i is `rol[start[i]] … rol[start[i + 1] - 1]`. */
export interface ResolvedLists {
  start: Uint32Array;
  rol: PointerArray;
}

/**
 * Every list on one side names only known ids, each at most once (`seen[x] === i + 1` marks x in list i). With
 * `out`, the indices found are written there too, so a compiler need not look the ids up a second time.
 */
function listsOk(entries: unknown[], known: Map<string, number>, out?: ResolvedLists): boolean {
  const seen = new Int32Array(known.size);
  const rol = out?.rol;
  for (let i = 0, k = 0; i < entries.length; i++) {
    const list = (entries[i] as Record<string, unknown>)["rol"] as unknown[];
    const mark = i + 1;
    for (let j = 0, len = list.length; j < len; j++) {
      const id = list[j];
      if (typeof id !== "string") return false;
      const x = known.get(id);
      if (x === undefined || seen[x] === mark) return false;
      seen[x] = mark;
      if (rol !== undefined) rol[k++] = x;
    }
  }
  return true;
}

/** Empty CSR arrays sized for the lists of `entries` (already checked to be arrays), indices up to `maxIndex`. */
function csrFor(entries: unknown[], maxIndex: number): ResolvedLists {
  const start = new Uint32Array(entries.length + 1);
  for (let i = 0; i < entries.length; i++) start[i + 1] = start[i]! + ((entries[i] as Record<string, unknown>)["rol"] as unknown[]).length;
  return { start, rol: new (pointerArrayFor(Math.max(maxIndex, 0)))(start[entries.length]!) };
}

/** A scenario the fast path accepted, with both sides' lists already resolved to indices (see `compileMarket`'s `lists`). */
export interface FastValidResult {
  scenario: Scenario;
  applicantLists: ResolvedLists;
  programLists: ResolvedLists;
}

/** The scenario itself when `value` (from `JSON.parse`) is certainly valid and zod would return it unchanged; else undefined. */
export function fastValidScenario(value: unknown): Scenario | undefined {
  return fastValidate(value, false)?.scenario;
}

/** Like `fastValidScenario`, and also returns the lists resolved to indices while checking them. */
export function fastValidScenarioLists(value: unknown): FastValidResult | undefined {
  return fastValidate(value, true) as FastValidResult | undefined;
}

function fastValidate(value: unknown, resolve: boolean): Partial<FastValidResult> & { scenario: Scenario } | undefined {
  if (!isObject(value)) return undefined;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case "$schema": case "name": case "description": if (typeof v !== "string") return undefined; break;
      case "programs": case "applicants": if (!Array.isArray(v)) return undefined; break;
      case "couples": if (!Array.isArray(v) || v.length > 0) return undefined; break;
      default: return undefined;
    }
  }
  const programs = value["programs"] as unknown[] | undefined;
  const applicants = value["applicants"] as unknown[] | undefined;
  if (programs === undefined || applicants === undefined) return undefined;
  const programIndex = indexSide(programs, programFieldsOk);
  const applicantIndex = programIndex === undefined ? undefined : indexSide(applicants, applicantFieldsOk);
  if (programIndex === undefined || applicantIndex === undefined) return undefined;
  const applicantLists = resolve ? csrFor(applicants, programs.length - 1) : undefined;
  const programLists = resolve ? csrFor(programs, applicants.length - 1) : undefined;
  if (!listsOk(applicants, programIndex, applicantLists) || !listsOk(programs, applicantIndex, programLists)) return undefined;
  const scenario = value as Scenario;
  return applicantLists === undefined || programLists === undefined ? { scenario } : { scenario, applicantLists, programLists };
}
