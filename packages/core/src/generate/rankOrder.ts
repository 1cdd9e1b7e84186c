import type { PointerArray } from "../pointerArray.ts";

/**
 * Sorts every CSR segment `entries[start[i] … start[i + 1])` by descending utility, in place.
 *
 * Each entry is packed with its utility into one float64 (high bits: the utility squashed to a `keyBits`-bit
 * integer, reversed so that better comes first; low bits: the entry value), so the native numeric sort of
 * Float64Array does the work and equal utilities fall back to the smaller entry value: deterministic, and no
 * comparator calls. Packing stays exact because keyBits + valueBits ≤ 52.
 *
 * `utility(owner, value, e)` is called once per entry. Scratch is one Float64Array as long as the longest segment.
 */
export function sortSegmentsByUtility(
  start: Uint32Array,
  entries: PointerArray,
  maxValue: number,
  utility: (owner: number, value: number, e: number) => number,
): void {
  const n = start.length - 1;
  const valueBits = Math.max(1, Math.ceil(Math.log2(maxValue + 1)));
  const keyBits = 52 - valueBits;
  if (keyBits < 16) throw new RangeError(`sortSegmentsByUtility: ${maxValue} entries leave too few bits for utilities`);
  const valueScale = 2 ** valueBits;
  const keyMax = 2 ** keyBits - 1;
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, start[i + 1]! - start[i]!);
  const scratch = new Float64Array(longest);
  for (let i = 0; i < n; i++) {
    const s = start[i]!;
    const len = start[i + 1]! - s;
    if (len < 2) continue;
    for (let k = 0; k < len; k++) {
      const value = entries[s + k]!;
      const u = utility(i, value, s + k);
      // x / (1 + |x|) maps the real line monotonically onto (-1, 1).
      const squashed = (u / (1 + Math.abs(u)) + 1) / 2;
      const key = keyMax - Math.floor(squashed * keyMax);
      scratch[k] = key * valueScale + value;
    }
    const view = len === longest ? scratch : scratch.subarray(0, len);
    if (len <= 24) insertionSort(view, len);
    else view.sort();
    for (let k = 0; k < len; k++) entries[s + k] = view[k]! % valueScale;
  }
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
