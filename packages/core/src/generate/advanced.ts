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
 * Target specialties of applicants who also rank advanced programs, with their weight in the draw: "Other PGY-1"
 * holds the preliminary and transitional years and Diagnostic Radiology's PGY-1 that radiology, dermatology and
 * PM&R applicants rank beside their advanced programs; Dermatology, Anesthesiology and Neurology have advanced
 * tracks of their own. Model choices, tuned with the calibration table: choosing from every specialty emptied
 * Emergency and Family Medicine by 5 points, and weighting Anesthesiology fully emptied it by 11 (NOTES-gen2.md).
 */
export const ADVANCED_TARGET_WEIGHT: Readonly<Record<string, number>> = { OTH: 1, DERM: 1, NEUR: 0.3, ANES: 0.3 };

/**
 * Chooses `round(share × nA)` applicants who rank advanced programs and submit supplemental lists, among those
 * whose target specialty has a weight (`targetWeight[specialty] > 0`; fewer when fewer qualify), by weighted
 * sampling without replacement (Efraimidis–Spirakis: the largest keys u^(1/w)), and how many advanced and
 * preliminary interviews each seeks. O(nA log nA) for the threshold sort.
 */
export function chooseAdvancedApplicants(
  applicants: GeneratedApplicants,
  share: number,
  listScale: number,
  targetWeight: Float64Array,
  advancedSpecialty: number,
  preliminarySpecialty: number,
  rng: Rng,
): ExtraInterviews {
  const { type, specialty } = applicants.columns;
  const nA = type.length;
  const key = new Float64Array(nA);
  let candidates = 0;
  for (let a = 0; a < nA; a++) {
    const w = targetWeight[specialty[a]!]! * ADVANCED_TYPE_WEIGHT[APPLICANT_TYPES[type[a]!]!]! * Math.exp(STRENGTH_WEIGHT * applicants.z[a]!);
    // log(u) / w orders like u^(1/w); u = 0 would give -∞, harmless (never chosen).
    const u = rng();
    if (w > 0) {
      key[a] = Math.log(u) / w;
      candidates++;
    } else key[a] = -Infinity;
  }
  const count = Math.min(candidates, Math.round(share * nA));
  const sorted = key.slice().sort();
  const threshold = count === 0 ? Infinity : sorted[nA - count]!;
  const advanced = new Uint8Array(nA);
  const preliminary = new Uint8Array(nA);
  let chosen = 0;
  for (let a = 0; a < nA && chosen < count; a++) {
    if (key[a]! < threshold || key[a] === -Infinity) continue;
    chosen++;
    const behaviour = TYPE_BEHAVIOUR[APPLICANT_TYPES[type[a]!]!];
    const sought = behaviour.interviews * listScale * Math.exp(MODEL.interviewElasticity * applicants.z[a]!);
    advanced[a] = Math.max(1, Math.min(MODEL.maxInterviews, stochasticRound(rng, ADVANCED_INTERVIEW_SHARE * sought)));
    preliminary[a] = Math.max(1, Math.min(MAX_PRELIMINARY_INTERVIEWS, stochasticRound(rng, PRELIMINARY_INTERVIEWS * listScale)));
  }
  return { advanced, preliminary, advancedSpecialty, preliminarySpecialty };
}
