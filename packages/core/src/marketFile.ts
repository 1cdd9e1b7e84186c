import { APPLICANT_TYPES, REGIONS, TRACKS, VISA_KINDS, sequentialIds, type ApplicantColumns, type GeneratedMarket, type ProgramColumns } from "./generate/generatedMarket.ts";
import { bad, checkCodes, checkLists, takeCouples, takeSupplemental, type AnyArray, type ArrayType } from "./marketFileSections.ts";

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
 *
 * Version 2 adds the optional sections `supplemental.{owner,start,rol,linkStart,linkProg}` (u32) and
 * `programs.revertsTo` (i32, -1 for none). Version 3 adds `programTrack` (u8, an index into TRACKS), the tracks of
 * a research market with supplemental lists; a file is written as version 3 only when it has that section, so
 * older matchlabs, which would read its programs as categorical, refuse it instead. Version 1 and 2 files still
 * load; newer versions are refused with a message naming the version.
 */
export const MARKET_FILE_MAGIC = "MLM1";
const READABLE_VERSIONS = [1, 2, 3];
const SUPPLEMENTAL_FIELDS = ["owner", "start", "rol", "linkStart", "linkProg"] as const;

const CONSTRUCTORS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array } as const;
type Section = { name: string; type: ArrayType; length: number };

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
  if (market.supplemental !== undefined) for (const f of SUPPLEMENTAL_FIELDS) arrays.push([`supplemental.${f}`, market.supplemental[f]]);
  if (market.revertsTo !== undefined) arrays.push(["programs.revertsTo", market.revertsTo]);
  if (market.programTrack !== undefined) arrays.push(["programTrack", market.programTrack]);
  const sections: Section[] = arrays.map(([name, array]) => ({ name, type: typeOf(array), length: array.length }));
  const header = new TextEncoder().encode(JSON.stringify({
    format: "matchlab-market", version: market.programTrack === undefined ? 2 : 3, name: market.name, description: market.description,
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
  if (!READABLE_VERSIONS.includes(header.version as number)) {
    bad("header.version", `this matchlab reads market file versions ${READABLE_VERSIONS.slice(0, -1).join(", ")} and ${READABLE_VERSIONS.at(-1)}, got ${JSON.stringify(header.version)} (written by a newer matchlab? regenerate the market or upgrade)`);
  }
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
  if (found.has("programTrack")) {
    if (market.programs !== undefined) bad("sections.programTrack", "a market with program columns keeps its tracks in programs.track");
    market.programTrack = take<Uint8Array>("programTrack", np, ["u8"]);
    checkCodes("programTrack", market.programTrack, TRACKS.length - 1, false);
  }
  if (found.has("couples.members")) market.couples = takeCouples(take, na, np, appStart);
  if (found.has("supplemental.owner")) market.supplemental = takeSupplemental(take, na, np, market);
  if (found.has("programs.revertsTo")) {
    const revertsTo = take<Int32Array>("programs.revertsTo", np, ["i32"]);
    revertsTo.forEach((q, p) => {
      if (q < -1 || q >= np || q === p) bad("sections.programs.revertsTo", `entry ${p} is ${q}; expected another program's index or -1`);
      else if (q >= 0 && revertsTo[q] !== -1) bad("sections.programs.revertsTo", `program ${p} reverts to ${q}, which reverts further (generated links have length one)`);
    });
    market.revertsTo = revertsTo;
  }
  return market;
}
