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
 * tier (a position drawn at the quantile Φ(ρ z + √(1 − ρ²) ε) from the top, ε logistic with variance 1), and the
 * program accepts only if it sponsors the visa she needs, its score screen passes, it is IMG-friendly or lets this
 * IMG through, and she does not already have it. An interview that fails `maxTries` draws is given up.
 *
 * Applicants are visited specialty by specialty (targets, then backups), so the slots and programs being read
 * stay in cache: the draws are random reads, and at a million applicants this order cut CPU time by a quarter.
 * Memory: one entry per interview sought (≤ maxInterviews per applicant), compacted in place at the end.
 */
export function generateInterviews(
  applicants: GeneratedApplicants,
  programs: GeneratedPrograms,
  listScale: number,
  rng: Rng,
  extra?: ExtraInterviews,
): { appStart: Uint32Array; appRol: PointerArray; primaryCount?: Uint8Array } {
  const { columns } = applicants;
  const nA = columns.type.length;
  const nP = programs.ids.length;
  const nS = programs.slotStart.length - 1;

  // Interviews sought, and how many of them go to the backup specialty (a quarter to a half, when she has one).
  const sought = new Uint8Array(nA);
  const inBackup = new Uint8Array(nA);
  const capStart = new Uint32Array(nA + 1);
  for (let a = 0; a < nA; a++) {
    const behaviour = TYPE_BEHAVIOUR[APPLICANT_TYPES[columns.type[a]!]!];
    const k = Math.min(MODEL.maxInterviews, stochasticRound(rng, behaviour.interviews * listScale * Math.exp(MODEL.interviewElasticity * applicants.z[a]!)));
    sought[a] = k;
    inBackup[a] = columns.backup[a] === NONE ? 0 : Math.round(k * (0.25 + 0.25 * rng()));
    capStart[a + 1] = capStart[a]! + k + (extra === undefined ? 0 : extra.advanced[a]! + extra.preliminary[a]!);
  }

  const appRol = new (pointerArrayFor(Math.max(nP - 1, 0)))(capStart[nA]!);
  const filled = new Uint8Array(nA);
  const draw = createDraw(applicants, programs, appRol, capStart, filled, rng);
  const byTarget = groupBy(columns.specialty, nS);
  for (let i = 0; i < nA; i++) {
    const a = byTarget[i]!;
    draw(a, columns.specialty[a]!, sought[a]! - inBackup[a]!);
  }
  const byBackup = groupBy(columns.backup, nS);
  for (let i = 0; i < byBackup.length; i++) {
    const a = byBackup[i]!;
    draw(a, columns.backup[a]!, inBackup[a]!);
  }
  // Advanced applicants: advanced interviews join her primary list; preliminary ones, drawn last so they sit at
  // the end of her range, are her supplemental interviews (the stamp keeps them off programs she already has).
  let primaryCount: Uint8Array | undefined;
  if (extra !== undefined) {
    for (let a = 0; a < nA; a++) if (extra.advanced[a]! > 0) draw(a, extra.advancedSpecialty, extra.advanced[a]!);
    primaryCount = filled.slice();
    for (let a = 0; a < nA; a++) if (extra.preliminary[a]! > 0) draw(a, extra.preliminarySpecialty, extra.preliminary[a]!);
  }

  // Compact: each list moves left to follow the previous one (never past its own start).
  const appStart = new Uint32Array(nA + 1);
  let out = 0;
  for (let a = 0; a < nA; a++) {
    appStart[a] = out;
    appRol.copyWithin(out, capStart[a]!, capStart[a]! + filled[a]!);
    out += filled[a]!;
  }
  appStart[nA] = out;
  const compact = out === appRol.length ? appRol : appRol.slice(0, out);
  return primaryCount === undefined ? { appStart, appRol: compact } : { appStart, appRol: compact, primaryCount };
}

/** Interviews beyond the target and backup specialties, for applicants who rank advanced programs. */
export interface ExtraInterviews {
  /** Per applicant, advanced (PGY-2) interviews sought (0 for most). */
  advanced: Uint8Array;
  /** Per applicant, preliminary (PGY-1) interviews sought for her supplemental lists. */
  preliminary: Uint8Array;
  advancedSpecialty: number;
  preliminarySpecialty: number;
}

/** Applicant indices grouped by a specialty column (a stable counting sort); NONE entries are left out. */
function groupBy(column: Uint8Array, nS: number): Uint32Array {
  const start = new Uint32Array(nS + 1);
  for (const sp of column) if (sp !== NONE) start[sp + 1]!++;
  for (let sp = 0; sp < nS; sp++) start[sp + 1]! += start[sp]!;
  const order = new Uint32Array(start[nS]!);
  for (let a = 0; a < column.length; a++) {
    const sp = column[a]!;
    if (sp !== NONE) order[start[sp]!++] = a;
  }
  return order;
}

/** The draw of `count` interviews for applicant `a` in specialty `sp`, appended to her capacity range. */
function createDraw(applicants: GeneratedApplicants, programs: GeneratedPrograms, appRol: PointerArray, capStart: Uint32Array, filled: Uint8Array, rng: Rng) {
  const { columns, z } = applicants;
  const { slots, slotStart, screen } = programs;
  const stamp = new Int32Array(programs.ids.length).fill(-1); // stamp[p] === a: applicant a already interviews at p
  const rho = MODEL.tierCorrelation;
  const rhoRest = Math.sqrt(1 - rho * rho);
  return (a: number, sp: number, count: number): void => {
    const first = slotStart[sp]!;
    const positions = slotStart[sp + 1]! - first;
    if (positions === 0) return;
    const isImg = NOT_US_SENIOR.has(columns.type[a]!);
    const needsVisa = columns.needsVisa[a] === 1;
    const score = columns.step2ck[a]!;
    const tier = rho * z[a]!;
    let out = capStart[a]! + filled[a]!;
    // Re-stamp what she already has: draws in another specialty may have overwritten her stamps in between.
    for (let e = capStart[a]!; e < out; e++) stamp[appRol[e]!] = a;
    for (let i = 0; i < count; i++) {
      for (let tries = 0; tries < MODEL.maxTries; tries++) {
        const x = normalCdf(tier + rhoRest * logisticNoise(rng));
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
    filled[a] = out - capStart[a]!;
  };
}
