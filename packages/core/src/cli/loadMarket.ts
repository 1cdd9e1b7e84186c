import {
  APPLICANT_TYPES, NONE, ScenarioError, compileCsr, compileFullMarket, compileGenerated, compileGeneratedFull, compileMarket, decodeMarketFile, generatedNeedsFullRules, needsFullRules, scanSimpleScenario, scanSimpleScenarioStream, WINDOW_MARGIN,
  type CompiledMarket, type FastValidResult, type FullMarket, type GeneratedMarket, type Scenario, type ScannedScenario,
} from "../index.ts";
import { type CliIo, InputError, type OpenedFile, decodeInput, readBytesFromDisk } from "./io.ts";
import { resolvedScenarioFromText } from "./loadScenario.ts";

/** A market ready for the engine, from a JSON scenario or a binary `.mlm` file, with the attributes reports read. */
export interface LoadedMarket {
  name: string | undefined;
  market: CompiledMarket;
  /** Per applicant, an index into APPLICANT_TYPES, or NONE when the file does not say. */
  applicantType: Uint8Array;
  /** Per program, an index into `specialties`, or NONE. */
  programSpecialty: Uint8Array;
  specialties: string[];
  /** Milliseconds spent reading and validating, and compiling. */
  parseMs: number;
  compileMs: number;
}

/** Binary market files are recognised by their extension; everything else is read as a JSON scenario. */
export const isBinaryMarketPath = (file: string): boolean => file.toLowerCase().endsWith(".mlm");

/** Reads, validates and compiles a market file (`.mlm` or JSON); every problem is an `InputError` naming the file. */
export function loadMarket(io: CliIo, file: string, maxBytes: number): LoadedMarket {
  const input = loadMatchInput(io, file, maxBytes);
  if (input.kind === "simple") return input.loaded;
  // Couples and the other NRMP rules need the Roth–Peranson engine; the compiled simple form refuses them.
  if (input.scenario !== undefined) return marketFromScenario(input.scenario, input.parseMs);
  throw new InputError(`${file}: this market has couples, supplemental lists or reversions, which need the full NRMP rules (matchlab match runs them)`);
}

/**
 * A market that needs the full NRMP rules: `compile()` builds the Roth–Peranson form, from the scenario (JSON) or
 * straight from a generated market's typed arrays (`.mlm`, no JSON in between); one of the two is set.
 */
export interface FullInput {
  kind: "full";
  name: string | undefined;
  compile: () => FullMarket;
  parseMs: number;
  scenario?: Scenario;
  generated?: GeneratedMarket;
}

/** What `matchlab match` runs: a compiled simple market, or a market that needs the full NRMP rules. */
export type MatchInput = { kind: "simple"; loaded: LoadedMarket } | FullInput;

/** Reads a market file (`.mlm`, JSON or Stable Matching Suite text) and decides which engine it needs. */
export function loadMatchInput(io: CliIo, file: string, maxBytes: number): MatchInput {
  const t0 = performance.now();
  if (isBinaryMarketPath(file)) {
    const bytes = (io.readBytes ?? readBytesFromDisk)(file, maxBytes);
    let generated: GeneratedMarket;
    try {
      generated = decodeMarketFile(bytes);
    } catch (error) {
      if (error instanceof ScenarioError) throw new InputError(error.issues.map((issue) => `${file}: ${issue.path}: ${issue.message}`).join("\n"));
      throw error;
    }
    if (generatedNeedsFullRules(generated)) {
      const g = generated;
      return { kind: "full", name: g.name, compile: () => compileGeneratedFull(g), parseMs: performance.now() - t0, generated: g };
    }
    const t1 = performance.now();
    const market = compileGenerated(generated);
    return {
      kind: "simple",
      loaded: {
        name: generated.name,
        market,
        parseMs: t1 - t0,
        compileMs: performance.now() - t1,
        applicantType: generated.applicants?.type ?? new Uint8Array(generated.nA).fill(NONE),
        programSpecialty: generated.programs?.specialty ?? new Uint8Array(generated.nP).fill(NONE),
        specialties: [...generated.specialties],
      },
    };
  }
  // The common shape of a simple market is read straight from the bytes (a file streamed through a reused window,
  // or bytes read whole); anything else, valid or not, takes the general path (JSON.parse, duplicate keys, zod),
  // which gives every error message.
  let bytes: Uint8Array | undefined;
  let scanned: ScannedScenario | undefined;
  if (file !== "-" && io.openFile !== undefined) scanned = scanOpenedFile(io.openFile(file, maxBytes));
  else {
    bytes = io.readBytes?.(file, maxBytes);
    scanned = bytes === undefined ? undefined : scanSimpleScenario(bytes);
  }
  if (scanned !== undefined) return { kind: "simple", loaded: marketFromScan(scanned, performance.now() - t0) };
  bytes ??= io.readBytes?.(file, maxBytes);
  const text = bytes === undefined ? io.readInput(file, maxBytes) : decodeInput(bytes);
  let scenario: Scenario;
  let resolved: FastValidResult | undefined;
  try {
    ({ scenario, resolved } = resolvedScenarioFromText(file, text));
  } catch (error) {
    if (error instanceof InputError && error.message.includes("not valid JSON") && text.startsWith("MLM1")) {
      throw new InputError(`${file}: this is a binary matchlab market file; give it the .mlm extension`);
    }
    throw error;
  }
  const parseMs = performance.now() - t0;
  if (!needsFullRules(scenario)) return { kind: "simple", loaded: marketFromScenario(scenario, parseMs, resolved) };
  return { kind: "full", name: scenario.name, compile: () => compileFullMarket(scenario), parseMs, scenario };
}

