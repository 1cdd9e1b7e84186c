/**
 * A cell as it may go to a terminal: control characters (a newline that would forge a row, an escape sequence
 * that would clear the screen) are written as JSON escapes, so an id such as "a\nb" shows as a\nb.
 */
export const printable = (cell: string): string =>
  cell.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1).replace(/^[\u007f-\u009f\u2028\u2029]$/, `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));

/** Formats rows as a plain-text table with a header rule; columns are padded to their widest cell (cells made printable). */
export function formatTable(header: readonly string[], cellRows: readonly (readonly string[])[]): string {
  return [...formatTableChunks(header, cellRows)].join("");
}

/**
 * `formatTable` in pieces of whole lines, about `chunkChars` characters each, to write one by one: the NRMP-scale
 * table is 5 MB (every row padded to the widest roster), which as one string costs a 5 MB flatten and copy.
 */
export function* formatTableChunks(header: readonly string[], cellRows: readonly (readonly string[])[], chunkChars = 1 << 16): Generator<string> {
  const rows = cellRows.map((row) => row.map(printable));
  const widths = header.map((h, c) => rows.reduce((w, row) => Math.max(w, (row[c] ?? "").length), h.length));
  // Each cell padded, joined by two spaces, trailing white space trimmed; built without copying a 5 MB table's
  // rows twice: the last cell is not padded (the padding would be trimmed), and trimEnd() (which flattens the
  // line) runs only when the line can end in white space.
  const line = (cells: readonly string[]): string => {
    const last = cells.length - 1;
    if (last < 0) return "";
    let out = "";
    for (let c = 0; c < last; c++) out += `${cells[c]!.padEnd(widths[c]!)}  `;
    const end = cells[last]!;
    out += end;
    return end !== "" && !/\s$/.test(end) ? out : out.trimEnd();
  };
  let chunk = `${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`;
  for (const row of rows) {
    chunk += `${line(row)}\n`;
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

export const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
};
