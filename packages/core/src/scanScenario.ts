import { ByteIdTable, HASH_START, grow, hashByte, wordsOf } from "./byteIdTable.ts";
import { APPLICANT_TYPES, NONE } from "./generate/generatedMarket.ts";
import { JsonBytes, QUOTE, UNUSUAL, WINDOW_MARGIN, asciiText, unusual, type ByteSource } from "./jsonBytes.ts";
import type { PointerArray } from "./pointerArray.ts";
import { ByteColumn, QuotaColumn, ScannedSide } from "./scannedSide.ts";
import { MAX_QUOTA } from "./schema.ts";

/**
 * A simple scenario read straight from the bytes of its JSON file by `scanSimpleScenario`: ids, quotas and both
 * sides' lists already resolved to indices in CSR form (what `compileCsr` takes), plus the attribute columns
 * reports read. No object tree, no string per list entry.
 */
export interface ScannedScenario {
  name: string | undefined;
  applicantIds: string[];
  programIds: string[];
  quotas: Uint32Array;
  /** Applicant lists: offsets (length nA + 1) and program indices. */
  appStart: Uint32Array;
  appRol: PointerArray;
  /** Program lists: offsets (length nP + 1) and applicant indices. */
  progStart: Uint32Array;
  progRol: PointerArray;
  /** Per applicant, an index into APPLICANT_TYPES, or NONE when absent. */
  applicantType: Uint8Array;
  /** Per program, an index into `specialties` (in order of first appearance, at most NONE of them), or NONE. */
  programSpecialty: Uint8Array;
  specialties: string[];
}

/**
 * Reads the common shape of a valid simple scenario (the fields `fastValidScenario` knows, no couples, no escapes
 * in ids, every key once) from JSON bytes in one pass; `undefined` for anything else, valid or not, which the
 * general path (`parseScenarioText`: JSON.parse, duplicate keys, zod) then decides and explains. So it never
 * accepts a file the general path refuses, and gives the same market for the files it accepts
 * (test/core/scanScenario.test.ts checks both). About 10× faster than JSON.parse plus validation at NRMP scale.
 */
export function scanSimpleScenario(bytes: Uint8Array): ScannedScenario | undefined {
  return scanOrUndefined(() => scan(new JsonBytes(bytes), bytes.length));
}

/** Options of `scanSimpleScenarioStream`. */
export interface ScanStreamOptions {
  /** The file's size in bytes, to size buffers (any value works). */
  fileBytes: number;
  /** The buffer the file is read through, reused as the scan moves on; longer than `margin`. */
  window: Uint8Array;
  /**
   * Bytes kept ahead of the cursor at safe points (before a participant, before a list entry): a participant's
   * fields other than its list must fit in it, or the file is left to the general path.
   * @defaultValue WINDOW_MARGIN (64 KiB)
   */
  margin?: number;
}

/**
 * `scanSimpleScenario` over a file read piece by piece through a window, so that it never sits whole in fresh
 * memory. Same answers, except that a participant whose fields other than its list outgrow the margin is left to
 * the general path.
 */
export function scanSimpleScenarioStream(source: ByteSource, options: ScanStreamOptions): ScannedScenario | undefined {
  const { fileBytes, window, margin = WINDOW_MARGIN } = options;
  if (window.length <= margin) throw new RangeError(`scanSimpleScenarioStream: the window (${window.length} bytes) must be longer than the margin (${margin})`);
  return scanOrUndefined(() => scan(new JsonBytes(window, source, margin), fileBytes));
}

function scanOrUndefined(run: () => ScannedScenario): ScannedScenario | undefined {
  try {
    return run();
  } catch (error) {
    if (error === UNUSUAL) return undefined;
    throw error;
  }
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;

const TOP_KEYS = ["$schema", "name", "description", "programs", "applicants", "couples"] as const;
const PROGRAM_KEYS = ["id", "quota", "rol", "name", "specialty", "visa", "scoreScreen", "imgFriendly", "region", "track"] as const;
const APPLICANT_KEYS = ["id", "rol", "name", "type", "step2ck", "needsVisa", "usceMonths", "region", "specialties"] as const;
const VISAS = ["none", "j1", "h1b"];
// A track alone has no cross-field rule (supplemental lists do, and they are not read here).
const TRACKS = ["categorical", "preliminary", "advanced", "primary"];

/** Reads the key at the cursor and its colon; returns its index in `keys`. */
function readKey(r: JsonBytes, keys: readonly string[]): number {
  r.plainString();
  let k = 0;
  while (k < keys.length && !r.stringIs(keys[k]!)) k++;
  if (k === keys.length) unusual();
  r.expect(COLON);
  return k;
}

/** The keys seen in an object (bit k: key k) with key `k` added; a key seen twice is unusual. */
const once = (seen: number, k: number): number => ((seen & (1 << k)) !== 0 ? unusual() : seen | (1 << k));

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
 * scale), so it reads bytes itself, in one function with locals (as `plainString`, `next` and `more` would, one
 * call each per entry): it runs fast even before V8 optimizes it, which matters in a process that runs it once.
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

