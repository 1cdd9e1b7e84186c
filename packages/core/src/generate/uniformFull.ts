import { pointerArrayFor } from "../pointerArray.ts";
import { sequentialIds, TRACKS, type GeneratedMarket } from "./generatedMarket.ts";
import { randomInt, shuffleRange, type Rng } from "./random.ts";
import { generateUniformMarket, sampleInto, type ResearchSize } from "./research.ts";
import type { GeneratedSupplemental } from "./supplemental.ts";
import { formUniformCouples } from "./uniformCouples.ts";

/** The Match's variations a uniform market can hold, each a share in [0, 1); 0 leaves the variation out. */
export interface UniformVariations {
  couplesShare: number;
  supplementalShare: number;
}

const ADVANCED = TRACKS.indexOf("advanced");
const PRELIMINARY = TRACKS.indexOf("preliminary");

/**
 * Roth–Peranson's uniform random k-list market with couples and supplemental lists, the random market of RP99 §VI
 * with the two variations their Table 1 markets have. With both shares 0 it is `generateUniformMarket`, draw for
 * draw.
 *
 * Supplemental lists (share s > 0): `round(s × nP)` advanced (PGY-2) programs join the nP (`programs`) ones, as
 * the NRMP presets add the published PGY-2 positions (withAdvancedTrack): an applicant with a supplemental list can
 * hold two positions, so supply grows with demand and the market stays as balanced as the singles one (without
 * them, PGY-1 applicants lose the preliminary positions to her and the market tightens: 1.8× the proposals at
 * 200k). As many of the nP programs are preliminary (PGY-1), the rest categorical; which ids get which track is
 * random.
 * `round(s × nA)` random applicants rank k advanced programs (drawn uniformly, in random order) and submit one
 * supplemental list of k preliminary programs (drawn the same way), linked to every advanced program she ranks (a
 * uniform market has no geography to group them by). Every other applicant ranks k programs drawn uniformly from
 * the categorical and preliminary ones. Each program ranks, in random order, everyone who listed it, supplemental
 * lists included (she interviewed there).
 *
 * Couples (share c > 0): then `round(c × nA / 2)` couples among the applicants without supplemental lists, their
 * joint lists built from the partners' lists (see formUniformCouples): k joint pairs, then "No Match" fallbacks.
 *
 * Stages draw from the one rng in this order: tracks, advanced applicants, lists, programs' orders, couples; a
 * variation at 0 draws nothing. O(nA · k + nP) time and memory (k capped at the pool it draws from).
 */
export function generateUniformFullMarket(size: ResearchSize, variations: UniformVariations, rng: Rng): GeneratedMarket {
  const { couplesShare, supplementalShare } = variations;
  const market = supplementalShare > 0 ? uniformWithSupplemental(size, supplementalShare, rng) : generateUniformMarket(size, rng);
  if (couplesShare <= 0) return market;
  const k = Math.min(size.listLength, size.programs);
  const single = market.supplemental === undefined ? undefined : supplementalFree(market.nA, market.supplemental.owner);
  const paired = formUniformCouples(couplesShare, market.appStart, market.appRol, market.quota, k, rng, single);
  const couples = paired.couples.members.length / 2;
  return {
    ...market,
    description: `${market.description}, ${couples} couples`,
    appStart: paired.appStart,
    appRol: paired.appRol,
    couples: paired.couples,
  };
}

/** 1 for applicants who own no supplemental list (couples are formed among them, as in NRMP markets). */
function supplementalFree(nA: number, owner: Uint32Array): Uint8Array {
  const free = new Uint8Array(nA).fill(1);
  for (const a of owner) free[a] = 0;
  return free;
}

/** A partial Fisher–Yates shuffle of `[0, n)`: its first `count` entries are a uniform random sample, in random order. */
function sampleIndices(n: number, count: number, rng: Rng): Uint32Array {
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let j = 0; j < count; j++) {
    const r = j + randomInt(rng, n - j);
    const t = perm[j]!;
    perm[j] = perm[r]!;
    perm[r] = t;
  }
  return perm;
}

