import { pointerArrayFor } from "../pointerArray.ts";
import { sequentialIds, type GeneratedMarket } from "./generatedMarket.ts";
import { invertLists } from "./preferences.ts";
import { createNormal, logisticNoise, randomInt, shuffleRange, type Rng } from "./random.ts";
import { sortSegmentsByUtility } from "./rankOrder.ts";

/** Size of a research market. */
export interface ResearchSize {
  applicants: number;
  programs: number;
  quota: number;
  listLength: number;
}

/**
 * Draws `k` distinct values of `perm` (a pool, permuted in place: `[0, n)` at first) into `out[at …]` in random
 * order (partial Fisher–Yates on `perm`).
 */
export function sampleInto(perm: Uint32Array, k: number, out: { [i: number]: number }, at: number, rng: Rng): void {
  const n = perm.length;
  for (let j = 0; j < k; j++) {
    const r = j + randomInt(rng, n - j);
    const t = perm[j]!;
    perm[j] = perm[r]!;
    perm[r] = t;
    out[at + j] = perm[j]!;
  }
}

const SMALL_SAMPLE = 64;

/**
 * Draws `k ≤ 64` distinct values of `[0, n)` into `out` in random order by rejection, checking duplicates with a
 * scan of the few already drawn: no per-market permutation to touch, so it stays in cache at any n.
 */
function sampleSmall(n: number, k: number, out: Uint32Array, rng: Rng): void {
  for (let j = 0; j < k; j++) {
    let v = 0;
    let fresh = false;
    while (!fresh) {
      v = randomInt(rng, n);
      fresh = true;
      for (let i = 0; i < j; i++) {
        if (out[i] === v) {
          fresh = false;
          break;
        }
      }
    }
    out[j] = v;
  }
}

function shell(name: string, description: string, size: ResearchSize, appStart: Uint32Array, appRol: GeneratedMarket["appRol"]) {
  const { applicants: nA, programs: nP } = size;
  const { progStart, progRol } = invertLists(nA, nP, appStart, appRol);
  const quota = new (pointerArrayFor(size.quota))(nP).fill(size.quota);
  return {
    name, description, nA, nP,
    applicantIds: sequentialIds("a", nA),
    programIds: sequentialIds("p", nP),
    appStart, appRol, progStart, progRol, quota,
    specialties: [],
  } satisfies GeneratedMarket;
}

/**
 * Roth–Peranson's uniform random k-list market (RP99 §VI): each applicant ranks k programs drawn uniformly, in
 * random order; each program ranks the applicants who listed it, in random order. O(nA · k).
 */
export function generateUniformMarket(size: ResearchSize, rng: Rng): GeneratedMarket {
  const { applicants: nA, programs: nP } = size;
  const k = Math.min(size.listLength, nP);
  const appStart = new Uint32Array(nA + 1);
  for (let a = 0; a <= nA; a++) appStart[a] = a * k;
  const appRol = new (pointerArrayFor(Math.max(nP - 1, 0)))(nA * k);
  const perm = Uint32Array.from({ length: nP }, (_, i) => i);
  for (let a = 0; a < nA; a++) sampleInto(perm, k, appRol, a * k, rng);
  const market = shell("uniform", `Roth–Peranson uniform random ${k}-list market: ${nA} applicants, ${nP} programs of ${size.quota}`, size, appStart, appRol);
  for (let p = 0; p < nP; p++) shuffleRange(market.progRol, market.progStart[p]!, market.progStart[p + 1]!, rng);
  return market;
}

/**
 * Common-plus-private-value market: applicant a values program p at √ρ·c_p + √(1 − ρ)·ε_ap, so two applicants'
 * values of a program correlate by ρ; programs value applicants the same way (√ρ·s_a + √(1 − ρ)·η_pa). Common
 * parts are standard normal; private parts are logistic with variance 1 (one draw each, for speed). Each
 * applicant considers a uniform sample of min(nP, 2k) programs and lists her k favourites in order, which keeps
 * the work O(nA · k) and makes popular programs appear on more lists as ρ grows (ρ = 0 is the uniform k-list
 * market in distribution).
 */
export function generateCorrelatedMarket(size: ResearchSize, correlation: number, rng: Rng): GeneratedMarket {
  const { applicants: nA, programs: nP } = size;
  const k = Math.min(size.listLength, nP);
  const sample = Math.min(nP, 2 * k);
  const normal = createNormal(rng);
  const common = new Float32Array(nP);
  for (let p = 0; p < nP; p++) common[p] = normal();
  const score = new Float32Array(nA);
  for (let a = 0; a < nA; a++) score[a] = normal();
  const wc = Math.sqrt(correlation);
  const wp = Math.sqrt(1 - correlation);

  const appStart = new Uint32Array(nA + 1);
  for (let a = 0; a <= nA; a++) appStart[a] = a * k;
  const appRol = new (pointerArrayFor(Math.max(nP - 1, 0)))(nA * k);
  const candidates = new Uint32Array(sample);
  const bestValue = new Float64Array(k);
  const perm = sample > SMALL_SAMPLE ? Uint32Array.from({ length: nP }, (_, i) => i) : undefined;
  for (let a = 0; a < nA; a++) {
    if (perm === undefined) sampleSmall(nP, sample, candidates, rng);
    else sampleInto(perm, sample, candidates, 0, rng);
    // Keep her k favourites in order by insertion (k ≪ sample, so most candidates fail the first comparison).
    const base = a * k;
    let m = 0;
    for (let i = 0; i < sample; i++) {
      const p = candidates[i]!;
      const u = wc * common[p]! + wp * logisticNoise(rng);
      if (m === k && u <= bestValue[k - 1]!) continue;
      let j = m < k ? m++ : k - 1;
      while (j > 0 && bestValue[j - 1]! < u) {
        bestValue[j] = bestValue[j - 1]!;
        appRol[base + j] = appRol[base + j - 1]!;
        j--;
      }
      bestValue[j] = u;
      appRol[base + j] = p;
    }
  }
  const market = shell(
    "correlated",
    `Common-plus-private-value market (correlation ${correlation}): ${nA} applicants, ${nP} programs of ${size.quota}, lists of ${k}`,
    size, appStart, appRol,
  );
  sortSegmentsByUtility(market.progStart, market.progRol, Math.max(nA - 1, 0), (_p, a) => wc * score[a]! + wp * logisticNoise(rng));
  return market;
}
