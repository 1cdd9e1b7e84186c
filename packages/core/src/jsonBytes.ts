import { HASH_START, hashByte } from "./byteIdTable.ts";

/**
 * A strict reader of JSON tokens straight from bytes, for `scanSimpleScenario`. It knows only what that scanner
 * needs and throws `UNUSUAL` for anything else (escapes in strings it must read, text that is not ASCII there,
 * numbers it cannot be sure of, bad syntax), so the caller can hand the file to the general path (`JSON.parse` and
 * zod), which then decides and explains. Reading past the end yields `undefined`, which matches no byte below.
 */

/** Thrown when the bytes leave the shape the scanner knows; never escapes `scanSimpleScenario`. */
export const UNUSUAL: unique symbol = Symbol("unusual JSON");

export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

const isDigit = (c: number): boolean => c >= ZERO && c <= NINE;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
/** The escapes JSON allows after a backslash: `" \ / b f n r t u`. */
const isEscape = (c: number): boolean => c === QUOTE || c === BACKSLASH || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74 || c === 0x75;

export const unusual = (): never => {
  throw UNUSUAL;
};

/** The ASCII text of `bytes[start, end)` (only called on ranges checked to be printable ASCII). */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let text = "";
  // fromCharCode over chunks of a reused array: no Buffer per call (subarray() on Node) and no string per byte.
  for (let at = start; at < end; at += CHUNK) {
    const n = Math.min(CHUNK, end - at);
    codes.length = n;
    for (let k = 0; k < n; k++) codes[k] = bytes[at + k]!;
    text += String.fromCharCode.apply(null, codes);
  }
  return text;
}

const CHUNK = 8192;
const codes: number[] = [];

/** Where a streamed scan reads its bytes: a file read piece by piece. */
export interface ByteSource {
  /** Reads into `into` from index `offset` up to its end; returns the number of bytes read, 0 at the end. */
  read(into: Uint8Array, offset: number): number;
}

/**
 * Bytes a streamed scan keeps ahead of a safe point (by default): one token (a key, an id, a number) or one
 * participant's fields other than its list must fit, or the scan reads past the window and gives the file to the
 * general path.
 */
export const WINDOW_MARGIN = 1 << 16;

/**
 * A cursor over JSON bytes: a whole file, or a window over a `ByteSource` that `refill` slides at safe points
 * (where no byte before `pos` is needed any more). Reading 20 MB into fresh memory costs more in page faults
 * (about 4 ms per MB on the 2-core VM) than the scan itself; a reused 1 MB window does not.
 */
export class JsonBytes {
  pos = 0;
  /** Past this position `refill` brings more bytes (Infinity once the source is exhausted or for whole files). */
  limit = Infinity;
  /** The valid bytes: the whole file, or the filled part of the window (reading past it yields `undefined`). */
  bytes: Uint8Array;
  /** The last plain string read: its bytes are `[strStart, strEnd)`, `strHash` their hash (see `ByteIdTable`). */
  strStart = 0;
  strEnd = 0;
  strHash = 0;

  constructor(bytes: Uint8Array, private readonly source?: ByteSource, private readonly margin = WINDOW_MARGIN) {
    this.bytes = bytes;
    if (source !== undefined) {
      this.bytes = bytes.subarray(0, 0);
      this.window = bytes;
      this.refill();
    }
  }

  private readonly window: Uint8Array | undefined;

  /** Keeps the unread bytes, moved to the window's start, and reads more behind them. */
  refill(): void {
    const { window, source } = this;
    if (window === undefined || source === undefined) return;
    const end = this.bytes.length;
    window.copyWithin(0, this.pos, end);
    let filled = end - this.pos;
    let done = false;
    while (filled < window.length && !done) {
      const n = source.read(window, filled);
      filled += n;
      done = n === 0;
    }
    this.bytes = window.subarray(0, filled);
    this.pos = 0;
    this.limit = done ? Infinity : filled - this.margin;
  }

  /** Skips JSON white space (space, tab, line feed, carriage return) and returns the next byte, or -1 at the end. */
  next(): number {
    const b = this.bytes;
    let i = this.pos;
    let c = b[i]!;
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = b[++i]!;
    this.pos = i;
    return c === undefined ? -1 : c;
  }

  /** True when only white space is left (read through the whole source when streaming). */
  atEnd(): boolean {
    for (;;) {
      if (this.next() !== -1) return false;
      if (this.limit === Infinity) return true;
      this.refill();
    }
  }

