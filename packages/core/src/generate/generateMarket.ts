import type { GeneratedMarket } from "./generatedMarket.ts";
import { TYPE_BEHAVIOUR } from "./model.ts";
import { generateNrmpMarket } from "./nrmp.ts";
import { NRMP_PRESETS } from "./presets.ts";
import type { Rng } from "./random.ts";
import { generateCorrelatedMarket } from "./research.ts";
import { generateUniformFullMarket } from "./uniformFull.ts";

export const MARKET_PRESETS = ["nrmp-2025", "nrmp-2024", "uniform", "correlated"] as const;
export type MarketPresetName = (typeof MARKET_PRESETS)[number];

/** Largest market the generator builds (ids and CSR offsets stay in 32 bits, lists in memory). */
export const MAX_GENERATED_APPLICANTS = 5_000_000;
/** Most rank list entries a research market may have: about 0.8 GB per side as 32-bit indices. */
export const MAX_LIST_ENTRIES = 200_000_000;

export interface GenerateMarketOptions {
  /**
   * `nrmp-2025` / `nrmp-2024`: the Main Match at published scale (PGY-1, singles), with applicant and program
   * attributes and an interview model. `uniform`: Roth–Peranson's random k-list market. `correlated`: common plus
   * private values.
   * @defaultValue "nrmp-2025"
   * @remarks Since 0.1.0
   */
  preset?: MarketPresetName;
  /**
   * Number of applicants, 1 … 5,000,000. NRMP presets scale every count (types, programs, positions) by
   * applicants / published active applicants; at the default the published counts are exact.
   * @defaultValue the published active applicants for NRMP presets (47,208 in 2025), 1,000 for research presets
   */
  applicants?: number;
  /**
   * Research presets: number of programs (≥ 1); with `uniform` and `supplementalShare` s > 0, the PGY-1 programs,
   * which round(s × programs) advanced programs join.
   * @defaultValue applicants
   */
  programs?: number;
  /**
   * Research presets: positions per program (≥ 1).
   * @defaultValue 1
   */
  quota?: number;
  /**
   * Research presets: ranks per applicant list, k (≥ 1; capped at the number of programs). NRMP presets: the
   * mean interviews sought by a U.S. MD senior, other types scaled alike (calibrated default 13).
   * @defaultValue 15 for research presets (RP99's "not unreasonable" k), 13 for NRMP presets
   */
  listLength?: number;
  /**
   * `correlated` preset: correlation ρ ∈ [0, 1] between two applicants' values of one program (and two
   * programs' values of one applicant).
   * @defaultValue 0.5
   */
  correlation?: number;
  /**
   * NRMP presets and `uniform`: share of applicants in couples, in [0, 1) (recent Matches: about 5 %). NRMP
   * couples pair programs in one region (see formCouples); uniform couples rank k joint pairs of their own lists
   * by rank sum, then "No Match" fallbacks (see formUniformCouples). Such a market needs the Roth–Peranson engine
   * (`compileGeneratedFull`); the simple engine refuses couples, so the default stays 0.
   * @defaultValue 0
   * @remarks Since 0.1.0; `uniform` since 0.3.0
   */
  couplesShare?: number;
  /**
   * NRMP presets and `uniform`: share of applicants who rank advanced (PGY-2) programs and submit supplemental
   * lists of preliminary programs, in [0, 1). NRMP presets: above 0, the published PGY-2 positions (3,196 in 2025)
   * join the market as advanced programs (see withAdvancedTrack). `uniform`: as many advanced programs as that
   * share of `programs` join them, as many of `programs` become preliminary, and that share of applicants rank k
   * advanced programs with one supplemental list of k preliminary programs (see generateUniformFullMarket). RP99 reports 8–12 % of applicants with supplemental lists in the
   * 1990s (the current share is not published); `matchlab generate` uses 0.1. The library default stays 0 because
   * such a market needs the Roth–Peranson engine (`compileGeneratedFull`), and simple-engine callers (Monte Carlo,
   * charting) compile with `compileGenerated`.
   * @defaultValue 0
   * @remarks Since 0.2.0; `uniform` since 0.3.0
   */
  supplementalShare?: number;
  /**
   * NRMP presets: share of programs that name a reversion target for their unfilled positions (same specialty and
   * region; preliminary programs revert to Internal Medicine), in [0, 1). RP99 reports about 7 % of programs with
   * positions that could revert in the 1990s (current use unconfirmed); `matchlab generate` uses 0.05.
   * @defaultValue 0
   * @remarks Since 0.2.0
   */
  reversionShare?: number;
}

