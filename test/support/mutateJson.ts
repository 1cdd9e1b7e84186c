import fc from "fast-check";

/** Replaces or deletes the value at a random place of a JSON tree (arrays: delete, duplicate or replace). */
export function mutateJson(value: unknown, choices: readonly number[], replacement: unknown): unknown {
  const [choice = 0, ...rest] = choices;
  if (Array.isArray(value) && value.length > 0) {
    const copy = [...value];
    const i = choice % copy.length;
    if (rest.length > 0) copy[i] = mutateJson(copy[i], rest, replacement);
    else if (choice % 3 === 0) copy.splice(i, 1);
    else if (choice % 3 === 1) copy.splice(i, 0, copy[i]);
    else copy[i] = replacement;
    return copy;
  }
  if (typeof value === "object" && value !== null) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (keys.length === 0) return replacement;
    const key = keys[choice % keys.length]!;
    if (rest.length > 0) copy[key] = mutateJson(copy[key], rest, replacement);
    else if (choice % 2 === 0) delete copy[key];
    else copy[key] = replacement;
    return copy;
  }
  return replacement;
}

/** The same tree with every object's keys in reverse order (JSON.stringify then writes them so). */
export function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) out[key] = reverseKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** Values that break a scenario in the usual ways (and some that do not). */
export const hostileValues = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom("__proto__", "", -1, -0, 0.5, 1e2, 301, 1_000_000, 1_000_001, "2", "j2", "us-dx", "pgy2", "é", "a\"b", "a\\b", null, true, [], {}, [[]]),
);

/** Text edits of a JSON text: at a position, cut some characters and insert a few (JSON's sharp edges included). */
export const textEdit = fc.tuple(
  fc.nat(),
  fc.nat({ max: 6 }),
  fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom("\uFEFF", "\u0000", '"', "{", "}", "[", "]", ",", ":", "\\", "\\u0061", "NaN", "1e999", "01", "-", "1.", " ", "\t", "\r\n", "é", "null")),
);

/** Applies a `textEdit` to `text`. */
export function applyEdit(text: string, [at, cut, insert]: readonly [number, number, string]): string {
  const i = at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(i + cut);
}
