import { compileCsr, type CompileOptions } from "../compile.ts";
import { ScenarioError } from "../parse.ts";
import type { CompiledMarket } from "../market.ts";
import type { PointerArray } from "../pointerArray.ts";
import type { ApplicantType } from "../schema.ts";
import type { GeneratedSupplemental } from "./supplemental.ts";

/** Code tables for the attribute columns: a column holds the index of its value in these lists. */
export const APPLICANT_TYPES: readonly ApplicantType[] = ["us-md", "us-do", "us-img", "non-us-img", "other"];
export const VISA_KINDS = ["none", "j1", "h1b"] as const;
export type VisaKind = (typeof VISA_KINDS)[number];
export const TRACKS = ["categorical", "preliminary", "advanced", "primary"] as const;
export type Track = (typeof TRACKS)[number];
/** The U.S. Census regions, used for applicants' home region and programs' location. */
export const REGIONS = ["Northeast", "Midwest", "South", "West"] as const;

/** `255` in a `Uint8Array` attribute column means "no value" (for example no backup specialty). */
export const NONE = 255;

/** Per-applicant attributes, one typed array per field (columnar, so a million applicants cost a few MB). */
export interface ApplicantColumns {
  /** Index into APPLICANT_TYPES. */
  type: Uint8Array;
  /** USMLE Step 2 CK score. */
  step2ck: Uint16Array;
  /** 1 when she needs a visa (non-U.S. IMGs mostly). */
  needsVisa: Uint8Array;
  /** Months of U.S. clinical experience (IMGs and others; U.S. seniors have 0). */
  usceMonths: Uint8Array;
  /** Index into REGIONS. */
  region: Uint8Array;
  /** Index into the market's `specialties`: the specialty she targets. */
  specialty: Uint8Array;
  /** Index into `specialties` of her backup specialty; NONE when she has none. */
  backup: Uint8Array;
}

/** Per-program attributes. */
export interface ProgramColumns {
  /** Index into the market's `specialties`. */
  specialty: Uint8Array;
  /** Index into VISA_KINDS: the visas it sponsors (h1b programs sponsor J-1 too). */
  visa: Uint8Array;
  /** Lowest Step 2 CK score it interviews; 0 when it does not screen. */
  scoreScreen: Uint16Array;
  /** 1 when it regularly interviews IMGs. */
  imgFriendly: Uint8Array;
  /** Index into REGIONS. */
  region: Uint8Array;
  /** Index into TRACKS. */
  track: Uint8Array;
}

/**
 * A generated market in index form: CSR rank lists (see `CompiledMarket`) plus attribute columns. Nothing here
 * holds one object per participant; `toScenario` builds the string-id view only when asked (to write JSON).
 */
export interface GeneratedMarket {
  name: string;
  description: string;
  nA: number;
  nP: number;
  /** Applicant ids: `a` followed by the 1-based index, zero-padded to the width of nA. */
  applicantIds: readonly string[];
  programIds: readonly string[];
  appStart: Uint32Array;
  /** Program indices in each applicant's order of preference. */
  appRol: PointerArray;
  progStart: Uint32Array;
  /** Applicant indices in each program's order of preference. */
  progRol: PointerArray;
  /** Positions per program. */
  quota: PointerArray;
  /** Specialty names indexed by the `specialty` columns; empty for research markets. */
  specialties: readonly string[];
  /** Present for NRMP-style markets, absent for research markets. */
  applicants?: ApplicantColumns;
  programs?: ProgramColumns;
  /**
   * Couples as data: partners `coupleMembers[2c]`, `coupleMembers[2c + 1]`; their paired list is
   * `coupleRol[2 * coupleStart[c] …]` in pairs, `-1` meaning "No Match" for that partner. Partners have empty
   * individual lists. The simple engine refuses markets with couples.
   */
  couples?: { members: Uint32Array; start: Uint32Array; rol: Int32Array };
  /** Supplemental lists of applicants who rank advanced programs (see GeneratedSupplemental); full rules only. */
  supplemental?: GeneratedSupplemental;
  /** Per program, the program receiving its unfilled positions, -1 for none (reversions); full rules only. */
  revertsTo?: Int32Array;
  /**
   * Research markets with supplemental lists: per program, an index into TRACKS (advanced, preliminary or
   * categorical). NRMP markets keep their tracks in `programs.track`; read either through `generatedTracks`.
   * Absent (and no `programs`): every program is categorical.
   */
  programTrack?: Uint8Array;
}

/** Per program, its track as an index into TRACKS (`programs.track` or `programTrack`); undefined: all categorical. */
export const generatedTracks = (market: GeneratedMarket): Uint8Array | undefined => market.programs?.track ?? market.programTrack;

/**
 * True when the market uses a variation of the Match (couples, supplemental lists, reversions) that only the
 * Roth–Peranson engine runs (`compileGeneratedFull`).
 */
export function generatedNeedsFullRules(market: GeneratedMarket): boolean {
  return (
    (market.couples?.members.length ?? 0) > 0 ||
    (market.supplemental?.owner.length ?? 0) > 0 ||
    (market.revertsTo !== undefined && market.revertsTo.some((q) => q >= 0))
  );
}

/** `a0001`-style ids: a prefix and the 1-based index, padded to the width of `n`. */
export function sequentialIds(prefix: string, n: number): string[] {
  const width = String(n).length;
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) ids[i] = prefix + String(i + 1).padStart(width, "0");
  return ids;
}

/** Options of `compileGenerated`. */
export type CompileGeneratedOptions = Pick<CompileOptions, "workspace">;

/**
 * Compiles a generated market for the simple engine, sharing its arrays (no copy of the lists). Like
 * `compileMarket`, it refuses couples, supplemental lists and reversions with a `ScenarioError`: those need the
 * Roth–Peranson engine (`compileGeneratedFull`). With `options.workspace`, the rank arrays are reused across
 * compilations, as `compileGeneratedFull`'s are (it was the one compiler without the option).
 */
export function compileGenerated(market: GeneratedMarket, options: CompileGeneratedOptions = {}): CompiledMarket {
  if (generatedNeedsFullRules(market)) {
    const what = (market.couples?.members.length ?? 0) > 0 ? "couples" : (market.supplemental?.owner.length ?? 0) > 0 ? "supplemental" : "revertsTo";
    throw new ScenarioError([
      { path: what, message: `this market has ${what === "revertsTo" ? "reversions" : what === "supplemental" ? "supplemental lists" : "couples"}, which need the full NRMP rules (compileGeneratedFull and rothPeranson); the simple engine does not run them` },
    ]);
  }
  return compileGeneratedLists(market, options);
}

/**
 * The primary lists of a generated market as a `CompiledMarket`, whatever variations it has (the simple engine's
 * market, and the base of `compileGeneratedFull`'s). Shares the market's arrays.
 */
export function compileGeneratedLists(market: GeneratedMarket, options: CompileOptions = {}): CompiledMarket {
  return compileCsr({
    applicantIds: market.applicantIds,
    programIds: market.programIds,
    appStart: market.appStart,
    appRol: market.appRol,
    progStart: market.progStart,
    progRol: market.progRol,
    quotas: market.quota,
  }, options);
}
