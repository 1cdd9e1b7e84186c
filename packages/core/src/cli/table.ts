/**
 * A cell as it may go to a terminal: control characters (a newline that would forge a row, an escape sequence
 * that would clear the screen) are written as JSON escapes, so an id such as "a\nb" shows as a\nb.
 */
export const printable = (cell: string): string =>
  cell.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1).replace(/^[\u007f-\u009f\u2028\u2029]$/, `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));

/** Formats rows as a plain-text table with a header rule; columns are padded to their widest cell (cells made printable). */
export function formatTable(header: readonly string[], cellRows: readonly (readonly string[])[]): string {
  const rows = cellRows.map((row) => row.map(printable));
  // A loop, not Math.max(...column): spreading a million rows as arguments overflows the stack.
  const widths = header.map((h) => h.length);
  for (const row of rows) for (let c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c]!, (row[c] ?? "").length);
  const line = (cells: readonly string[]): string => cells.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}

export const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
};
