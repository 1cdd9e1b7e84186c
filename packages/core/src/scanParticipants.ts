import { type ByteIdTable, HASH_START, grow, hashByte, wordsOf } from "./byteIdTable.ts";
import { APPLICANT_TYPES, NONE } from "./generate/generatedMarket.ts";
import { QUOTE, unusual, type JsonBytes } from "./jsonBytes.ts";
import type { ByteColumn, QuotaColumn, ScannedSide } from "./scannedSide.ts";
import { MAX_QUOTA } from "./schema.ts";

/*
 * The participants of a scenario as `scanSimpleScenario` reads them: a program's or an applicant's fields (the ones
 * `fastValidScenario` knows, each at most once, with the values zod accepts) and its rank list, which is the hot
 * loop. Anything else is `unusual()`: the general path decides.
 */

export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;

export const TOP_KEYS = ["$schema", "name", "description", "programs", "applicants", "couples"] as const;
const PROGRAM_KEYS = ["id", "quota", "rol", "name", "specialty", "visa", "scoreScreen", "imgFriendly", "region", "track"] as const;
const APPLICANT_KEYS = ["id", "rol", "name", "type", "step2ck", "needsVisa", "usceMonths", "region", "specialties"] as const;
const VISAS = ["none", "j1", "h1b"];
// A track alone has no cross-field rule (supplemental lists do, and they are not read here).
const TRACKS = ["categorical", "preliminary", "advanced", "primary"];

/** Reads the key at the cursor and its colon; returns its index in `keys`. */
export function readKey(r: JsonBytes, keys: readonly string[]): number {
  r.plainString();
  let k = 0;
  while (k < keys.length && !r.stringIs(keys[k]!)) k++;
  if (k === keys.length) unusual();
  r.expect(COLON);
  return k;
}

/** The keys seen in an object (bit k: key k) with key `k` added; a key seen twice is unusual. */
export const once = (seen: number, k: number): number => ((seen & (1 << k)) !== 0 ? unusual() : seen | (1 << k));

/** Reads the plain string at the cursor, which must be one of `words`; returns its index. */
function oneOf(r: JsonBytes, words: readonly string[]): number {
  r.plainString();
  for (let k = 0; k < words.length; k++) if (r.stringIs(words[k]!)) return k;
  return unusual();
}

/** Reads a non-empty id and interns it. */
function readId(r: JsonBytes, ids: ByteIdTable): number {
  r.plainString();
  if (r.strEnd === r.strStart) unusual();
  const [word0, word1] = wordsOf(r.bytes, r.strStart, r.strEnd);
  return ids.intern(r.bytes, r.strStart, r.strEnd, r.strHash, word0, word1);
}

/**
 * Reads a rank list of ids into the side's current owner. The hot loop of the scanner (a million entries at NRMP
 * scale), so it reads the bytes itself, with locals, rather than through `plainString`, `next` and `more` (three
 * calls and a dozen property accesses per entry), and computes each id's hash and words on the way.
 */
function readRol(r: JsonBytes, ids: ByteIdTable, side: ScannedSide): void {
  if (r.open(OPEN_ARRAY, CLOSE_ARRAY)) return;
  let b = r.bytes;
  let rolSym = side.rolSym;
  let entries = side.entries;
  let i = r.pos;
  for (;;) {
    if (entries === rolSym.length) rolSym = side.rolSym = grow(rolSym);
    if (i > r.limit) {
      // A safe point of a streamed scan: no byte before i is needed any more.
      r.pos = i;
      r.refill();
      i = r.pos;
      b = r.bytes;
    }
    let c = b[i]!;
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = b[++i]!;
    if (c !== QUOTE) unusual();
    const start = ++i;
    let hash = HASH_START;
    let word0 = 0;
    let word1 = 0;
    for (c = b[i]!; c !== QUOTE; c = b[++i]!) {
      // Control characters, backslashes, bytes ≥ 0x80 and the end of the file are for the general path.
      if (!(c >= 0x20 && c < 0x80) || c === BACKSLASH) unusual();
      hash = hashByte(hash, c);
      const k = i - start; // the first 8 bytes go into two words, as wordsOf() makes them
      if (k < 4) word0 |= c << (k << 3);
      else if (k < 8) word1 |= c << ((k - 4) << 3);
    }
    if (i === start) unusual(); // an empty id
    rolSym[entries++] = ids.intern(b, start, i, hash, word0, word1);
    c = b[++i]!;
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = b[++i]!;
    i++;
    if (c === CLOSE_ARRAY) break;
    if (c !== COMMA) unusual();
  }
  side.entries = entries;
  r.pos = i;
}

