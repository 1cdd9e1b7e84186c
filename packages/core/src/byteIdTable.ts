/**
 * Interns ids read as byte ranges: each distinct byte string gets a symbol 0, 1, 2, … in order of first
 * appearance, without making a JS string per occurrence (a million list entries name some fifty thousand ids).
 * Open addressing with linear probing over a power-of-two table kept at most half full; each id's bytes are kept
 * once, in an arena, so the buffer they came from may be reused (a streamed window).
 *
 * Each slot holds the id's hash, length and first 8 bytes (two int32 words), so a lookup of a short id reads one
 * place in the table and never the buffer: comparing against the id's first occurrence in a 20 MB file was a
 * cache miss per list entry, and made interning 4× slower.
 */
export class ByteIdTable {
  /** Symbols so far. */
  size = 0;
  /** Per symbol, where its bytes start and end in `arena`. */
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private arena = new Uint8Array(1 << 16);
  private arenaLength = 0;
  /** Per slot: symbol + 1 (0 is an empty slot), hash, length, first 8 bytes. */
  private slotSym: Int32Array;
  private slotHash: Int32Array;
  private slotLength: Int32Array;
  private slotWord0: Int32Array;
  private slotWord1: Int32Array;
  private mask: number;

  /**
   * `expectedIds` sizes the table (it doubles when half full): an NRMP-scale file has one id per ~300 bytes, so
   * `fileBytes / 256` ids means no doubling there and a table of 2,048 slots for small files.
   */
  constructor(expectedIds: number) {
    let n = 2048;
    while (n < expectedIds * 2) n *= 2;
    this.slotSym = new Int32Array(n);
    this.slotHash = new Int32Array(n);
    this.slotLength = new Int32Array(n);
    this.slotWord0 = new Int32Array(n);
    this.slotWord1 = new Int32Array(n);
    this.mask = n - 1;
  }

  /** The symbol of `bytes[start, end)` (whose hash, from `hashByte`, is `hash`), new or existing. */
  intern(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const { slotSym, slotHash, slotLength, slotWord0, slotWord1, mask } = this;
    const length = end - start;
    const h = finalHash(hash);
    const word0 = wordAt(bytes, start, end);
    const word1 = wordAt(bytes, start + 4, end);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = slotSym[slot]!;
      if (entry === 0) return this.add(bytes, slot, start, end, h, word0, word1);
      if (slotHash[slot] === h && slotLength[slot] === length && slotWord0[slot] === word0 && slotWord1[slot] === word1 && (length <= 8 || this.restEqual(entry - 1, bytes, start, end))) return entry - 1;
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

  /** Bytes past the first 8 equal (ids longer than 8 bytes only; the lengths are equal already). */
  private restEqual(sym: number, bytes: Uint8Array, start: number, end: number): boolean {
    const { arena } = this;
    const other = this.starts[sym]! - start;
    for (let k = start + 8; k < end; k++) if (bytes[k] !== arena[k + other]) return false;
    return true;
  }

  private add(bytes: Uint8Array, slot: number, start: number, end: number, h: number, word0: number, word1: number): number {
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
    const at = this.arenaLength;
    // A loop, not set(subarray()): subarray makes a Buffer object per id on Node.
    for (let k = 0; k < length; k++) this.arena[at + k] = bytes[start + k]!;
    this.arenaLength += length;
    this.starts[sym] = at;
    this.ends[sym] = at + length;
    this.place(slot, sym + 1, h, length, word0, word1);
    if (this.size * 2 > this.slotSym.length) this.rehash();
    return sym;
  }

  private place(slot: number, entry: number, h: number, length: number, word0: number, word1: number): void {
    this.slotSym[slot] = entry;
    this.slotHash[slot] = h;
    this.slotLength[slot] = length;
    this.slotWord0[slot] = word0;
    this.slotWord1[slot] = word1;
  }

  /** Doubles the table, re-placing every slot by its stored hash. */
  private rehash(): void {
    const { slotSym, slotHash, slotLength, slotWord0, slotWord1 } = this;
    const n = slotSym.length * 2;
    this.slotSym = new Int32Array(n);
    this.slotHash = new Int32Array(n);
    this.slotLength = new Int32Array(n);
    this.slotWord0 = new Int32Array(n);
    this.slotWord1 = new Int32Array(n);
    const mask = (this.mask = n - 1);
    for (let old = 0; old < slotSym.length; old++) {
      if (slotSym[old] === 0) continue;
      let slot = slotHash[old]! & mask;
      while (this.slotSym[slot] !== 0) slot = (slot + 1) & mask;
      this.place(slot, slotSym[old]!, slotHash[old]!, slotLength[old]!, slotWord0[old]!, slotWord1[old]!);
    }
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

/** Up to 4 bytes from `start` (before `end`) as one int32, little-endian, zero-padded. */
function wordAt(bytes: Uint8Array, start: number, end: number): number {
  let word = 0;
  for (let k = 0; k < 4 && start + k < end; k++) word |= bytes[start + k]! << (k * 8);
  return word;
}

/** A typed array twice as long with the same leading contents. */
export function grow<T extends Int32Array | Uint32Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
