import type { GeneratedApplicants } from "./applicants.ts";
import { APPLICANT_TYPES } from "./generatedMarket.ts";
import type { ExtraInterviews } from "./interviews.ts";
import { MODEL, TYPE_BEHAVIOUR } from "./model.ts";
import { stochasticRound, type Rng } from "./random.ts";

/**
 * Who ranks advanced (PGY-2) programs. Advanced tracks (dermatology, radiology, anesthesiology, PM&R, radiation
 * oncology, neurology) draw mostly strong U.S. seniors. Model choices, not published figures: the weight of a type
 * in the draw, times exp(strengthWeight × z).
 */
const ADVANCED_TYPE_WEIGHT: Record<string, number> = { "us-md": 1, "us-do": 0.5, "us-img": 0.15, "non-us-img": 0.15, other: 0.1 };
const STRENGTH_WEIGHT = 0.5;
/** Advanced interviews, as a share of the interviews she seeks in her target specialty (she applies to both). */
const ADVANCED_INTERVIEW_SHARE = 0.6;
/**
 * Preliminary interviews for her supplemental lists at list scale 1. An assumption: NRMP publishes no current
 * figure; applicants to advanced programs commonly rank a handful of preliminary and transitional years.
 */
const PRELIMINARY_INTERVIEWS = 6;
const MAX_PRELIMINARY_INTERVIEWS = 20;

/**
 * Chooses `round(share × nA)` applicants who rank advanced programs and submit supplemental lists (weighted
 * sampling without replacement, Efraimidis–Spirakis: the largest keys u^(1/w)), and how many advanced and
 * preliminary interviews each seeks. O(nA log nA) for the threshold sort.
 */
export function chooseAdvancedApplicants(
  applicants: GeneratedApplicants,
  share: number,
  listScale: number,
  advancedSpecialty: number,
  preliminarySpecialty: number,
  rng: Rng,
): ExtraInterviews {
  const { type } = applicants.columns;
  const nA = type.length;
  const count = Math.min(nA, Math.round(share * nA));
  const key = new Float64Array(nA);
  for (let a = 0; a < nA; a++) {
    const w = ADVANCED_TYPE_WEIGHT[APPLICANT_TYPES[type[a]!]!]! * Math.exp(STRENGTH_WEIGHT * applicants.z[a]!);
    // log(u) / w orders like u^(1/w); u = 0 would give -∞, harmless (never chosen).
    key[a] = Math.log(rng()) / w;
  }
  const sorted = key.slice().sort();
  const threshold = count === 0 ? Infinity : sorted[nA - count]!;
  const advanced = new Uint8Array(nA);
  const preliminary = new Uint8Array(nA);
  let chosen = 0;
  for (let a = 0; a < nA && chosen < count; a++) {
    if (key[a]! < threshold) continue;
    chosen++;
    const behaviour = TYPE_BEHAVIOUR[APPLICANT_TYPES[type[a]!]!];
    const sought = behaviour.interviews * listScale * Math.exp(MODEL.interviewElasticity * applicants.z[a]!);
    advanced[a] = Math.max(1, Math.min(MODEL.maxInterviews, stochasticRound(rng, ADVANCED_INTERVIEW_SHARE * sought)));
    preliminary[a] = Math.max(1, Math.min(MAX_PRELIMINARY_INTERVIEWS, stochasticRound(rng, PRELIMINARY_INTERVIEWS * listScale)));
  }
  return { advanced, preliminary, advancedSpecialty, preliminarySpecialty };
}
