import { APPLICANT_TYPES, NONE, REGIONS, TRACKS, VISA_KINDS, sequentialIds, type ApplicantColumns, type GeneratedMarket, type ProgramColumns } from "./generate/generatedMarket.ts";
import { ScenarioError } from "./parse.ts";

/**
 * The `.mlm` binary market format: what a generated market holds, stored as raw little-endian typed arrays so
 * that a million-applicant market loads in well under a second (JSON takes minutes at that size).
 *
 *   bytes 0–3  "MLM1"
 *   bytes 4–7  header length H (uint32)
 *   then H bytes of UTF-8 JSON header, then each section in header order, every one starting at a multiple of 8.
 *
 * The header carries name, description, nA, nP, programIds, specialties and `sections: [{ name, type, length }]`.
 * Applicant ids are not stored: they are `sequentialIds("a", nA)`.
 */
export const MARKET_FILE_MAGIC = "MLM1";
const VERSION = 1;

type ArrayType = "u8" | "u16" | "u32" | "i32";
const CONSTRUCTORS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array } as const;
type Section = { name: string; type: ArrayType; length: number };
type AnyArray = Uint8Array | Uint16Array | Uint32Array | Int32Array;

const typeOf = (array: AnyArray): ArrayType =>
  array instanceof Uint8Array ? "u8" : array instanceof Uint16Array ? "u16" : array instanceof Uint32Array ? "u32" : "i32";
const align8 = (n: number): number => (n + 7) & ~7;

const APPLICANT_FIELDS = ["type", "step2ck", "needsVisa", "usceMonths", "region", "specialty", "backup"] as const;
const PROGRAM_FIELDS = ["specialty", "visa", "scoreScreen", "imgFriendly", "region", "track"] as const;

/** Encodes a generated market as `.mlm` bytes. */
export function encodeMarketFile(market: GeneratedMarket): Uint8Array {
  const arrays: Array<[string, AnyArray]> = [
    ["appStart", market.appStart], ["appRol", market.appRol], ["progStart", market.progStart], ["progRol", market.progRol], ["quota", market.quota],
  ];
  if (market.applicants !== undefined) for (const f of APPLICANT_FIELDS) arrays.push([`applicants.${f}`, market.applicants[f]]);
  if (market.programs !== undefined) for (const f of PROGRAM_FIELDS) arrays.push([`programs.${f}`, market.programs[f]]);
  if (market.couples !== undefined) {
    arrays.push(["couples.members", market.couples.members], ["couples.start", market.couples.start], ["couples.rol", market.couples.rol]);
  }
  const sections: Section[] = arrays.map(([name, array]) => ({ name, type: typeOf(array), length: array.length }));
  const header = new TextEncoder().encode(JSON.stringify({
    format: "matchlab-market", version: VERSION, name: market.name, description: market.description,
    nA: market.nA, nP: market.nP, programIds: market.programIds, specialties: market.specialties, sections,
  }));
  let size = align8(8 + header.length);
  for (const [, array] of arrays) size += align8(array.byteLength);
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode(MARKET_FILE_MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, header.length, true);
  bytes.set(header, 8);
  let offset = align8(8 + header.length);
  for (const [, array] of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset += align8(array.byteLength);
  }
  return bytes;
}

/** True when the bytes start with the `.mlm` magic. */
export const isMarketFile = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) === MARKET_FILE_MAGIC;

const bad = (path: string, message: string): never => {
  throw new ScenarioError([{ path, message }]);
};

/**
 * Decodes `.mlm` bytes into a generated market, checking structure (offsets, index ranges, no entry twice in a
 * list, attribute codes) so that a damaged file gives a clear error rather than a wrong match. Sections are
 * zero-copy views when the bytes are 8-byte aligned. Throws `ScenarioError`.
 */
