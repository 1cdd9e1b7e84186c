import { pointerArrayFor, type PointerArray } from "../pointerArray.ts";
import type { GeneratedApplicants } from "./applicants.ts";
import { APPLICANT_TYPES, NONE } from "./generatedMarket.ts";
import { MODEL, TYPE_BEHAVIOUR } from "./model.ts";
import { SCREEN_IMG_FRIENDLY, SCREEN_NO_VISA, SCREEN_SCORE_MASK, type GeneratedPrograms } from "./programs.ts";
import { logisticNoise, stochasticRound, type Rng } from "./random.ts";

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7): plenty for picking a tier. */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

// Programs that are not IMG-friendly mostly interview U.S. seniors: IMGs and "others" (earlier graduates) pass them rarely.
const NOT_US_SENIOR = new Set([APPLICANT_TYPES.indexOf("us-img"), APPLICANT_TYPES.indexOf("non-us-img"), APPLICANT_TYPES.indexOf("other")]);

/**
 * The interview graph as CSR applicant lists (unsorted): each applicant seeks a number of interviews that grows
 * with her strength, split between her target and backup specialty; each interview lands at a program of her
 * tier (a position drawn at the quantile Φ(ρ z + √(1 − ρ²) ε) from the top, ε logistic with variance 1), and the program accepts only if it
 * sponsors the visa she needs, its score screen passes, it is IMG-friendly or lets this IMG through, and she does
 * not already have it. An interview that fails `maxTries` draws is given up.
 *
 * Memory: one entry per interview sought (≤ maxInterviews per applicant), compacted in place.
 */
export function generateInterviews(applicants: GeneratedApplicants, programs: GeneratedPrograms, listScale: number, rng: Rng): { appStart: Uint32Array; appRol: PointerArray } {
  const { columns, z } = applicants;
  const nA = columns.type.length;
  const nP = programs.ids.length;
  const { slots, slotStart, screen } = programs;

  const sought = new Uint8Array(nA);
  let capacity = 0;
  for (let a = 0; a < nA; a++) {
    const behaviour = TYPE_BEHAVIOUR[APPLICANT_TYPES[columns.type[a]!]!];
    const k = Math.min(MODEL.maxInterviews, stochasticRound(rng, behaviour.interviews * listScale * Math.exp(MODEL.interviewElasticity * z[a]!)));
    sought[a] = k;
    capacity += k;
  }

  const appRol = new (pointerArrayFor(Math.max(nP - 1, 0)))(capacity);
  const appStart = new Uint32Array(nA + 1);
  const stamp = new Int32Array(nP).fill(-1); // stamp[p] === a: applicant a already interviews at p
  const rho = MODEL.tierCorrelation;
  const rhoRest = Math.sqrt(1 - rho * rho);
  let out = 0;
  for (let a = 0; a < nA; a++) {
    appStart[a] = out;
    const k = sought[a]!;
    const backup = columns.backup[a]!;
    // With a backup specialty, a quarter to a half of her interviews go there.
    const inBackup = backup === NONE ? 0 : Math.round(k * (0.25 + 0.25 * rng()));
    const isImg = NOT_US_SENIOR.has(columns.type[a]!);
    const needsVisa = columns.needsVisa[a] === 1;
    const score = columns.step2ck[a]!;
    for (let i = 0; i < k; i++) {
      const sp = i < k - inBackup ? columns.specialty[a]! : backup;
      const first = slotStart[sp]!;
      const positions = slotStart[sp + 1]! - first;
      if (positions === 0) continue;
      for (let tries = 0; tries < MODEL.maxTries; tries++) {
        const x = normalCdf(rho * z[a]! + rhoRest * logisticNoise(rng));
        const p = slots[first + Math.min(positions - 1, Math.floor((1 - x) * positions))]!;
        if (stamp[p] === a) continue;
        const word = screen[p]!;
        if (needsVisa && (word & SCREEN_NO_VISA) !== 0) continue;
        if ((word & SCREEN_SCORE_MASK) > score) continue;
        if (isImg && (word & SCREEN_IMG_FRIENDLY) === 0 && rng() >= MODEL.imgUnfriendlyAcceptance) continue;
        stamp[p] = a;
        appRol[out++] = p;
        break;
      }
    }
  }
  appStart[nA] = out;
  return { appStart, appRol: out === capacity ? appRol : appRol.slice(0, out) };
}
