import { pointerArrayFor, type PointerArray } from "../pointerArray.ts";
import type { GeneratedApplicants } from "./applicants.ts";
import { APPLICANT_TYPES, TRACKS } from "./generatedMarket.ts";
import { MODEL, TYPE_BEHAVIOUR } from "./model.ts";
import type { GeneratedPrograms } from "./programs.ts";
import { logisticNoise, type Rng } from "./random.ts";
import { sortSegmentsByUtility } from "./rankOrder.ts";

/**
 * The programs' side of an interview graph: each program's list holds the applicants who list it (a counting
 * sort of the applicant lists, O(total entries)), in applicant order until sorted.
 */
export function invertLists(nA: number, nP: number, appStart: Uint32Array, appRol: PointerArray): { progStart: Uint32Array; progRol: PointerArray } {
  const total = appStart[nA]!;
  const progStart = new Uint32Array(nP + 1);
  for (let e = 0; e < total; e++) progStart[appRol[e]! + 1]!++;
  for (let p = 0; p < nP; p++) progStart[p + 1]! += progStart[p]!;
  const fill = progStart.slice(0, nP);
  const progRol = new (pointerArrayFor(Math.max(nA - 1, 0)))(total);
  for (let a = 0; a < nA; a++) {
    for (let e = appStart[a]!, end = appStart[a + 1]!; e < end; e++) progRol[fill[appRol[e]!]!++] = a;
  }
  return { progStart, progRol };
}

const TARGET_FIRST = 100; // dwarfs every other term: she ranks her target specialty above her backup
// Advanced (PGY-2) programs come first of all: she applied to them for the specialty they lead to, and NRMP's
// rules fall back to her categorical programs only when no advanced program takes her.
const ADVANCED_FIRST = 2 * TARGET_FIRST;
const ADVANCED = TRACKS.indexOf("advanced");

/**
 * Orders both sides' lists of mutual interviewees. Applicants: target specialty first, then common program
 * quality plus private taste (logistic noise) plus a home-region bonus. Programs: the applicant's strength plus a bonus for U.S.
 * seniors, a penalty for IMGs at programs that are not IMG-friendly, plus private taste.
 */
export function rankInterviews(
  applicants: GeneratedApplicants,
  programs: GeneratedPrograms,
  appStart: Uint32Array,
  appRol: PointerArray,
  progStart: Uint32Array,
  progRol: PointerArray,
  rng: Rng,
): void {
  const { type, specialty, region } = applicants.columns;
  const { strength } = applicants;
  const { quality } = programs;
  const pc = programs.columns;
  const nA = type.length;
  const nP = programs.ids.length;
  sortSegmentsByUtility(appStart, appRol, Math.max(nP - 1, 0), (a, p) =>
    (pc.specialty[p] === specialty[a] ? TARGET_FIRST : pc.track[p] === ADVANCED ? ADVANCED_FIRST : 0) +
    MODEL.applicantCommonWeight * quality[p]! +
    MODEL.applicantPrivateWeight * logisticNoise(rng) +
    (pc.region[p] === region[a] ? MODEL.homeRegionBonus : 0),
  );
  // Each applicant's score at an IMG-friendly program (even slot) and at another (odd slot), side by side so one
  // cache line serves both: the program side reads applicants at random, which is what costs time at scale.
  const seen = new Float32Array(2 * nA);
  for (let a = 0; a < nA; a++) {
    const t = type[a]!;
    const score = strength[a]! + TYPE_BEHAVIOUR[APPLICANT_TYPES[t]!].programBonus;
    seen[2 * a] = score;
    seen[2 * a + 1] = t <= 1 ? score : score - 0.5; // types 0 and 1 are U.S. seniors (MD, DO)
  }
  sortSegmentsByUtility(progStart, progRol, Math.max(nA - 1, 0), (p, a) => seen[2 * a + (pc.imgFriendly[p] === 0 ? 1 : 0)]! + MODEL.programPrivateWeight * logisticNoise(rng));
}
