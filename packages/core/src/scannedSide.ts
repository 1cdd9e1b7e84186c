import { grow } from "./byteIdTable.ts";
import { unusual } from "./jsonBytes.ts";
import { pointerArrayFor, type PointerArray } from "./pointerArray.ts";

/**
 * One side's entries (programs or applicants) as `scanSimpleScenario` reads them: each owner's id as a symbol of
 * its side's `ByteIdTable`, its rank list as symbols of the other side's, lists back to back (CSR), resolved to
 * indices once both sides are known (a program's list names applicants the file may only define later).
 */
export class ScannedSide {
  /** Owners so far. */
  count = 0;
  /** Per owner, the symbol of its id. */
  idSym = new Int32Array(1024);
  /** Offsets into `rolSym`: owner i's list is `rolSym[start[i] … start[i + 1])`; `start[0]` is 0. */
  start = new Uint32Array(1025);
  /**
   * List entries as symbols, owner after owner; doubles when full. Sized from the file: an NRMP-scale market has
   * one entry per ~18 bytes, half of them on each side, so `bytes / 32` holds a side without doubling. (Not the
   * bound `bytes / 4`: the allocator zero-fills large arrays, and touching memory costs ~4 ms per MB here.)
   */
  rolSym: Uint32Array;
  /** Entries so far (the end of the list being read). */
  entries = 0;

  constructor(fileBytes: number) {
    this.rolSym = new Uint32Array(Math.max(fileBytes >>> 5, 1024));
  }

  /** Closes the current owner: its id, and its list as the entries written since the previous owner. */
  endOwner(idSym: number): void {
    const i = this.count++;
    if (i === this.idSym.length) {
      this.idSym = grow(this.idSym);
      this.start = grow(this.start);
    }
    this.idSym[i] = idSym;
    this.start[i + 1] = this.entries;
  }

  /** Symbol → owner index (-1 for a symbol that is no id on this side); a repeated id is unusual. */
  indexBySymbol(symbols: number): Int32Array {
    const index = new Int32Array(symbols).fill(-1);
    for (let i = 0; i < this.count; i++) {
      const sym = this.idSym[i]!;
      if (index[sym] !== -1) unusual();
      index[sym] = i;
    }
    return index;
  }

  /**
   * The lists resolved to the other side's indices (`other` from its `indexBySymbol`, `nOther` owners there), in
   * an array as narrow as `nOther` allows. An unknown id, or one listed twice by the same owner, is unusual.
   */
  resolve(other: Int32Array, nOther: number): { start: Uint32Array; rol: PointerArray } {
    const { count, start, rolSym } = this;
    const rol = new (pointerArrayFor(Math.max(nOther - 1, 0)))(this.entries);
    // seen[x] === i + 1: owner i listed x already.
    const seen = new Int32Array(nOther);
    for (let i = 0; i < count; i++) {
      const mark = i + 1;
      for (let e = start[i]!, end = start[i + 1]!; e < end; e++) {
        const x = other[rolSym[e]!]!;
        if (x < 0 || seen[x] === mark) unusual();
        seen[x] = mark;
        rol[e] = x;
      }
    }
    return { start: start.slice(0, count + 1), rol };
  }

  /** Per owner, its id as text (`texts` by symbol, from `ByteIdTable.texts`). */
  ids(texts: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) out.push(texts[this.idSym[i]!]!);
    return out;
  }
}

/** A growable byte column (one value per owner). */
export class ByteColumn {
  values = new Uint8Array(1024);
  set(i: number, value: number): void {
    if (i >= this.values.length) {
      const bigger = new Uint8Array(Math.max(this.values.length * 2, i + 1));
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[i] = value;
  }
  /** The first `n` values. */
  take(n: number): Uint8Array {
    return this.values.slice(0, n);
  }
}

/** A growable column of quotas. */
export class QuotaColumn {
  values = new Uint32Array(1024);
  set(i: number, value: number): void {
    if (i >= this.values.length) this.values = grow(this.values);
    this.values[i] = value;
  }
}
