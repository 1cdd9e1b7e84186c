import type { RotationPoset } from "./rotationPoset.ts";

export interface StableMatchingsOptions {
  /**
   * Stop after this many matchings (their number can grow exponentially with the market).
   * @defaultValue Infinity
   */
  limit?: number;
}

/** How an enumeration ended. */
export interface StableMatchingsCount {
  /** Matchings visited. */
  count: number;
  /** False when `limit` stopped the enumeration before the last matching. */
  complete: boolean;
}

/** Called once per stable matching; `matchOf` is a shared buffer (copy it to keep it), `applied` the rotations in it. */
export type StableMatchingVisitor = (matchOf: Int32Array, applied: ArrayLike<number>) => void;

/**
 * Visits every stable matching exactly once, applicant-optimal first, as the closed sets of the rotation poset:
 * each closed set is reached by adding its rotations in increasing index order, each step adding a rotation whose
 * predecessors are all in already. Applying or undoing a rotation touches only its moves, so each matching costs
 * O(its rotations' moves + rotations scanned). The program-optimal matching (every rotation) is the first one
 * reached at full depth, so it comes early, not last.
 */
export function forEachStableMatching(poset: RotationPoset, visit: StableMatchingVisitor, options: StableMatchingsOptions = {}): StableMatchingsCount {
  const limit = options.limit ?? Infinity;
  if (!(limit >= 1)) throw new RangeError(`forEachStableMatching: limit must be ≥ 1, got ${limit}`);
  const { count, moveStart, moveApplicant, moveFrom, moveTo, successorStart, successors } = poset;
  const matchOf = poset.applicantOptimal.slice();
  const missing = new Uint32Array(count); // predecessors of each rotation not applied yet
  for (let k = 0; k < successors.length; k++) missing[successors[k]!]!++;
  const chosen = new Uint32Array(count); // the applied rotations, in increasing order
  let depth = 0;
  let visited = 0;
  const apply = (r: number, sign: 1 | -1): void => {
    for (let m = moveStart[r]!; m < moveStart[r + 1]!; m++) matchOf[moveApplicant[m]!] = sign > 0 ? moveTo[m]! : moveFrom[m]!;
    for (let k = successorStart[r]!; k < successorStart[r + 1]!; k++) missing[successors[k]!]! -= sign;
  };
  const applied = chosen.subarray(0, 0);
  visit(matchOf, applied);
  visited++;
  let j = 0; // next candidate rotation at the current depth
  for (;;) {
    while (j < count && missing[j] !== 0) j++;
    if (j < count) {
      if (visited >= limit) return { count: visited, complete: false };
      apply(j, 1);
      chosen[depth++] = j;
      visit(matchOf, chosen.subarray(0, depth));
      visited++;
      j++;
      continue;
    }
    if (depth === 0) return { count: visited, complete: true };
    const r = chosen[--depth]!;
    // Undo in reverse: a later rotation never moves someone an earlier one has not, so restoring moveFrom is exact.
    apply(r, -1);
    j = r + 1;
  }
}

/** Counts stable matchings (up to `limit`) without building them. */
export function countStableMatchings(poset: RotationPoset, options: StableMatchingsOptions = {}): StableMatchingsCount {
  return forEachStableMatching(poset, () => {}, options);
}
