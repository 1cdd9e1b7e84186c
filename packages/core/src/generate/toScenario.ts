import type { Applicant, Couple, Program, Scenario, SupplementalList } from "../schema.ts";
import { APPLICANT_TYPES, NONE, REGIONS, TRACKS, VISA_KINDS, generatedTracks, type GeneratedMarket } from "./generatedMarket.ts";

/** Program `p` of a generated market in scenario form (string ids, attributes as schema fields). */
export function scenarioProgram(market: GeneratedMarket, p: number): Program {
  const { applicantIds, progStart, progRol, specialties } = market;
  const id = market.programIds[p]!;
  const rol: string[] = [];
  for (let e = progStart[p]!; e < progStart[p + 1]!; e++) rol.push(applicantIds[progRol[e]!]!);
  const program: Program = { id, quota: market.quota[p]!, rol };
  const pc = market.programs;
  if (pc !== undefined) {
    const specialty = specialties[pc.specialty[p]!]!;
    const region = REGIONS[pc.region[p]!]!;
    program.name = `${specialty} program ${id}, ${region}`;
    program.specialty = specialty;
    program.visa = VISA_KINDS[pc.visa[p]!]!;
    program.scoreScreen = pc.scoreScreen[p]!;
    program.imgFriendly = pc.imgFriendly[p] === 1;
    program.region = region;
  }
  // Only non-categorical tracks are written: an absent track means categorical (schema.ts).
  const track = TRACKS[generatedTracks(market)?.[p] ?? 0]!;
  if (track !== "categorical") program.track = track;
  const target = market.revertsTo?.[p] ?? -1;
  if (target >= 0) program.revertsTo = market.programIds[target]!;
  return program;
}

/** Applicant `a` of a generated market in scenario form. */
export function scenarioApplicant(market: GeneratedMarket, a: number): Applicant {
  const { programIds, appStart, appRol, specialties } = market;
  const rol: string[] = [];
  for (let e = appStart[a]!; e < appStart[a + 1]!; e++) rol.push(programIds[appRol[e]!]!);
  const applicant: Applicant = { id: market.applicantIds[a]!, rol };
  const ac = market.applicants;
  if (ac !== undefined) {
    applicant.type = APPLICANT_TYPES[ac.type[a]!]!;
    applicant.step2ck = ac.step2ck[a]!;
    applicant.needsVisa = ac.needsVisa[a] === 1;
    applicant.usceMonths = ac.usceMonths[a]!;
    applicant.region = REGIONS[ac.region[a]!]!;
    const target = specialties[ac.specialty[a]!]!;
    const backup = ac.backup[a]!;
    applicant.specialties = backup === NONE ? [target] : [target, specialties[backup]!];
  }
  const supplemental = scenarioSupplemental(market, a);
  if (supplemental.length > 0) applicant.supplemental = supplemental;
  return applicant;
}

/** Applicant `a`'s supplemental lists in scenario form (her lists are consecutive: a binary search finds them). */
function scenarioSupplemental(market: GeneratedMarket, a: number): SupplementalList[] {
  const s = market.supplemental;
  if (s === undefined) return [];
  let lo = 0;
  let hi = s.owner.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s.owner[mid]! < a) lo = mid + 1;
    else hi = mid;
  }
  const lists: SupplementalList[] = [];
  const id = (p: number): string => market.programIds[p]!;
  for (let l = lo; l < s.owner.length && s.owner[l] === a; l++) {
    lists.push({ rol: Array.from(s.rol.subarray(s.start[l]!, s.start[l + 1]!), id), linkedTo: Array.from(s.linkProg.subarray(s.linkStart[l]!, s.linkStart[l + 1]!), id) });
  }
  return lists;
}

/** Couple `c` of a generated market in scenario form (`null` is "No Match" for that partner). */
export function scenarioCouple(market: GeneratedMarket, c: number): Couple {
  const { members, start, rol } = market.couples!;
  const id = (p: number): string | null => (p < 0 ? null : market.programIds[p]!);
  const pairs: Couple["rol"] = [];
  for (let k = start[c]!; k < start[c + 1]!; k++) pairs.push([id(rol[2 * k]!), id(rol[2 * k + 1]!)]);
  return { members: [market.applicantIds[members[2 * c]!]!, market.applicantIds[members[2 * c + 1]!]!], rol: pairs };
}

const coupleCount = (market: GeneratedMarket): number => (market.couples === undefined ? 0 : market.couples.start.length - 1);

/**
 * The string-id view of a generated market, for writing JSON or showing in the app: one object per participant,
 * so build it only when needed (`scenarioJsonChunks` writes JSON without holding them all).
 */
export function toScenario(market: GeneratedMarket): Scenario {
  return {
    name: market.name,
    description: market.description,
    programs: Array.from({ length: market.nP }, (_, p) => scenarioProgram(market, p)),
    applicants: Array.from({ length: market.nA }, (_, a) => scenarioApplicant(market, a)),
    ...(market.couples === undefined ? {} : { couples: Array.from({ length: coupleCount(market) }, (_, c) => scenarioCouple(market, c)) }),
  };
}

/**
 * The JSON text of `toScenario(market)`, one participant per line, as a sequence of chunks: a million-applicant
 * market is written without ever holding the whole string or every object (the CLI streams these to disk).
 */
export function* scenarioJsonChunks(market: GeneratedMarket): Generator<string> {
  yield `{"name":${JSON.stringify(market.name)},"description":${JSON.stringify(market.description)},\n"programs":[\n`;
  const batch: string[] = [];
  const flush = function* (last: boolean): Generator<string> {
    if (batch.length > 0) yield batch.join(",\n") + (last ? "\n" : ",\n");
    batch.length = 0;
  };
  for (let p = 0; p < market.nP; p++) {
    batch.push(JSON.stringify(scenarioProgram(market, p)));
    if (batch.length === 1000 && p < market.nP - 1) yield* flush(false);
  }
  yield* flush(true);
  yield `],\n"applicants":[\n`;
  for (let a = 0; a < market.nA; a++) {
    batch.push(JSON.stringify(scenarioApplicant(market, a)));
    if (batch.length === 1000 && a < market.nA - 1) yield* flush(false);
  }
  yield* flush(true);
  if (market.couples === undefined) {
    yield "]}\n";
    return;
  }
  yield `],\n"couples":[\n`;
  const couples = coupleCount(market);
  for (let c = 0; c < couples; c++) {
    batch.push(JSON.stringify(scenarioCouple(market, c)));
    if (batch.length === 1000 && c < couples - 1) yield* flush(false);
  }
  yield* flush(true);
  yield "]}\n";
}
