import type { CompiledMarket } from "../market.ts";

/** Program tracks as small integers (the order of `Track` in schema.ts). */
export const TrackCode = { categorical: 0, preliminary: 1, advanced: 2, primary: 3 } as const;

/**
 * A scenario with the Match's variations (couples, supplemental lists, reversions) compiled to typed arrays.
 *
 * `base` is the simple part: applicants are the scenario's applicants followed by couple members it does not list,
 * each couple member with an empty individual list (her choices live in the couple's pairs). Couple `c` has
 * members `coupleMembers[2c]`, `coupleMembers[2c + 1]` (side 0 and side 1) and pairs `pairStart[c] … pairStart[c + 1]`;
 * pair `j` asks program `pairProg[2j + s]` for side `s` (-1 is "No Match"). Supplemental list `l` of applicant
 * `suppOwner[l]` ranks `suppRol[suppStart[l] … suppStart[l + 1])`; applicant `a` links advanced program
 * `linkProg[k]` to list `linkList[k]` for `k` in `linkStart[a] … linkStart[a + 1]`.
 */
export interface FullMarket {
  readonly base: CompiledMarket;
  /** Number of couples. */
  readonly nC: number;
  /** Members of each couple, 2 per couple: [side 0, side 1]. */
  readonly coupleMembers: Uint32Array;
  /** Per applicant, her couple index; -1 for a single. */
  readonly coupleOf: Int32Array;
  /** Offsets into the pair arrays, length nC + 1; a couple has at most 300 pairs. */
  readonly pairStart: Uint32Array;
  /** Per pair j, the program for side 0 at 2j and side 1 at 2j + 1; -1 means "No Match". */
  readonly pairProg: Int32Array;
  /** Per pair j and side s, that program's 0-based rank of the member at side s; -1 when unranked or No Match. */
  readonly pairProgRank: Int32Array;
  /** Bitset over program-list entries: set where a pair of her couple names that program for her (couplePairIndex.ts). */
  readonly coupleEntries: Int32Array;
  /** Per program-list entry with its `coupleEntries` bit set, the first such pair; stale elsewhere (couplePairIndex.ts). */
  readonly firstPair: Int32Array;
  /** Per program, its track (TrackCode). */
  readonly track: Uint8Array;
  /** Per program, the program receiving its unfilled positions; -1 when none. Acyclic (validated). */
  readonly revertsTo: Int32Array;
  /** Programs with an even-number request, in ascending id: the order they are processed (ALGORITHM.md §9). */
  readonly evenPrograms: Uint32Array;
  /** Programs with a reversion target, in ascending id: the order reversions are processed (ALGORITHM.md §9). */
  readonly donors: Uint32Array;
  /** Offsets into `suppRol`, length nS + 1 (nS supplemental lists in all). */
  readonly suppStart: Uint32Array;
  /** Supplemental-list entries: preliminary program indices in preference order. */
  readonly suppRol: Uint32Array;
  /** Per supplemental entry, the program's 0-based rank of the list's owner; -1 when it did not rank her. */
  readonly suppRolProgRank: Int32Array;
  /** Per supplemental list, its owner. */
  readonly suppOwner: Uint32Array;
  /** Per applicant, offsets into `linkProg` / `linkList`, length nA + 1. */
  readonly linkStart: Uint32Array;
  /** Advanced programs that carry a supplemental list. */
  readonly linkProg: Uint32Array;
  /** The supplemental list linked to `linkProg[k]`. */
  readonly linkList: Uint32Array;
  /** Singles in admission order: ascending id (ALGORITHM.md §9). */
  readonly singlesOrder: Uint32Array;
  /** Couples in admission order: ascending lower member id. */
  readonly couplesOrder: Uint32Array;
}

/** The supplemental list applicant `a` links to advanced program `p`, or -1 (a scan of her few links). */
export function linkedList(market: FullMarket, a: number, p: number): number {
  const { linkStart, linkProg, linkList } = market;
  for (let k = linkStart[a]!, end = linkStart[a + 1]!; k < end; k++) if (linkProg[k] === p) return linkList[k]!;
  return -1;
}

/**
 * Deterministic id order: two ids made only of digits compare as numbers (NRMP codes), anything else by UTF-16
 * code units (never by locale, so every machine agrees).
 */
export function compareIds(x: string, y: string): number {
  const digits = /^\d+$/;
  if (digits.test(x) && digits.test(y)) {
    const u = x.replace(/^0+(?=\d)/, "");
    const v = y.replace(/^0+(?=\d)/, "");
    if (u.length !== v.length) return u.length - v.length;
    if (u !== v) return u < v ? -1 : 1;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Indices `0 … ids.length - 1` that pass `keep`, sorted by `compareIds` of their ids. The digit test runs once per
 * id rather than once per comparison, and ids already in order (generated markets) cost one pass.
 */
export function sortedByIds(ids: readonly string[], keep: (i: number) => boolean): number[] {
  const numeric = ids.map((id) => /^\d+$/.test(id));
  const stripped = ids.map((id, i) => (numeric[i] ? id.replace(/^0+(?=\d)/, "") : id));
  const compare = (x: number, y: number): number => {
    if (numeric[x] && numeric[y]) {
      const u = stripped[x]!;
      const v = stripped[y]!;
      if (u.length !== v.length) return u.length - v.length;
      if (u !== v) return u < v ? -1 : 1;
    }
    const a = ids[x]!;
    const b = ids[y]!;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const out: number[] = [];
  let sorted = true;
  for (let i = 0; i < ids.length; i++) {
    if (!keep(i)) continue;
    if (sorted && out.length > 0 && compare(out[out.length - 1]!, i) > 0) sorted = false;
    out.push(i);
  }
  return sorted ? out : out.sort(compare);
}
