/**
 * JSON output of a million-entry match, written in pieces. `JSON.stringify` of the whole answer first builds one
 * null-prototype object per id-keyed record (a million dictionary inserts each), then one string of 100+ MB; at
 * 1M applicants that was most of `matchlab match --json`'s wall time. Here each record is written straight from
 * its ids, entry by entry, into ~1 MB chunks handed to the sink, with the same text `JSON.stringify` gives.
 */

/** Collects JSON text and hands it to `sink` in chunks of about `chunkChars` characters (1 Mi by default). */
export class ChunkedText {
  private buffer = "";

  constructor(
    private readonly sink: (text: string) => void,
    private readonly chunkChars = 1 << 20,
  ) {}

  add(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= this.chunkChars) this.flush();
  }

  /** Hands over what is buffered; call once at the end. */
  flush(): void {
    if (this.buffer.length === 0) return;
    this.sink(this.buffer);
    this.buffer = "";
  }
}

/** A canonical array index ("0" … "4294967294"): such keys come first in a JS object, whatever the insertion order. */
function isArrayIndex(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9][0-9]{0,9})$/.test(key) && Number(key) < 4294967295;
}

/**
 * Whether a record filled in `ids` order lists its keys in that order, once each: true when the ids are unique
 * and none is an array index. Otherwise `writeRecord` builds the object and lets `JSON.stringify` order it.
 * (JSON scenarios have unique ids by validation; a `.mlm` header's program ids are not checked for it.) Ids in
 * strictly ascending order are unique without a hash set, which costs about a second per million ids: generated
 * ids ("a0000001", …) are ascending.
 */
export function idsKeepOrder(ids: readonly string[]): boolean {
  let ascending = true;
  for (let i = 0; i < ids.length; i++) {
    if (isArrayIndex(ids[i]!)) return false;
    if (i > 0 && !(ids[i - 1]! < ids[i]!)) ascending = false;
  }
  return ascending || new Set(ids).size === ids.length;
}

/** A JSON value as `JSON.stringify` writes it, with the common cases (null, integer, short string) first. */
export function jsonValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

/** An id list ready for `writeRecord`: each id as a JSON key (`"id":`), or null when the record must be built as an object. */
export interface RecordKeys {
  ids: readonly string[];
  keys: string[] | null;
}

/** Prepares `ids` for `writeRecord` once, for every record keyed by them (each id is escaped once, not per record). */
export function recordKeys(ids: readonly string[]): RecordKeys {
  return { ids, keys: idsKeepOrder(ids) ? ids.map((id) => JSON.stringify(id) + ":") : null };
}

/** A list of strings as JSON, without the call for the empty list (most rosters of a large market). */
export const stringListJson = (list: readonly string[]): string => (list.length === 0 ? "[]" : JSON.stringify(list));

/**
 * Writes `{"id":value,…}` for every i whose `valueOf(i)` is not undefined: the text `JSON.stringify` gives for a
 * null-prototype object filled with `record[ids[i]] = valueOf(i)` in order of i. `jsonOf(i)`, when given, must
 * return `JSON.stringify(valueOf(i))` (undefined alike), written faster than the generic call.
 */
export function writeRecord(out: ChunkedText, keys: RecordKeys, valueOf: (i: number) => unknown, jsonOf?: (i: number) => string | undefined): void {
  const { ids } = keys;
  if (keys.keys === null) {
    const record = Object.create(null) as Record<string, unknown>;
    for (let i = 0; i < ids.length; i++) {
      const value = valueOf(i);
      if (value !== undefined) record[ids[i]!] = value;
    }
    out.add(JSON.stringify(record));
    return;
  }
  const quoted = keys.keys;
  let separator = "";
  out.add("{");
  for (let i = 0; i < ids.length; i++) {
    let json: string | undefined;
    if (jsonOf !== undefined) json = jsonOf(i);
    else {
      const value = valueOf(i);
      json = value === undefined ? undefined : jsonValue(value);
    }
    if (json === undefined) continue;
    out.add(separator + quoted[i]! + json);
    separator = ",";
  }
  out.add("}");
}