export function decodeMarketFile(input: Uint8Array): GeneratedMarket {
  if (!isMarketFile(input)) bad("(file)", `not a matchlab market file (expected the magic "${MARKET_FILE_MAGIC}")`);
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) bad("(file)", "market files need a little-endian machine");
  if (input.length < 8) bad("(file)", "the file is truncated (shorter than its 8-byte preamble)");
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (8 + headerLength > bytes.length) bad("header", "the file is truncated (header runs past the end)");
  let header: { version?: unknown; name?: unknown; description?: unknown; nA?: unknown; nP?: unknown; programIds?: unknown; specialties?: unknown; sections?: unknown };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as typeof header;
  } catch (error) {
    return bad("header", `not valid JSON: ${(error as Error).message}`);
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) bad("header", "expected a JSON object");
  if (header.version !== VERSION) bad("header.version", `expected version ${VERSION}, got ${JSON.stringify(header.version)}`);
  const nA = header.nA;
  const nP = header.nP;
  if (!Number.isSafeInteger(nA) || (nA as number) < 0) bad("header.nA", "expected a non-negative integer");
  if (!Number.isSafeInteger(nP) || (nP as number) < 0) bad("header.nP", "expected a non-negative integer");
  const programIds = header.programIds;
  if (!Array.isArray(programIds) || programIds.length !== nP || !programIds.every((id) => typeof id === "string" && id.length > 0)) {
    bad("header.programIds", `expected ${String(nP)} non-empty ids`);
  }
  const specialties = Array.isArray(header.specialties) ? header.specialties.map(String) : [];
  if (!Array.isArray(header.sections)) bad("header.sections", "expected a list of sections");

  const found = new Map<string, AnyArray>();
  let offset = align8(8 + headerLength);
  for (const [i, section] of (header.sections as Section[]).entries()) {
    // An own-key lookup, so a section typed "constructor" cannot reach Object.prototype.
    const ctor = typeof section?.type === "string" && Object.hasOwn(CONSTRUCTORS, section.type) ? CONSTRUCTORS[section.type] : undefined;
    if (ctor === undefined || !Number.isSafeInteger(section.length) || section.length < 0) return bad(`header.sections[${i}]`, "expected { name, type: u8|u16|u32|i32, length }");
    const byteLength = section.length * ctor.BYTES_PER_ELEMENT;
    if (offset + byteLength > bytes.length) bad(`sections.${section.name}`, "the file is truncated (section runs past the end)");
    found.set(section.name, new ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, section.length));
    offset += align8(byteLength);
  }
  const take = <T extends AnyArray>(name: string, length: number, types: ArrayType[]): T => {
    const array = found.get(name);
    if (array === undefined) return bad(`sections.${name}`, "missing");
    if (!types.includes(typeOf(array))) bad(`sections.${name}`, `expected type ${types.join(" or ")}`);
    if (length >= 0 && array.length !== length) bad(`sections.${name}`, `expected length ${length}, got ${array.length}`);
    return array as T;
  };
  const na = nA as number;
  const np = nP as number;
  const appStart = take<Uint32Array>("appStart", na + 1, ["u32"]);
  const progStart = take<Uint32Array>("progStart", np + 1, ["u32"]);
  const appRol = take<Uint8Array | Uint16Array | Uint32Array>("appRol", -1, ["u8", "u16", "u32"]);
  const progRol = take<Uint8Array | Uint16Array | Uint32Array>("progRol", -1, ["u8", "u16", "u32"]);
  checkLists("appRol", appStart, appRol, np);
  checkLists("progRol", progStart, progRol, na);
  const market: GeneratedMarket = {
    name: typeof header.name === "string" ? header.name : "market",
    description: typeof header.description === "string" ? header.description : "",
    nA: na, nP: np,
    applicantIds: sequentialIds("a", na),
    programIds: programIds as string[],
    appStart, appRol, progStart, progRol,
    quota: take("quota", np, ["u8", "u16", "u32"]),
    specialties,
  };
  if (found.has("applicants.type")) {
    const limits: Record<string, number> = { type: APPLICANT_TYPES.length - 1, region: REGIONS.length - 1, specialty: specialties.length - 1, needsVisa: 1 };
    const columns = Object.fromEntries(APPLICANT_FIELDS.map((f) => [f, take(`applicants.${f}`, na, [f === "step2ck" ? "u16" : "u8"])])) as unknown as ApplicantColumns;
    for (const [f, max] of Object.entries(limits)) checkCodes(`applicants.${f}`, columns[f as keyof ApplicantColumns], max, false);
    checkCodes("applicants.backup", columns.backup, specialties.length - 1, true);
    market.applicants = columns;
  }
  if (found.has("programs.specialty")) {
    const limits: Record<string, number> = { specialty: specialties.length - 1, visa: VISA_KINDS.length - 1, imgFriendly: 1, region: REGIONS.length - 1, track: TRACKS.length - 1 };
    const columns = Object.fromEntries(PROGRAM_FIELDS.map((f) => [f, take(`programs.${f}`, np, [f === "scoreScreen" ? "u16" : "u8"])])) as unknown as ProgramColumns;
    for (const [f, max] of Object.entries(limits)) checkCodes(`programs.${f}`, columns[f as keyof ProgramColumns], max, false);
    market.programs = columns;
  }
  if (found.has("couples.members")) market.couples = takeCouples(take, na, np, appStart);
  return market;
}

