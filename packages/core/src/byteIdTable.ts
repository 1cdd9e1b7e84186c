/**
 * Interns ids read as byte ranges: each distinct byte string gets a symbol 0, 1, 2, … in order of first
 * appearance, without making a JS string per occurrence (a million list entries name some fifty thousand ids).
 * Open addressing with linear probing over a power-of-two table kept at most half full; each id's bytes are kept
 * once, in an arena, so the buffer they came from may be reused (a streamed window).
 *
 * A slot is 4 int32 side by side (16 bytes, one cache line): symbol + 1 (0: empty), hash, and the id's first 8
 * bytes, zero-padded. Ids hold no zero byte (the scanner refuses control characters), so two ids of at most 8
 * bytes are equal exactly when their words are; a lookup of a short id reads one slot and never the buffer.
 * (Comparing against the id's first occurrence in a 20 MB file was a cache miss per list entry, 4× slower.)
 */
export class ByteIdTable {
  /** Symbols so far. */
  size = 0;
  /** Per symbol, where its bytes start and end in `arena`. */
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private arena = new Uint8Array(1 << 16);
  private arenaLength = 0;
  /** Slot s is `slots[4s … 4s + 3]`: symbol + 1, hash, first 4 bytes, next 4 bytes. */
  private slots: Int32Array;
  /** Slots − 1 (a power of two minus one). */
  private mask: number;

  /**
   * `expectedIds` sizes the table (it doubles when half full): an NRMP-scale file has one id per ~300 bytes, so
   * `fileBytes / 256` ids means no doubling there and a table of 2,048 slots for small files.
   */
  constructor(expectedIds: number) {
    let n = 2048;
    while (n < expectedIds * 2) n *= 2;
    this.slots = new Int32Array(4 * n);
    this.mask = n - 1;
  }

  /**
   * The symbol of `bytes[start, end)`, new or existing. The caller read the bytes already and passes what it
   * computed on the way: their hash (`hashByte` from `HASH_START`) and first 8 bytes as two words (`wordsOf`).
   */
  intern(bytes: Uint8Array, start: number, end: number, hash: number, word0: number, word1: number): number {
    const { slots, mask } = this;
    const h = finalHash(hash);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const entry = slots[at]!;
      if (entry === 0) return this.add(bytes, at, start, end, h, word0, word1);
      if (slots[at + 1] === h && slots[at + 2] === word0 && slots[at + 3] === word1 && (end - start <= 8 || this.restEqual(entry - 1, bytes, start, end))) return entry - 1;
    }
  }

  /** Every symbol's bytes as text, by symbol: the arena decoded at once by `decode`, then sliced. */
  texts(decode: (bytes: Uint8Array, start: number, end: number) => string): string[] {
    const { starts, ends, size } = this;
    const all = decode(this.arena, 0, this.arenaLength);
    const out: string[] = [];
    for (let sym = 0; sym < size; sym++) out.push(all.slice(starts[sym]!, ends[sym]!));
    return out;
  }

  /** The two ids (the first 8 bytes equal) are equal: same length, same bytes past the 8th. */
  private restEqual(sym: number, bytes: Uint8Array, start: number, end: number): boolean {
    const { arena } = this;
    if (this.ends[sym]! - this.starts[sym]! !== end - start) return false;
    const other = this.starts[sym]! - start;
    for (let k = start + 8; k < end; k++) if (bytes[k] !== arena[k + other]) return false;
    return true;
  }

  private add(bytes: Uint8Array, at: number, start: number, end: number, h: number, word0: number, word1: number): number {
    const sym = this.size++;
    if (sym === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    const length = end - start;
    while (this.arenaLength + length > this.arena.length) {
      const bigger = new Uint8Array(this.arena.length * 2);
      bigger.set(this.arena);
      this.arena = bigger;
    }
    const from = this.arenaLength;
    // A loop, not set(subarray()): subarray makes a Buffer object per id on Node.
    for (let k = 0; k < length; k++) this.arena[from + k] = bytes[start + k]!;
    this.arenaLength += length;
    this.starts[sym] = from;
    this.ends[sym] = from + length;
    const { slots } = this;
    slots[at] = sym + 1;
    slots[at + 1] = h;
    slots[at + 2] = word0;
    slots[at + 3] = word1;
    if (this.size * 2 > slots.length >> 2) this.rehash();
    return sym;
  }

  /** Doubles the table, re-placing every slot by its stored hash. */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 2) - 1;
    for (let from = 0; from < old.length; from += 4) {
      if (old[from] === 0) continue;
      let slot = old[from + 1]! & mask;
      while (slots[slot << 2] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(from, from + 4), slot << 2);
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** FNV-1a: the hash of an id starts at `HASH_START` and takes each byte with `hashByte`. */
export const HASH_START = 0x811c9dc5 | 0;
export const hashByte = (hash: number, byte: number): number => Math.imul(hash ^ byte, 0x01000193);

/** Mixes the high bits of an FNV-1a hash into the low ones the table indexes by (ids often differ only at the end). */
function finalHash(hash: number): number {
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}

/**
 * The two words of `bytes[start, end)`: bytes 0–3 in the first, 4–7 in the second, little-endian, zero-padded
 * (`ByteIdTable.intern` takes them; hot loops compute them on the way instead).
 */
export function wordsOf(bytes: Uint8Array, start: number, end: number): [number, number] {
  let word0 = 0;
  let word1 = 0;
  for (let k = 0; k < 8 && start + k < end; k++) {
    if (k < 4) word0 |= bytes[start + k]! << (k << 3);
    else word1 |= bytes[start + k]! << ((k - 4) << 3);
  }
  return [word0, word1];
}

/** A typed array twice as long with the same leading contents. */
export function grow<T extends Int32Array | Uint32Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
