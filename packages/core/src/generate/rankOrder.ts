import type { PointerArray } from "../pointerArray.ts";

/** Sorts one list in place by descending utility; see `createListSorter`. */
export type ListSorter = (entries: { [i: number]: number }, from: number, length: number, owner: number, utility: (owner: number, value: number, e: number) => number) => void;

/**
 * A sorter for lists of values in `[0, maxValue]`, at most `maxLength` long, reusing one scratch buffer.
 *
 * Each entry is packed with its utility into one float64 (high bits: the utility squashed to a `keyBits`-bit
 * integer, reversed so that better comes first; low bits: the entry value), so the native numeric sort of
 * Float64Array does the work and equal utilities fall back to the smaller entry value: deterministic, and no
 * comparator calls. Packing stays exact because keyBits + valueBits ≤ 52. Short lists use an insertion sort.
 * `utility(owner, value, e)` is called once per entry, in list order.
 */
export function createListSorter(maxValue: number, maxLength: number): ListSorter {
  const valueBits = Math.max(1, Math.ceil(Math.log2(maxValue + 1)));
  const keyBits = 52 - valueBits;
  if (keyBits < 16) throw new RangeError(`createListSorter: values up to ${maxValue} leave too few bits for utilities`);
  const valueScale = 2 ** valueBits;
  const keyMax = 2 ** keyBits - 1;
  const scratch = new Float64Array(maxLength);
  return (entries, from, length, owner, utility) => {
    if (length < 2) return;
    for (let k = 0; k < length; k++) {
      const value = entries[from + k]!;
      const u = utility(owner, value, from + k);
      // x / (1 + |x|) maps the real line monotonically onto (-1, 1).
      const squashed = (u / (1 + Math.abs(u)) + 1) / 2;
      scratch[k] = (keyMax - Math.floor(squashed * keyMax)) * valueScale + value;
    }
    if (length <= 24) insertionSort(scratch, length);
    else (length === maxLength ? scratch : scratch.subarray(0, length)).sort();
    // The low bits back out exactly without `%` (a slow fmod on doubles): valueScale is a power of two.
    for (let k = 0; k < length; k++) {
      const packed = scratch[k]!;
      entries[from + k] = packed - Math.floor(packed / valueScale) * valueScale;
    }
  };
}

/** Sorts every CSR segment `entries[start[i] … start[i + 1])` by descending utility, in place (see createListSorter). */
export function sortSegmentsByUtility(
  start: Uint32Array,
  entries: PointerArray,
  maxValue: number,
  utility: (owner: number, value: number, e: number) => number,
): void {
  const n = start.length - 1;
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, start[i + 1]! - start[i]!);
  const sort = createListSorter(maxValue, longest);
  for (let i = 0; i < n; i++) sort(entries, start[i]!, start[i + 1]! - start[i]!, i, utility);
}

function insertionSort(a: Float64Array, len: number): void {
  for (let i = 1; i < len; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}