const fail = (message: string): never => {
  throw new RangeError(`generateMarket: ${message}`);
};

function integerOption(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) fail(`${name} must be an integer in [${min}, ${max}], got ${n}`);
  return n;
}

function shareOption(name: string, value: number | undefined): number {
  const x = value ?? 0;
  if (!(x >= 0 && x < 1)) fail(`${name} must be in [0, 1), got ${x}`);
  return x;
}

/**
 * Generates a synthetic market in index form, deterministically for a given `rng` (pass `seedrandom(seed)`).
 * Compile it with `compileGenerated` for the engine; `toScenario` gives the string-id form for JSON.
 */
export function generateMarket(options: GenerateMarketOptions, rng: Rng): GeneratedMarket {
  const preset = options.preset ?? "nrmp-2025";
  if (!(MARKET_PRESETS as readonly string[]).includes(preset)) fail(`unknown preset ${JSON.stringify(preset)}; expected one of ${MARKET_PRESETS.join(", ")}`);
  const variations = {
    couplesShare: shareOption("couplesShare", options.couplesShare),
    supplementalShare: shareOption("supplementalShare", options.supplementalShare),
    reversionShare: shareOption("reversionShare", options.reversionShare),
  };
  if (preset === "nrmp-2025" || preset === "nrmp-2024") {
    const figures = NRMP_PRESETS[preset];
    const active = figures.applicantTypes.reduce((sum, t) => sum + t.active, 0);
    const applicants = integerOption("applicants", options.applicants, active, 1, MAX_GENERATED_APPLICANTS);
    const listLength = options.listLength ?? DEFAULT_NRMP_LIST_LENGTH;
    if (!(listLength > 0 && listLength <= 40)) fail(`listLength must be in (0, 40] for NRMP presets, got ${listLength}`);
    return generateNrmpMarket(figures, applicants, listLength / DEFAULT_NRMP_LIST_LENGTH, variations, rng);
  }
  if (preset === "correlated" && variations.couplesShare > 0) fail("couplesShare needs an NRMP preset or uniform (the correlated preset has no couples model)");
  if (preset === "correlated" && variations.supplementalShare > 0) fail("supplementalShare needs an NRMP preset or uniform (the correlated preset has no advanced and preliminary programs)");
  if (variations.reversionShare > 0) fail("reversionShare needs an NRMP preset (reversions stay within a specialty and region)");
  const applicants = integerOption("applicants", options.applicants, 1000, 1, MAX_GENERATED_APPLICANTS);
  const size = {
    applicants,
    programs: integerOption("programs", options.programs, applicants, 1, MAX_GENERATED_APPLICANTS),
    quota: integerOption("quota", options.quota, 1, 1, 1_000_000),
    listLength: integerOption("listLength", options.listLength, 15, 1, 1_000_000),
  };
  const entries = size.applicants * Math.min(size.listLength, size.programs);
  if (entries > MAX_LIST_ENTRIES) fail(`applicants × listLength is ${entries}, over the limit of ${MAX_LIST_ENTRIES} rank list entries`);
  if (preset === "uniform") return generateUniformFullMarket(size, variations, rng);
  const correlation = options.correlation ?? 0.5;
  if (!(correlation >= 0 && correlation <= 1)) fail(`correlation must be in [0, 1], got ${correlation}`);
  return generateCorrelatedMarket(size, correlation, rng);
}

/** The U.S. MD interview count the NRMP model was calibrated with. */
export const DEFAULT_NRMP_LIST_LENGTH = TYPE_BEHAVIOUR["us-md"].interviews;