interface State {
  ids: ByteIdTable;
  programs: ScannedSide;
  applicants: ScannedSide;
  quotas: QuotaColumn;
  specialtyOf: ByteColumn;
  specialties: string[];
  specialtyIndex: Map<string, number>;
  typeOf: ByteColumn;
}

function readProgram(r: JsonBytes, s: State): void {
  let seen = 0;
  let id = -1;
  let specialty = NONE;
  if (r.open(OPEN_OBJECT, CLOSE_OBJECT)) unusual();
  do {
    const k = readKey(r, PROGRAM_KEYS);
    seen = once(seen, k);
    switch (k) {
      case 0: id = readId(r, s.ids); break;
      case 1: {
        const quota = r.number();
        if (!Number.isInteger(quota) || quota < 0 || quota > MAX_QUOTA) unusual();
        s.quotas.set(s.programs.count, quota);
        break;
      }
      case 2: readRol(r, s.ids, s.programs); break;
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

function readApplicant(r: JsonBytes, s: State): void {
  let seen = 0;
  let id = -1;
  let type = NONE;
  if (r.open(OPEN_OBJECT, CLOSE_OBJECT)) unusual();
  do {
    const k = readKey(r, APPLICANT_KEYS);
    seen = once(seen, k);
    switch (k) {
      case 0: id = readId(r, s.ids); break;
      case 1: readRol(r, s.ids, s.applicants); break;
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
function readObjects(r: JsonBytes, s: State, each: (r: JsonBytes, s: State) => void): void {
  if (r.open(OPEN_ARRAY, CLOSE_ARRAY)) return;
  do {
    r.safePoint();
    each(r, s);
  } while (r.more(CLOSE_ARRAY));
}

function scan(r: JsonBytes, fileBytes: number): ScannedScenario {
  const ids = new ByteIdTable(fileBytes / 256);
  const s: State = {
    ids, programs: new ScannedSide(fileBytes), applicants: new ScannedSide(fileBytes), quotas: new QuotaColumn(),
    specialtyOf: new ByteColumn(), specialties: [], specialtyIndex: new Map(), typeOf: new ByteColumn(),
  };
  let name: string | undefined;
  let seen = 0;
  if (r.open(OPEN_OBJECT, CLOSE_OBJECT)) unusual();
  do {
    r.safePoint();
    const k = readKey(r, TOP_KEYS);
    seen = once(seen, k);
    switch (k) {
      case 1: name = r.plainText(); break;
      case 3: readObjects(r, s, readProgram); break;
      case 4: readObjects(r, s, readApplicant); break;
      case 5: if (!r.open(OPEN_ARRAY, CLOSE_ARRAY)) unusual(); break; // only an empty list of couples
      default: if (r.next() !== QUOTE) unusual(); r.anyString(); // $schema, description
    }
  } while (r.more(CLOSE_OBJECT));
  if (!r.atEnd() || (seen & 0b11000) !== 0b11000) unusual(); // nothing after it; programs and applicants required
  const { programs, applicants } = s;
  const nP = programs.count;
  const nA = applicants.count;
  const programBySymbol = programs.indexBySymbol(ids.size);
  const applicantBySymbol = applicants.indexBySymbol(ids.size);
  const app = applicants.resolve(programBySymbol, nP);
  const prog = programs.resolve(applicantBySymbol, nA);
  const texts = ids.texts(asciiText);
  return {
    name,
    applicantIds: applicants.ids(texts),
    programIds: programs.ids(texts),
    quotas: s.quotas.values.slice(0, nP),
    appStart: app.start, appRol: app.rol,
    progStart: prog.start, progRol: prog.rol,
    applicantType: s.typeOf.take(nA),
    programSpecialty: s.specialtyOf.take(nP),
    specialties: s.specialties,
  };
}