/** Couples: distinct members without individual lists, rising offsets, pairs of known programs or -1 (not both). */
function takeCouples(take: <T extends AnyArray>(name: string, length: number, types: ArrayType[]) => T, nA: number, nP: number, appStart: Uint32Array): NonNullable<GeneratedMarket["couples"]> {
  const members = take<Uint32Array>("couples.members", -1, ["u32"]);
  if (members.length % 2 !== 0) bad("sections.couples.members", "expected two members per couple");
  const count = members.length / 2;
  const start = take<Uint32Array>("couples.start", count + 1, ["u32"]);
  const rol = take<Int32Array>("couples.rol", -1, ["i32"]);
  const seen = new Uint8Array(nA);
  members.forEach((m, i) => {
    if (m >= nA) bad("sections.couples.members", `entry ${i} is ${m}, but there are only ${nA} applicants`);
    if (seen[m] === 1) bad("sections.couples.members", `applicant ${m} is in two couples`);
    if (appStart[m + 1] !== appStart[m]) bad("sections.couples.members", `applicant ${m} is in a couple but has an individual list`);
    seen[m] = 1;
  });
  if (start[0] !== 0 || start[count]! * 2 !== rol.length) bad("sections.couples.start", "offsets must run from 0 to the number of pairs");
  for (let c = 0; c < count; c++) if (start[c + 1]! < start[c]!) bad("sections.couples.start", `offsets decrease at couple ${c}`);
  for (let k = 0; k < rol.length; k += 2) {
    const x = rol[k]!;
    const y = rol[k + 1]!;
    if (x < -1 || x >= nP || y < -1 || y >= nP || (x === -1 && y === -1)) bad("sections.couples.rol", `pair ${k / 2} is (${x}, ${y}); expected program indices or -1 for one partner`);
  }
  return { members, start, rol };
}

/**
 * Offsets rise from 0 to the entry count; entries are below `n` and none appears twice in one list. O(total).
 * Duplicates are found with a small open-addressing table per list, which stays in cache, rather than a stamp
 * array of size n read at random (a million-applicant file has ten million entries to check).
 */
function checkLists(name: string, start: Uint32Array, rol: ArrayLike<number>, n: number): void {
  const lists = start.length - 1;
  if (start[0] !== 0 || start[lists] !== rol.length) bad(`sections.${name}`, "offsets must run from 0 to the number of entries");
  const table = new Int32Array(TABLE_SIZE); // value + 1, 0 = empty
  let stamp: Int32Array | undefined; // for the rare list too long for the table
  for (let i = 0; i < lists; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    if (to < from) bad(`sections.${name}`, `offsets decrease at list ${i}`);
    // Checked here, before the entries are read: past the end they are undefined, and the probe below would spin.
    if (to > rol.length) bad(`sections.${name}`, `list ${i} ends at entry ${to}, past the ${rol.length} entries`);
    const long = to - from > TABLE_SIZE / 2;
    if (long) stamp ??= new Int32Array(n).fill(-1);
    for (let e = from; e < to; e++) {
      const v = rol[e]!;
      if (v >= n) bad(`sections.${name}`, `list ${i} names index ${v}, but there are only ${n}`);
      if (long) {
        if (stamp![v] === i) bad(`sections.${name}`, `list ${i} names index ${v} twice`);
        stamp![v] = i;
        continue;
      }
      let h = Math.imul(v, 0x9e3779b1) >>> (32 - TABLE_BITS);
      while (table[h] !== 0) {
        if (table[h] === v + 1) bad(`sections.${name}`, `list ${i} names index ${v} twice`);
        h = (h + 1) & (TABLE_SIZE - 1);
      }
      table[h] = v + 1;
    }
    if (!long) for (let e = from; e < to; e++) clearSlot(table, rol[e]!);
  }
}

const TABLE_BITS = 9;
const TABLE_SIZE = 1 << TABLE_BITS;

/** Empties the table slot holding `v` (every value of the list is in the table, so the probe finds it). */
function clearSlot(table: Int32Array, v: number): void {
  let h = Math.imul(v, 0x9e3779b1) >>> (32 - TABLE_BITS);
  while (table[h] !== v + 1) h = (h + 1) & (TABLE_SIZE - 1);
  table[h] = 0;
}

function checkCodes(name: string, column: ArrayLike<number>, max: number, allowNone: boolean): void {
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v > max && !(allowNone && v === NONE)) bad(`sections.${name}`, `entry ${i} is ${v}, expected at most ${max}`);
  }
}