  /** A safe point: slides the window when the cursor is within the margin of its end. */
  safePoint(): void {
    if (this.pos > this.limit) this.refill();
  }

  /** Consumes `c` after white space, or gives up. */
  expect(c: number): void {
    if (this.next() !== c) unusual();
    this.pos++;
  }

  /**
   * Reads a string whose value matters (an id, a key, an enum word): printable ASCII without escapes, hashed on
   * the way. Anything else is unusual: the general path reads it exactly.
   */
  plainString(): void {
    const b = this.bytes;
    if (this.next() !== QUOTE) unusual();
    let i = this.pos + 1;
    const start = i;
    let hash = HASH_START;
    for (;;) {
      const c = b[i]!;
      if (c === QUOTE) break;
      // Control characters are not JSON; backslashes, bytes ≥ 0x80 and the end of the file are for the general path.
      if (!(c >= 0x20 && c < 0x80) || c === BACKSLASH) unusual();
      hash = hashByte(hash, c);
      i++;
    }
    this.strStart = start;
    this.strEnd = i;
    this.strHash = hash;
    this.pos = i + 1;
  }

  /** `plainString`, returned as text (for short words: enum values, names). */
  plainText(): string {
    this.plainString();
    return asciiText(this.bytes, this.strStart, this.strEnd);
  }

  /** True when the last plain string is exactly `word` (ASCII). */
  stringIs(word: string): boolean {
    const { bytes, strStart, strEnd } = this;
    if (strEnd - strStart !== word.length) return false;
    for (let k = 0; k < word.length; k++) if (bytes[strStart + k] !== word.charCodeAt(k)) return false;
    return true;
  }

  /** Skips any valid JSON string whose value is not needed (escapes checked; UTF-8 bytes pass as they are). */
  anyString(): void {
    const b = this.bytes;
    if (this.next() !== QUOTE) unusual();
    let i = this.pos + 1;
    for (;;) {
      const c = b[i]!;
      if (c === QUOTE) break;
      if (c === undefined || c < 0x20) unusual();
      if (c === BACKSLASH) {
        const e = b[++i]!;
        if (!isEscape(e)) unusual();
        if (e === 0x75) {
          for (let k = 1; k <= 4; k++) if (!isHex(b[i + k]!)) unusual();
          i += 4;
        }
      }
      i++;
    }
    this.pos = i + 1;
  }

  /** Reads a JSON number (strict grammar: no leading zeros, digits after a dot or an exponent); finite only. */
  number(): number {
    const b = this.bytes;
    this.next();
    let i = this.pos;
    const start = i;
    let simple = true;
    if (b[i] === MINUS) {
      i++;
      simple = false;
    }
    if (b[i] === ZERO) i++;
    else if (isDigit(b[i]!) && b[i] !== ZERO) while (isDigit(b[i]!)) i++;
    else unusual();
    if (b[i] === DOT) {
      simple = false;
      if (!isDigit(b[++i]!)) unusual();
      while (isDigit(b[i]!)) i++;
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      simple = false;
      i++;
      if (b[i] === PLUS || b[i] === MINUS) i++;
      if (!isDigit(b[i]!)) unusual();
      while (isDigit(b[i]!)) i++;
    }
    this.pos = i;
    if (simple && i - start <= 15) {
      let v = 0;
      for (let k = start; k < i; k++) v = v * 10 + (b[k]! - ZERO);
      return v;
    }
    // JSON.parse and Number() read the same grammar-checked text to the same double.
    const v = Number(asciiText(b, start, i));
    if (!Number.isFinite(v)) unusual();
    return v;
  }

  /** Reads `true` or `false`. */
  boolean(): boolean {
    const c = this.next();
    const word = c === 0x74 ? "true" : c === 0x66 ? "false" : unusual();
    for (let k = 0; k < word.length; k++) if (this.bytes[this.pos + k] !== word.charCodeAt(k)) unusual();
    this.pos += word.length;
    return word === "true";
  }

  /**
   * After an array or object member: true when another member follows (a comma, consumed), false at `close`
   * (consumed).
   */
  more(close: number): boolean {
    const c = this.next();
    this.pos++;
    if (c === 0x2c) return true;
    if (c !== close) unusual();
    return false;
  }

  /** At the opening of an array or object: consumes it, and true when it is empty (the closing byte consumed too). */
  open(openByte: number, close: number): boolean {
    this.expect(openByte);
    if (this.next() !== close) return false;
    this.pos++;
    return true;
  }
}
