/**
 * Bitsets over program-list entries (one bit per entry, 32 to an Int32Array word). The engine's per-entry flags
 * (held, wants) are touched at random by every proposal: as bits they take 1/8 of the memory of byte flags, so on
 * an NRMP-size market (about 500k program-list entries) they stay in the core's cache, and the scans over them
 * (the worst holder, the repair step's candidates) skip 32 empty entries at a time.
 */

/** Words needed for `n` bits. */
export const wordsFor = (n: number): number => (n + 31) >>> 5;

export const hasBit = (bits: Int32Array, i: number): boolean => (bits[i >>> 5]! & (1 << (i & 31))) !== 0;

export function setBit(bits: Int32Array, i: number): void {
  bits[i >>> 5]! |= 1 << (i & 31);
}

export function clearBit(bits: Int32Array, i: number): void {
  bits[i >>> 5]! &= ~(1 << (i & 31));
}

/** The largest i in [from, to) whose bit is set, or -1. */
export function lastSetBit(bits: Int32Array, from: number, to: number): number {
  if (to <= from) return -1;
  const last = to - 1;
  const first = from >>> 5;
  let k = last >>> 5;
  let word = bits[k]! & (0xffffffff >>> (31 - (last & 31))); // bits 0 … last & 31 of the last word
  while (word === 0) {
    if (k <= first) return -1;
    word = bits[--k]!;
  }
  const i = (k << 5) + 31 - Math.clz32(word);
  return i >= from ? i : -1;
}

/** `word`, the bits of word `k`, with only the bits of indices in [from, to) kept. */
export function clipWord(word: number, k: number, from: number, to: number): number {
  const lo = k << 5;
  if (from > lo) word &= -1 << (from - lo);
  if (to < lo + 32) word &= (1 << (to - lo)) - 1;
  return word;
}
