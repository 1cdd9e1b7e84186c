import type { PointerArray } from "../pointerArray.ts";
import { TRACKS } from "./generatedMarket.ts";
import { MODEL } from "./model.ts";
import { logisticNoise, type Rng } from "./random.ts";

/**
 * Supplemental lists in index form (ALGORITHM.md §6.2). List `l` belongs to applicant `owner[l]` (ascending, so an
 * applicant's lists are consecutive) and ranks preliminary programs `rol[start[l] … start[l + 1])`; it is linked to
 * the advanced programs `linkProg[linkStart[l] … linkStart[l + 1])`, all on the owner's primary list, each linked
 * to one list only.
 */
export interface GeneratedSupplemental {
  owner: Uint32Array;
  start: Uint32Array;
  rol: Uint32Array;
  linkStart: Uint32Array;
  linkProg: Uint32Array;
}

const ADVANCED = TRACKS.indexOf("advanced");
/** Extra utility of a preliminary year in the region of the advanced programs a list serves (geography). */
const SAME_REGION_BONUS = 1;

/**
 * Builds each applicant's supplemental lists from her preliminary interviews `suppRol[suppStart[a] …]`: her
 * advanced programs (in her primary order) are grouped by region, and each group gets one list of all her
 * preliminary interviews, ordered by common quality, her private taste (one draw per program, shared by her lists)
 * and a bonus for programs in that region and in her home region. An applicant without advanced programs on her
 * primary list, or without preliminary interviews, gets no list. O(entries × regions) plus small sorts.
 */
export function buildSupplementalLists(
  appStart: Uint32Array,
  appRol: PointerArray,
  suppStart: Uint32Array,
  suppRol: ArrayLike<number>,
  programTrack: Uint8Array,
  programRegion: Uint8Array,
  quality: Float32Array,
  applicantRegion: Uint8Array,
  rng: Rng,
): GeneratedSupplemental {
  const nA = appStart.length - 1;
  const owner: number[] = [];
  const start: number[] = [0];
  const rol: number[] = [];
  const linkStart: number[] = [0];
  const linkProg: number[] = [];
  const taste = new Map<number, number>();
  for (let a = 0; a < nA; a++) {
    const from = suppStart[a]!;
    const to = suppStart[a + 1]!;
    if (from === to) continue;
    const regions: number[] = [];
    for (let e = appStart[a]!; e < appStart[a + 1]!; e++) {
      const p = appRol[e]!;
      if (programTrack[p] === ADVANCED && !regions.includes(programRegion[p]!)) regions.push(programRegion[p]!);
    }
    if (regions.length === 0) continue;
    taste.clear();
    for (let e = from; e < to; e++) taste.set(suppRol[e]!, MODEL.applicantPrivateWeight * logisticNoise(rng));
    for (const r of regions) {
      const utility = (p: number): number =>
        MODEL.applicantCommonWeight * quality[p]! + taste.get(p)! + (programRegion[p] === r ? SAME_REGION_BONUS : 0) +
        (programRegion[p] === applicantRegion[a] ? MODEL.homeRegionBonus : 0);
      const list = Array.from({ length: to - from }, (_, k) => suppRol[from + k]!);
      list.sort((x, y) => utility(y) - utility(x) || x - y);
      owner.push(a);
      rol.push(...list);
      start.push(rol.length);
      for (let e = appStart[a]!; e < appStart[a + 1]!; e++) {
        const p = appRol[e]!;
        if (programTrack[p] === ADVANCED && programRegion[p] === r) linkProg.push(p);
      }
      linkStart.push(linkProg.length);
    }
  }
  return {
    owner: Uint32Array.from(owner),
    start: Uint32Array.from(start),
    rol: Uint32Array.from(rol),
    linkStart: Uint32Array.from(linkStart),
    linkProg: Uint32Array.from(linkProg),
  };
}

/** Splits combined interview lists into the primary part (`primaryCount[a]` first entries) and the rest. */
export function splitInterviews(
  appStart: Uint32Array,
  appRol: PointerArray,
  primaryCount: Uint8Array,
): { appStart: Uint32Array; appRol: PointerArray; suppStart: Uint32Array; suppRol: PointerArray } {
  const nA = appStart.length - 1;
  const primaryStart = new Uint32Array(nA + 1);
  const suppStart = new Uint32Array(nA + 1);
  for (let a = 0; a < nA; a++) {
    const length = appStart[a + 1]! - appStart[a]!;
    primaryStart[a + 1] = primaryStart[a]! + primaryCount[a]!;
    suppStart[a + 1] = suppStart[a]! + length - primaryCount[a]!;
  }
  const Ctor = appRol.constructor as new (n: number) => PointerArray;
  const primary = new Ctor(primaryStart[nA]!);
  const supp = new Ctor(suppStart[nA]!);
  for (let a = 0; a < nA; a++) {
    const mid = appStart[a]! + primaryCount[a]!;
    primary.set(appRol.subarray(appStart[a]!, mid), primaryStart[a]!);
    supp.set(appRol.subarray(mid, appStart[a + 1]!), suppStart[a]!);
  }
  return { appStart: primaryStart, appRol: primary, suppStart, suppRol: supp };
}
