import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTable, formatTableChunks, printable } from "../../packages/core/src/cli/table.ts";

/** The table as first written: every cell made printable and padded, joined by two spaces, trailing space trimmed. */
function plainTable(header: readonly string[], cellRows: readonly (readonly string[])[]): string {
  const rows = cellRows.map((row) => row.map(printable));
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? "").length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}

// Cells with spaces, tabs, no-break spaces, line ends and control characters at either end, empty cells, rows
// shorter or longer than the header.
const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("", " ", "a ", " a", "a\u00a0", "\t", "x\n", "\u2028", "\ufeff", "é"));
const table = fc.tuple(fc.array(cell, { minLength: 0, maxLength: 4 }), fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 }));

describe("formatTable(header, rows)", () => {
  it("should equal the plain padded, joined and trimmed table for any cells", () => {
    fc.assert(fc.property(table, ([header, rows]) => {
      expect(formatTable(header, rows)).toBe(plainTable(header, rows));
    }), { numRuns: 1000 });
  });
});

describe("formatTableChunks(header, rows, chunkChars)", () => {
  it("should give whole lines, in pieces that join to formatTable's text", () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 40 }), ([header, rows], chunkChars) => {
        const chunks = [...formatTableChunks(header, rows, chunkChars)];
        for (const chunk of chunks) expect(chunk.endsWith("\n")).toBe(true);
        expect(chunks.join("")).toBe(plainTable(header, rows));
      }),
      { numRuns: 500 },
    );
  });
});
