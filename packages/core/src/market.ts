import type { PointerArray } from "./pointerArray.ts";

/**
 * A scenario compiled to integer indices and flat typed arrays; every algorithm works on this form.
 *
 * Applicant `a` is `0 ≤ a < nA`, program `p` is `0 ≤ p < nP`, in scenario order. Rank lists are CSR: the list of
 * applicant `a` is `appRol[appStart[a] … appStart[a + 1])`, most preferred first, so an entry's position in that
 * range is its 0-based rank. Programs mirror this with `progStart` / `progRol`.
 */
export interface CompiledMarket {
  readonly nA: number;
  readonly nP: number;
  /** Applicant index → id (the scenario's order). */
  readonly applicantIds: readonly string[];
  /** Program index → id (the scenario's order). */
  readonly programIds: readonly string[];
  /** Offsets into `appRol`, length nA + 1; the last slot is the total number of applicant-list entries. */
  readonly appStart: Uint32Array;
  /** Applicant-list entries: program indices in preference order. */
  readonly appRol: PointerArray;
  /** For each applicant-list entry, the program's 0-based rank of that applicant; -1 when it did not rank her. */
  readonly appRolProgRank: Int32Array;
  /** Offsets into `progRol`, length nP + 1; the last slot is the total number of program-list entries. */
  readonly progStart: Uint32Array;
  /** Program-list entries: applicant indices in preference order. */
  readonly progRol: PointerArray;
  /** For each program-list entry, the applicant's 0-based rank of that program; -1 when she did not rank it. */
  readonly progRolAppRank: Int32Array;
  /** Positions offered by each program. */
  readonly quota: PointerArray;
}

/** 0-based rank that applicant `a` gives program `p`, or -1 (a scan of her list: for checks, not hot loops). */
export function applicantRankOf(market: CompiledMarket, a: number, p: number): number {
  const { appStart, appRol } = market;
  const start = appStart[a]!;
  for (let e = start, end = appStart[a + 1]!; e < end; e++) if (appRol[e] === p) return e - start;
  return -1;
}

/** 0-based rank that program `p` gives applicant `a`, or -1 (a scan of her list via the precomputed ranks). */
export function programRankOf(market: CompiledMarket, p: number, a: number): number {
  const { appStart, appRol, appRolProgRank } = market;
  for (let e = appStart[a]!, end = appStart[a + 1]!; e < end; e++) if (appRol[e] === p) return appRolProgRank[e]!;
  // She did not rank p: scan the program's list instead.
  const { progStart, progRol } = market;
  const start = progStart[p]!;
  for (let e = start, end = progStart[p + 1]!; e < end; e++) if (progRol[e] === a) return e - start;
  return -1;
}
