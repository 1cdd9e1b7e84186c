import { formatPath, type ScenarioIssue } from "./parse.ts";
import type { PathSegment } from "./references.ts";

/** One open object or array while scanning: where it is, and for objects the keys seen so far. */
interface Frame {
  object: boolean;
  /** Keys seen in this object, made at its first key (deeply nested empty objects cost nothing). */
  keys: string[] | null;
  /** The same keys as a Set, once there are more than `LINEAR_KEYS` (most objects have a handful). */
  keySet: Set<string> | null;
  /** The member being read: the last key of an object, the index in an array. */
  at: PathSegment;
  /** In an object: the next string is a key. */
  expectKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const LINEAR_KEYS = 16;

/** Records `key` in the object's frame; true when it was there already. */
function isRepeat(frame: Frame, key: string): boolean {
  if (frame.keySet !== null) {
    if (frame.keySet.has(key)) return true;
    frame.keySet.add(key);
    return false;
  }
  frame.keys ??= [];
  if (frame.keys.includes(key)) return true;
  frame.keys.push(key);
  if (frame.keys.length > LINEAR_KEYS) frame.keySet = new Set(frame.keys);
  return false;
}

/** A key with escapes, read as JSON reads it (the raw text itself when it is not valid JSON). */
function unescapeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** Index of the quote closing the string that opens at `start` (a quote), skipping escaped quotes. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    if (end < 0) return text.length; // unterminated: only in text JSON.parse refused
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

/**
 * Finds keys that appear twice in one object of a JSON text, which `JSON.parse` accepts silently by keeping the
 * last value (so `{"quota": 1, "quota": 10}` would quietly mean 10). Meant for text `JSON.parse` accepted (it
 * trusts the syntax, and on other text answers something harmless). One pass, strings skipped with `indexOf`;
 * at most `limit` issues.
 */
export function findDuplicateKeys(text: string, limit = 100): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const stack: Frame[] = [];
  let top: Frame | undefined;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (top !== undefined && top.object && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? unescapeKey(raw) : raw;
        top.expectKey = false;
        top.at = key;
        if (isRepeat(top, key)) {
          const path = formatPath(stack.map((frame) => frame.at));
          issues.push({ path, message: `duplicate key ${JSON.stringify(key)} in this object (JSON would silently keep only the last one)` });
          if (issues.length >= limit) return issues;
        }
      }
      i = end;
    } else if (c === COMMA && top !== undefined) {
      if (!top.object) (top.at as number)++;
      else top.expectKey = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      top = c === OPEN_OBJECT ? { object: true, keys: null, keySet: null, at: "", expectKey: true } : { object: false, keys: null, keySet: null, at: 0, expectKey: false };
      stack.push(top);
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
      top = stack[stack.length - 1];
    }
  }
  return issues;
}
