import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullProgramJson } from "../../packages/core/src/cli/fullMatch.ts";
import { ChunkedText, idsKeepOrder, recordKeys, writeRecord } from "../../packages/core/src/cli/jsonRecords.ts";
import { programJson } from "../../packages/core/src/cli/matchJson.ts";

/** The text the CLI wrote before: a null-prototype record filled in id order, then JSON.stringify. */
function slowRecord(ids: readonly string[], valueOf: (i: number) => unknown): string {
  const record = Object.create(null) as Record<string, unknown>;
  for (let i = 0; i < ids.length; i++) {
    const value = valueOf(i);
    if (value !== undefined) record[ids[i]!] = value;
  }
  return JSON.stringify(record);
}

function written(ids: readonly string[], valueOf: (i: number) => unknown, chunkChars: number, jsonOf?: (i: number) => string | undefined): { text: string; chunks: string[] } {
  const chunks: string[] = [];
  const out = new ChunkedText((text) => void chunks.push(text), chunkChars);
  writeRecord(out, recordKeys(ids), valueOf, jsonOf);
  out.flush();
  return { text: chunks.join(""), chunks };
}

// Ids that stress key order and escaping: array indices (listed first by a JS object), near-indices ("01",
// "4294967295"), duplicates, __proto__, quotes, control characters, lone surrogates, non-ASCII.
const id = fc.oneof(
  fc.constantFrom("0", "1", "7", "01", "10", "4294967294", "4294967295", "-1", "1.5", "__proto__", "constructor", 'a"b', "a\\b", "a\nb", "\ud800", "é", "a0000001", "a0000002", "p1"),
  fc.string({ maxLength: 4 }),
  fc.nat({ max: 30 }).map(String),
);
const value = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -5, max: 1000 }),
  fc.string({ maxLength: 5 }),
  fc.record({ quota: fc.nat({ max: 9 }), matched: fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), unfilled: fc.nat({ max: 9 }) }),
);

describe("writeRecord", () => {
  it("should write the same text as JSON.stringify of the record filled in id order, for any ids, values and chunk size", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(id, value), { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (entries, chunkChars) => {
        const ids = entries.map(([k]) => k);
        const valueOf = (i: number): unknown => entries[i]![1];
        const { text, chunks } = written(ids, valueOf, chunkChars);
        expect(text).toBe(slowRecord(ids, valueOf));
        // With a renderer for the values (as the match commands pass for programs), the same text.
        expect(written(ids, valueOf, chunkChars, (i) => JSON.stringify(valueOf(i))).text).toBe(text);
        // Every chunk but the last reached the chunk size: the sink is not called once per entry.
        for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(chunkChars);
      }),
      { numRuns: 500 },
    );
  });

  it("should write ascending generated ids entry by entry, in their order", () => {
    const ids = ["a0000001", "a0000002", "a0000010"];
    expect(written(ids, (i) => (i === 1 ? undefined : i), 1 << 20).text).toBe('{"a0000001":0,"a0000010":2}');
  });
});

describe("idsKeepOrder", () => {
  it.each([
    [["a1", "a2", "b"], true, "ascending, unique"],
    [["b", "a", "c"], true, "unique but not ascending (checked with a set)"],
    [["b", "a", "b"], false, "a duplicate"],
    [["a", "a"], false, "an adjacent duplicate"],
    [["x", "12"], false, "an array index, which a JS object lists first"],
    [["x", "012", "4294967295"], true, "numbers that are not array indices"],
    [[], true, "no ids"],
  ])("idsKeepOrder(%j) is %s: %s", (ids, expected) => {
    expect(idsKeepOrder(ids)).toBe(expected);
  });
});

describe("programJson and fullProgramJson", () => {
  const ids = fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('a"b', "a\\b", "\u2028", "\ud800", "__proto__")), { maxLength: 4 });
  it("should write a program's entry as JSON.stringify of { quota, matched, unfilled } (and originalQuota) does", () => {
    fc.assert(
      fc.property(fc.nat({ max: 65535 }), fc.nat({ max: 65535 }), ids, fc.integer({ min: -3, max: 65535 }), (quota, originalQuota, matched, unfilled) => {
        expect(programJson({ id: "p", quota, matched, unfilled })).toBe(JSON.stringify({ quota, matched, unfilled }));
        expect(fullProgramJson({ id: "p", quota, originalQuota, matched, unfilled })).toBe(JSON.stringify({ quota, originalQuota, matched, unfilled }));
      }),
    );
  });
});
