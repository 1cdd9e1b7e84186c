/**
 * Interns ids read as byte ranges of one buffer: each distinct byte string gets a symbol 0, 1, 2, … in order of
 * first appearance, without making a JS string per occurrence (a million list entries name some fifty thousand
 * ids). Open addressing with linear probing over a power-of-two table kept at most half full.
 */
export class ByteIdTable {
  /** Symbols so far. */
  size = 0;
  /** Per symbol, where its first occurrence starts and ends in `bytes`, and its hash. */
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private hashes = new Uint32Array(1024);
  /** Slot → symbol + 1; 0 is an empty slot. */
  private slots = new Int32Array(2048);
  private mask = 2047;

  constructor(private readonly bytes: Uint8Array) {}

  /** The symbol of `bytes[start, end)` (whose FNV-1a hash is `hash`), new or existing. */
  intern(start: number, end: number, hash: number): number {
    const { bytes, slots, mask, starts, ends, hashes } = this;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return this.add(slot, start, end, hash);
      const sym = entry - 1;
      if (hashes[sym] !== hash || ends[sym]! - starts[sym]! !== length) continue;
      let k = 0;
      const other = starts[sym]!;
      while (k < length && bytes[other + k] === bytes[start + k]) k++;
      if (k === length) return sym;
    }
  }

  /** Where symbol `sym` was first seen: `[start, end)` in the buffer. */
  rangeOf(sym: number): [number, number] {
    return [this.starts[sym]!, this.ends[sym]!];
  }

  private add(slot: number, start: number, end: number, hash: number): number {
    const sym = this.size++;
    if (sym === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.hashes = grow(this.hashes);
    }
    this.starts[sym] = start;
    this.ends[sym] = end;
    this.hashes[sym] = hash;
    this.slots[slot] = sym + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return sym;
  }

  /** Doubles the table, re-placing every symbol by its stored hash. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let sym = 0; sym < this.size; sym++) {
      let slot = this.hashes[sym]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = sym + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** A typed array twice as long with the same leading contents. */
export function grow<T extends Int32Array | Uint32Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
