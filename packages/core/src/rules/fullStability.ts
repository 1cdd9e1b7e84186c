import { linkedList, type FullMarket } from "./fullMarket.ts";

/** A blocking single (applicant, program), a blocking couple (couple, pair) or a blocking supplemental case. */
export interface FullBlocking {
  kind: "single" | "couple" | "supplemental";
  /** The applicant (for a couple: the member at side 0). */
  applicant: number;
  /** The program she would rather have (for a couple: side 0's program, -1 for No Match). */
  program: number;
  /** For a couple: the couple and the pair index it would rather have. */
  couple?: number;
  pair?: number;
}

/** A matching with the Match's variations, as `rothPeranson` returns it or as a user edits it. */
export interface FullAssignment {
  primaryOf: ArrayLike<number>;
  supplementalOf: ArrayLike<number>;
  couplePair: ArrayLike<number>;
  /** Final quotas (after reversions). @defaultValue the original quotas */
  quota?: ArrayLike<number>;
  /**
   * Per program, positions it reverted and may claim back while they sit unfilled downstream (un-reverting,
   * ALGORITHM.md §7): they count as vacancies of the donor. @defaultValue none
   */
  lent?: ArrayLike<number>;
  /**
   * Per single, her appRol entry at `primaryOf` (as `FullMatching.primaryEntry`), to skip a scan of her list; an
   * entry that does not name her program is ignored (her list is then scanned). @defaultValue none (scan)
   */
  primaryEntry?: ArrayLike<number>;
}

export interface FullStabilityReport {
  blocking: FullBlocking[];
  /** Programs holding more than their final quota. */
  overQuota: number[];
  /** Applicants held where they are not mutually ranked, or with a PGY-1 position no linked list allows. */
  notMutual: number[];
  /** Couples whose members do not sit at their matched pair (or are matched while the couple is not). */
  splitCouples: number[];
  stable: boolean;
}

const UNRANKED = 0x3fffffff; // an unranked holder counts as the least preferred of all

/**
 * Checks a matching against the stability definition with couples and supplemental lists (ALGORITHM.md §7).
 * "Would take" means the program would choose the newcomer from what it holds now plus her; a program named for
 * both partners must choose both. Capacity for blocking is the larger of the original and final quota, so a
 * reverted position can be claimed back. O(total list length).
 */