const score = (v: number): number => (v >= 0 && v <= 300 ? v : unusual());

/** What the scan gathers. */
export interface State {
  /**
   * Program ids (programs' own, and the entries of applicants' lists) and applicant ids (applicants' own, and the
   * entries of programs' lists), interned apart: the two never need comparing, and the small program table
   * (thousands of ids) stays in cache for the half million entries of applicants' lists.
   */
  programTable: ByteIdTable;
  applicantTable: ByteIdTable;
  programs: ScannedSide;
  applicants: ScannedSide;
  quotas: QuotaColumn;
  specialtyOf: ByteColumn;
  specialties: string[];
  specialtyIndex: Map<string, number>;
  typeOf: ByteColumn;
}

export function readProgram(r: JsonBytes, s: State): void {
  let seen = 0;
  let id = -1;
  let specialty = NONE;
  if (r.open(OPEN_OBJECT, CLOSE_OBJECT)) unusual();
  do {
    const k = readKey(r, PROGRAM_KEYS);
    seen = once(seen, k);
    switch (k) {
      case 0: id = readId(r, s.programTable); break;
      case 1: {
        const quota = r.number();
        if (!Number.isInteger(quota) || quota < 0 || quota > MAX_QUOTA) unusual();
        s.quotas.set(s.programs.count, quota);
        break;
      }
      case 2: readRol(r, s.applicantTable, s.programs); break;
      case 4: specialty = specialtyIndex(s, r.plainText()); break;
      case 5: oneOf(r, VISAS); break;
      case 6: score(r.number()); break;
      case 7: r.boolean(); break;
      case 9: oneOf(r, TRACKS); break;
      default: r.anyString(); // name, region
    }
  } while (r.more(CLOSE_OBJECT));
  // id, quota and rol are required.
  if ((seen & 0b111) !== 0b111) unusual();
  s.specialtyOf.set(s.programs.count, specialty);
  s.programs.endOwner(id);
}

/** A specialty's index in order of first appearance; past NONE specialties, NONE (as `scenarioAttributes` does). */
function specialtyIndex(s: State, name: string): number {
  let i = s.specialtyIndex.get(name);
  if (i === undefined) {
    i = s.specialties.length < NONE ? s.specialties.push(name) - 1 : NONE;
    s.specialtyIndex.set(name, i);
  }
  return i;
}

export function readApplicant(r: JsonBytes, s: State): void {
  let seen = 0;
  let id = -1;
  let type = NONE;
  if (r.open(OPEN_OBJECT, CLOSE_OBJECT)) unusual();
  do {
    const k = readKey(r, APPLICANT_KEYS);
    seen = once(seen, k);
    switch (k) {
      case 0: id = readId(r, s.applicantTable); break;
      case 1: readRol(r, s.programTable, s.applicants); break;
      case 3: type = oneOf(r, APPLICANT_TYPES); break;
      case 4: score(r.number()); break;
      case 5: r.boolean(); break;
      case 6: if (r.number() < 0) unusual(); break;
      case 8:
        if (r.open(OPEN_ARRAY, CLOSE_ARRAY)) break;
        do r.anyString();
        while (r.more(CLOSE_ARRAY));
        break;
      default: r.anyString(); // name, region
    }
  } while (r.more(CLOSE_OBJECT));
  if ((seen & 0b11) !== 0b11) unusual(); // id and rol are required
  s.typeOf.set(s.applicants.count, type);
  s.applicants.endOwner(id);
}

/** Reads an array of objects with `each`. */
export function readObjects(r: JsonBytes, s: State, each: (r: JsonBytes, s: State) => void): void {
  if (r.open(OPEN_ARRAY, CLOSE_ARRAY)) return;
  do {
    r.safePoint();
    each(r, s);
  } while (r.more(CLOSE_ARRAY));
}