/** The attribute columns reports read, from a full-rules input (its generated market or its scenario). */
export function fullInputAttributes(input: FullInput): Pick<LoadedMarket, "applicantType" | "programSpecialty" | "specialties"> {
  const g = input.generated;
  if (g === undefined) return scenarioAttributes(input.scenario!);
  return {
    applicantType: g.applicants?.type ?? new Uint8Array(g.nA).fill(NONE),
    programSpecialty: g.programs?.specialty ?? new Uint8Array(g.nP).fill(NONE),
    specialties: [...g.specialties],
  };
}

/** Compiles a validated scenario for the simple engine (with its lists as the parser resolved them, if given), timing the compile. */
export function marketFromScenario(scenario: Scenario, parseMs: number, resolved?: FastValidResult): LoadedMarket {
  const t1 = performance.now();
  const market = compileMarket(scenario, resolved === undefined ? {} : { resolved });
  return { name: scenario.name, market, parseMs, compileMs: performance.now() - t1, ...scenarioAttributes(scenario) };
}

/** Window of a streamed scan: 1 MiB, or less for a small file (but over the margin, as the scan requires). */
const windowFor = (size: number): Uint8Array => new Uint8Array(Math.min(1 << 20, Math.max(size + 1, 2 * WINDOW_MARGIN)));

/**
 * Scans an opened file through a window, and closes it. A file whose last part lists couples is left to the general
 * path at once: generated markets write couples last, and the scan would otherwise read the whole file before it
 * met them (a quarter of a second wasted at NRMP size). Checking the tail is cheap (a sixteenth of the file, at
 * least 1 MiB); couples written earlier are met early, and a file this guess misses is only scanned in vain.
 */
function scanOpenedFile(opened: OpenedFile): ScannedScenario | undefined {
  try {
    if (listsCouples(opened.tail(Math.max(1 << 20, opened.size >>> 4)))) return undefined;
    return scanSimpleScenarioStream(opened.source, { fileBytes: opened.size, window: windowFor(opened.size) });
  } finally {
    opened.close();
  }
}

/** True when `bytes` hold the key "couples" followed by a list that is not empty (`"couples": [` then no `]`). */
export function listsCouples(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
  for (let at = text.indexOf('"couples"'); at >= 0; at = text.indexOf('"couples"', at + 1)) {
    let i = at + '"couples"'.length;
    while (isSpace(text[i])) i++;
    if (text[i++] !== 0x3a) continue; // ':'
    while (isSpace(text[i])) i++;
    if (text[i++] !== 0x5b) continue; // '['
    while (isSpace(text[i])) i++;
    if (text[i] !== 0x5d) return true; // not ']'
  }
  return false;
}

/** Compiles a scenario `scanSimpleScenario` read, timing the compile. */
function marketFromScan(scanned: ScannedScenario, parseMs: number): LoadedMarket {
  const t1 = performance.now();
  const { name, applicantType, programSpecialty, specialties } = scanned;
  const market = compileCsr(scanned);
  return { name, market, parseMs, compileMs: performance.now() - t1, applicantType, programSpecialty, specialties };
}

/** Attribute columns from a scenario's optional `type` and `specialty` fields. */
export function scenarioAttributes(scenario: Scenario): Pick<LoadedMarket, "applicantType" | "programSpecialty" | "specialties"> {
  const applicantType = Uint8Array.from(scenario.applicants, (a) => (a.type === undefined ? NONE : APPLICANT_TYPES.indexOf(a.type)));
  const specialties: string[] = [];
  const index = new Map<string, number>();
  const programSpecialty = Uint8Array.from(scenario.programs, (p) => {
    if (p.specialty === undefined) return NONE;
    let i = index.get(p.specialty);
    if (i === undefined) {
      i = specialties.length < NONE ? specialties.push(p.specialty) - 1 : NONE;
      index.set(p.specialty, i);
    }
    return i;
  });
  return { applicantType, programSpecialty, specialties };
}
