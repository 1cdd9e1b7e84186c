import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readInputFromDisk } from "../../packages/core/src/cli/io.ts";

const dir = mkdtempSync(join(tmpdir(), "matchlab-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `bytes` to a fresh file and reads it back through the CLI's reader. */
function roundTrip(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return readInputFromDisk(path, 1 << 20);
}

describe("readInputFromDisk", () => {
  it("should decode any bytes exactly as UTF-8 decoding does (ASCII files take a Latin-1 shortcut)", () => {
    let n = 0;
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ max: 0x7f, maxLength: 64 })), (bytes) => {
        expect(roundTrip(`f${n++}.json`, bytes)).toBe(Buffer.from(bytes).toString("utf8"));
      }),
      { numRuns: 200 },
    );
  });

  it("should read accented names, a byte-order mark and a character beyond the BMP as UTF-8", () => {
    // "é" is two bytes in UTF-8: read as Latin-1 it would become "Ã©", so a non-ASCII file must not take the shortcut.
    const text = '\ufeff{"name":"Hôpital Saint-Éloi 🏥"}';
    expect(roundTrip("accents.json", Buffer.from(text, "utf8"))).toBe(text);
  });
});
