import { ByteIdTable } from "./byteIdTable.ts";
import { JsonBytes, UNUSUAL, WINDOW_MARGIN, asciiText, unusual, type ByteSource } from "./jsonBytes.ts";
import type { PointerArray } from "./pointerArray.ts";
import { CLOSE_ARRAY, CLOSE_OBJECT, OPEN_ARRAY, OPEN_OBJECT, TOP_KEYS, once, readApplicant, readKey, readObjects, readProgram, type State } from "./scanParticipants.ts";
import { ByteColumn, QuotaColumn, ScannedSide } from "./scannedSide.ts";

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
 * (test/core/scanScenario.test.ts checks both). On the NRMP-scale file, in a fresh process, it takes about half the
 * time of JSON.parse, the duplicate-key scan and the validation together, and builds no object per entry.
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

function scan(r: JsonBytes, fileBytes: number): ScannedScenario {
  // Sized for an NRMP-like market (one applicant id per ~300 bytes, a few thousand programs); both tables grow.
  const programTable = new ByteIdTable(1024);
  const applicantTable = new ByteIdTable(fileBytes / 256);
  const s: State = {
    programTable, applicantTable, programs: new ScannedSide(fileBytes), applicants: new ScannedSide(fileBytes), quotas: new QuotaColumn(),
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
      default: r.anyString(); // $schema, description
    }
  } while (r.more(CLOSE_OBJECT));
  if (!r.atEnd() || (seen & 0b11000) !== 0b11000) unusual(); // nothing after it; programs and applicants required
  const { programs, applicants } = s;
  const nP = programs.count;
  const nA = applicants.count;
  const programBySymbol = programs.indexBySymbol(programTable.size);
  const applicantBySymbol = applicants.indexBySymbol(applicantTable.size);
  const app = applicants.resolve(programBySymbol, nP);
  const prog = programs.resolve(applicantBySymbol, nA);
  return {
    name,
    applicantIds: applicants.ids(applicantTable.texts(asciiText)),
    programIds: programs.ids(programTable.texts(asciiText)),
    quotas: s.quotas.values.slice(0, nP),
    appStart: app.start, appRol: app.rol,
    progStart: prog.start, progRol: prog.rol,
    applicantType: s.typeOf.take(nA),
    programSpecialty: s.specialtyOf.take(nP),
    specialties: s.specialties,
  };
}