function uniformWithSupplemental(size: ResearchSize, share: number, rng: Rng): GeneratedMarket {
  const { applicants: nA, programs: nPgy1 } = size;
  const nAdv = Math.round(share * nPgy1);
  const nP = nPgy1 + nAdv;
  // 2 · nAdv ≤ nP since nAdv ≤ nPgy1 (share < 1).
  const programPerm = sampleIndices(nP, 2 * nAdv, rng);
  const programTrack = new Uint8Array(nP);
  const advancedPool = programPerm.slice(0, nAdv);
  const preliminaryPool = programPerm.slice(nAdv, 2 * nAdv);
  const otherPool = programPerm.slice(nAdv);
  for (const p of advancedPool) programTrack[p] = ADVANCED;
  for (const p of preliminaryPool) programTrack[p] = PRELIMINARY;

  const nSupp = nAdv > 0 ? Math.round(share * nA) : 0;
  const advancedApplicant = new Uint8Array(nA);
  const applicantPerm = sampleIndices(nA, nSupp, rng);
  for (let j = 0; j < nSupp; j++) advancedApplicant[applicantPerm[j]!] = 1;

  const kAdv = Math.min(size.listLength, nAdv);
  const kPre = Math.min(size.listLength, nAdv);
  const kOther = Math.min(size.listLength, otherPool.length);
  const appStart = new Uint32Array(nA + 1);
  for (let a = 0; a < nA; a++) appStart[a + 1] = appStart[a]! + (advancedApplicant[a] === 1 ? kAdv : kOther);
  const appRol = new (pointerArrayFor(Math.max(nP - 1, 0)))(appStart[nA]!);
  const owner = new Uint32Array(nSupp);
  const suppRol = new Uint32Array(nSupp * kPre);
  for (let a = 0, l = 0; a < nA; a++) {
    if (advancedApplicant[a] === 0) {
      sampleInto(otherPool, kOther, appRol, appStart[a]!, rng);
      continue;
    }
    sampleInto(advancedPool, kAdv, appRol, appStart[a]!, rng);
    sampleInto(preliminaryPool, kPre, suppRol, l * kPre, rng);
    owner[l++] = a;
  }
  const supplemental: GeneratedSupplemental = {
    owner,
    start: Uint32Array.from({ length: nSupp + 1 }, (_, l) => l * kPre),
    rol: suppRol,
    // Her one list serves every advanced program she ranks, which is her whole primary list.
    linkStart: Uint32Array.from({ length: nSupp + 1 }, (_, l) => l * kAdv),
    linkProg: new Uint32Array(nSupp * kAdv),
  };
  for (let l = 0; l < nSupp; l++) supplemental.linkProg.set(appRol.subarray(appStart[owner[l]!]!, appStart[owner[l]! + 1]!), l * kAdv);

  const { progStart, progRol } = invertWithSupplemental(nA, nP, appStart, appRol, supplemental);
  for (let p = 0; p < nP; p++) shuffleRange(progRol, progStart[p]!, progStart[p + 1]!, rng);
  return {
    name: "uniform",
    description:
      `Roth–Peranson uniform random ${Math.min(size.listLength, nPgy1)}-list market: ${nA} applicants, ${nP} programs of ${size.quota} ` +
      `(${nPgy1} PGY-1, ${nAdv} of them preliminary, and ${nAdv} advanced), ${nSupp} applicants with supplemental lists`,
    nA, nP,
    applicantIds: sequentialIds("a", nA),
    programIds: sequentialIds("p", nP),
    appStart, appRol, progStart, progRol,
    quota: new (pointerArrayFor(size.quota))(nP).fill(size.quota),
    specialties: [],
    supplemental,
    programTrack,
  };
}

/**
 * The programs' lists: everyone who listed the program, on her primary list or on a supplemental list, in
 * applicant order (a counting sort, O(entries)). An applicant's primary and supplemental programs are disjoint
 * (advanced against preliminary), so nobody is listed twice.
 */
function invertWithSupplemental(nA: number, nP: number, appStart: Uint32Array, appRol: ArrayLike<number>, s: GeneratedSupplemental) {
  const total = appStart[nA]! + s.rol.length;
  const progStart = new Uint32Array(nP + 1);
  for (let e = 0; e < appStart[nA]!; e++) progStart[appRol[e]! + 1]!++;
  for (let e = 0; e < s.rol.length; e++) progStart[s.rol[e]! + 1]!++;
  for (let p = 0; p < nP; p++) progStart[p + 1]! += progStart[p]!;
  const fill = progStart.slice(0, nP);
  const progRol = new (pointerArrayFor(Math.max(nA - 1, 0)))(total);
  for (let a = 0, l = 0; a < nA; a++) {
    for (let e = appStart[a]!; e < appStart[a + 1]!; e++) progRol[fill[appRol[e]!]!++] = a;
    if (l < s.owner.length && s.owner[l] === a) {
      for (let e = s.start[l]!; e < s.start[l + 1]!; e++) progRol[fill[s.rol[e]!]!++] = a;
      l++;
    }
  }
  return { progStart, progRol };
}
