import type { ApplicantType } from "@matchlab/core";

/** What the dashboard generates: the knobs a user can turn, all in the address (`#/dashboard?seed=…`). */
export interface DashboardSettings {
  /** Seed of the generator (any text; the same seed gives the same market). */
  seed: string;
  /** Applicants in the market; the NRMP preset scales programs and positions with it. */
  applicants: number;
  /** Share of applicants in couples, in [0, 0.15]. */
  couplesShare: number;
  /** Mean interviews (≈ list length) of a U.S. MD senior; other types scale alike. */
  listLength: number;
}

/** Steps of one run, in order; the progress display names the one in hand. */
export const STAGES = ["generate", "compile", "match", "compare", "summarize"] as const;
export type Stage = (typeof STAGES)[number];

/** Match counts of one applicant type against the NRMP's published rate. */
export interface TypeRow {
  type: ApplicantType | "all applicants";
  applicants: number;
  matched: number;
  /** Published 2025 match rate in percent, or null. */
  publishedPct: number | null;
}

/** Per-specialty columns, indexed like `names`. */
export interface SpecialtyColumns {
  names: string[];
  positions: Uint32Array;
  filled: Uint32Array;
  /** Filled by U.S. and non-U.S. IMGs. */
  imgFilled: Uint32Array;
  /** The preset's published (or, where none is published, estimated) IMG share of filled positions, percent. */
  referenceImgPct: number[];
}

export interface CouplesSummary {
  couples: number;
  /** Both partners matched. */
  both: number;
  /** One partner matched, through a "No Match" pair the couple ranked. */
  one: number;
  neither: number;
  /** Matched couples per pair-rank bucket (labels in `bucketLabels`). */
  pairRankBuckets: Uint32Array;
  bucketLabels: string[];
  /** Median rank of the matched pair on the couple's list (1-based), or null. */
  medianPairRank: number | null;
}

/** Applicant- versus program-proposing deferred acceptance, on the basis stated in `basis`. */
export interface SidesSummary {
  /** "market": the whole market (no couples); "singles": singles on the positions couples do not hold. */
  basis: "market" | "singles";
  /** Applicants compared (all applicants, or the singles). */
  compared: number;
  /** Of those, matched to a different program (or matched vs unmatched) under program-proposing. */
  differ: number;
  /** Singles whose applicant-proposing program on that basis equals the full algorithm's. */
  agreeWithEngine: number;
}

/** Everything the charts read: small columns, no per-applicant data (it stays in the worker). */
export interface DashboardSummary {
  settings: DashboardSettings;
  applicants: number;
  programs: number;
  positions: number;
  types: TypeRow[];
  /** singleRanks[r] = singles matched to their (r + 1)-th choice. */
  singleRanks: Uint32Array;
  singles: number;
  specialties: SpecialtyColumns;
  couples: CouplesSummary;
  sides: SidesSummary;
  /** Did the full algorithm end in a stable matching; loops it met. */
  completed: boolean;
  loopsDetected: number;
  /** Milliseconds per stage, measured in the worker. */
  timings: Record<Stage, number>;
}

export type DashboardRequest = { id: number; settings: DashboardSettings };

export type DashboardResponse =
  | { id: number; kind: "progress"; stage: Stage; done: number }
  | { id: number; kind: "result"; summary: DashboardSummary }
  | { id: number; kind: "error"; message: string };