export function checkFullStability(m: FullMarket, x: FullAssignment): FullStabilityReport {
  const { nA, nP, appStart, appRol, appRolProgRank, quota: original } = m.base;
  const finalQuota = x.quota ?? original;
  const count = new Int32Array(nP);
  const worst1 = new Int32Array(nP).fill(-1); // largest holder rank
  const worst2 = new Int32Array(nP).fill(-1); // second largest
  const notMutual: number[] = [];
  const splitCouples: number[] = [];
  const primaryRank = new Int32Array(nA).fill(-1); // program's rank of her at her primary
  const hold = (p: number, rank: number): void => {
    count[p]!++;
    const r = rank < 0 ? UNRANKED : rank;
    if (r > worst1[p]!) {
      worst2[p] = worst1[p]!;
      worst1[p] = r;
    } else if (r > worst2[p]!) worst2[p] = r;
  };
  const myEntry = new Int32Array(nA).fill(-1); // single's appRol entry at her primary
  const suppEntry = new Int32Array(nA).fill(-1);
  for (let a = 0; a < nA; a++) {
    const p = x.primaryOf[a]!;
    const c = m.coupleOf[a]!;
    if (p >= 0) {
      let rank = -1;
      const hint = c < 0 && x.primaryEntry !== undefined ? x.primaryEntry[a]! : -1;
      if (hint >= appStart[a]! && hint < appStart[a + 1]! && appRol[hint] === p) {
        myEntry[a] = hint;
        rank = appRolProgRank[hint]!;
      } else if (c < 0) {
        // A list names a program at most once (validated), so the scan stops at her match.
        for (let e = appStart[a]!; e < appStart[a + 1]!; e++) {
          if (appRol[e] !== p) continue;
          myEntry[a] = e;
          rank = appRolProgRank[e]!;
          break;
        }
        if (myEntry[a]! < 0) rank = -1;
      } else {
        const j = x.couplePair[c]!;
        const side = m.coupleMembers[2 * c] === a ? 0 : 1;
        if (j >= 0 && m.pairProg[2 * j + side] === p) rank = m.pairProgRank[2 * j + side]!;
      }
      if (rank < 0) notMutual.push(a);
      primaryRank[a] = rank;
      hold(p, rank);
    }
    const q = x.supplementalOf[a]!;
    if (q < 0) continue;
    const list = p >= 0 ? linkedList(m, a, p) : -1;
    let rank = -1;
    if (list >= 0) for (let e = m.suppStart[list]!; e < m.suppStart[list + 1]!; e++) if (m.suppRol[e] === q) (suppEntry[a] = e), (rank = m.suppRolProgRank[e]!);
    if (rank < 0) notMutual.push(a);
    hold(q, rank);
  }
  const overQuota: number[] = [];
  // Quotas and lent positions, mutated only while testing a couple's pair (and restored).
  const q = Int32Array.from(finalQuota);
  const lent = new Int32Array(nP);
  if (x.lent !== undefined) for (let p = 0; p < nP; p++) lent[p] = x.lent[p]!;
  for (let p = 0; p < nP; p++) if (count[p]! > q[p]!) overQuota.push(p);
  const reclaimable = (p: number): number => {
    const t = m.revertsTo[p]!;
    return lent[p]! <= 0 || t < 0 ? 0 : Math.min(lent[p]!, Math.max(0, q[t]! - count[t]!) + reclaimable(t));
  };
  const reclaimOne = (p: number): void => {
    const t = m.revertsTo[p]!;
    if (q[t]! - count[t]! <= 0) reclaimOne(t);
    q[t]!--;
    q[p]!++;
    lent[p]!--;
  };
  const plainTakes = (p: number, rank: number): boolean => rank >= 0 && (count[p]! < q[p]! || rank < worst1[p]!);
  const anyLent = lent.some((n) => n > 0);
  const takes = (p: number, rank: number): boolean => plainTakes(p, rank) || (anyLent && rank >= 0 && reclaimable(p) > 0);

  // The couple test below on the plain quotas (no reclaiming), as one function so both paths agree.
  const pairBlocks = (p0: number, p1: number, stay0: boolean, stay1: boolean, r0: number, r1: number, m0: number, m1: number): boolean => {
    if (p0 >= 0 && p0 === p1) {
      const n0 = stay0 ? -1 : r0;
      const n1 = stay1 ? -1 : r1;
      const kept = stay0 ? primaryRank[m0]! : stay1 ? primaryRank[m1]! : -1;
      return (stay0 || n0 >= 0) && (stay1 || n1 >= 0) && admitsBoth(count[p0]!, q[p0]!, worst1[p0]!, worst2[p0]!, n0, n1, kept);
    }
    return (p0 < 0 || stay0 || plainTakes(p0, r0)) && (p1 < 0 || stay1 || plainTakes(p1, r1));
  };

  const blocking: FullBlocking[] = [];
  for (let a = 0; a < nA; a++) {
    if (m.coupleOf[a]! >= 0) continue;
    const end = myEntry[a]! >= 0 ? myEntry[a]! : appStart[a + 1]!;
    for (let e = appStart[a]!; e < end; e++) {
      const p = appRol[e]!;
      const rank = appRolProgRank[e]!;
      // `takes`, inlined: this loop visits every list entry above each applicant's match.
      if (rank >= 0 && (count[p]! < q[p]! || rank < worst1[p]! || (anyLent && reclaimable(p) > 0))) blocking.push({ kind: "single", applicant: a, program: p });
    }
  }
  for (let a = 0; a < nA; a++) {
    const list = x.primaryOf[a]! >= 0 ? linkedList(m, a, x.primaryOf[a]!) : -1;
    if (list < 0) continue;
    const end = suppEntry[a]! >= 0 ? suppEntry[a]! : m.suppStart[list + 1]!;
    for (let e = m.suppStart[list]!; e < end; e++) if (takes(m.suppRol[e]!, m.suppRolProgRank[e]!)) blocking.push({ kind: "supplemental", applicant: a, program: m.suppRol[e]! });
  }
  for (let c = 0; c < m.nC; c++) {
    const m0 = m.coupleMembers[2 * c]!;
    const m1 = m.coupleMembers[2 * c + 1]!;
    const cur = x.couplePair[c]!;
    const expected0 = cur >= 0 ? m.pairProg[2 * cur]! : -1;
    const expected1 = cur >= 0 ? m.pairProg[2 * cur + 1]! : -1;
    if (x.primaryOf[m0] !== expected0 || x.primaryOf[m1] !== expected1) splitCouples.push(c);
    const end = cur >= 0 ? cur : m.pairStart[c + 1]!;
    for (let j = m.pairStart[c]!; j < end; j++) {
      const p0 = m.pairProg[2 * j]!;
      const p1 = m.pairProg[2 * j + 1]!;
      const stay0 = p0 >= 0 && x.primaryOf[m0] === p0;
      const stay1 = p1 >= 0 && x.primaryOf[m1] === p1;
      // Without lent positions nothing is claimed back: judge the pair on the plain quotas, allocating nothing
      // (this loop visits every pair above each couple's match).
      if (!anyLent) {
        if (pairBlocks(p0, p1, stay0, stay1, m.pairProgRank[2 * j]!, m.pairProgRank[2 * j + 1]!, m0, m1)) blocking.push({ kind: "couple", applicant: m0, program: p0, couple: c, pair: j });
        continue;
      }
      // A donor's reverted positions are claimed back first (as the engine does), then the pair is judged on
      // the plain quotas, so two partners never count the same position downstream twice.
      const saved: number[] = [];
      for (const p of [p0, p1]) for (let t = p; t >= 0; t = m.revertsTo[t]!) saved.push(t, q[t]!, lent[t]!);
      let works: boolean;
      if (p0 >= 0 && p0 === p1) {
        const n0 = stay0 ? -1 : m.pairProgRank[2 * j]!;
        const n1 = stay1 ? -1 : m.pairProgRank[2 * j + 1]!;
        const kept = stay0 ? primaryRank[m0]! : stay1 ? primaryRank[m1]! : -1;
        const fits = (): boolean => (stay0 || n0 >= 0) && (stay1 || n1 >= 0) && admitsBoth(count[p0]!, q[p0]!, worst1[p0]!, worst2[p0]!, n0, n1, kept);
        for (let k = 0; k < 2 && !fits() && reclaimable(p0) > 0; k++) reclaimOne(p0);
        works = fits();
      } else {
        for (const [side, p, stay] of [[0, p0, stay0], [1, p1, stay1]] as const) {
          if (p >= 0 && !stay && !plainTakes(p, m.pairProgRank[2 * j + side]!) && reclaimable(p) > 0) reclaimOne(p);
        }
        works = (p0 < 0 || stay0 || plainTakes(p0, m.pairProgRank[2 * j]!)) && (p1 < 0 || stay1 || plainTakes(p1, m.pairProgRank[2 * j + 1]!));
      }
      for (let i = saved.length - 3; i >= 0; i -= 3) {
        q[saved[i]!] = saved[i + 1]!;
        lent[saved[i]!] = saved[i + 2]!;
      }
      if (works) blocking.push({ kind: "couple", applicant: m0, program: p0, couple: c, pair: j });
    }
  }
  const stable = blocking.length === 0 && overQuota.length === 0 && notMutual.length === 0 && splitCouples.length === 0;
  return { blocking, overQuota, notMutual, splitCouples, stable };
}

/** The static form of `admitsAll` (slots.ts): newcomers n0, n1 (-1 none) and the kept member's rank (-1 none). */
function admitsBoth(count: number, cap: number, w1: number, w2: number, n0: number, n1: number, kept: number): boolean {
  const over = count + (n0 >= 0 ? 1 : 0) + (n1 >= 0 ? 1 : 0) - cap;
  const newcomer = Math.max(n0, n1);
  for (let i = 0; i < over; i++) {
    const e = i === 0 ? w1 : i === 1 ? w2 : -1;
    if (i >= 2 || e < 0 || newcomer > e || e === kept) return false;
  }
  return true;
}
