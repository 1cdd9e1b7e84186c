import { readdirSync, readFileSync } from "node:fs";
import type { ByteSource } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, type CliIo } from "../../packages/core/src/cli/io.ts";
import { listsCouples } from "../../packages/core/src/cli/loadMarket.ts";
import { runCli } from "../../packages/core/src/cli/program.ts";
import { simpleScenario } from "../arbitraries/market.ts";
import { scenarioPath } from "../support/cli.ts";
import { applyEdit, hostileValues, mutateJson, textEdit } from "../support/mutateJson.ts";

/**
 * Runs the CLI on one in-memory file, given as text only (so `match` takes the general parser, as before the byte
 * scanner), as bytes too (the scanner first), or as a file to stream (the scanner through a window, as the real CLI
 * reads files). Timings are the only output that may differ, so they are blanked.
 */
function run(argv: string[], text: string, how: "text" | "bytes" | "stream") {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (chunk) => void (stdout += chunk),
    stderr: (chunk) => void (stderr += chunk),
    readInput: (path) => {
      if (path !== "in.json") throw new InputError(`${path}: no such file`);
      return text;
    },
  };
  const bytes = new TextEncoder().encode(text);
  if (how !== "text") io.readBytes = (path) => (io.readInput(path, Infinity), bytes);
  // Pieces of 1 to 13 bytes, so reads end anywhere (the window itself is 128 KiB: these files fit in it).
  if (how === "stream") io.openFile = (path) => (io.readInput(path, Infinity), { size: bytes.length, source: pieces(bytes), tail: (n) => bytes.subarray(Math.max(0, bytes.length - n)), close: () => {} });
  const code = runCli(argv, io);
  return { code, stdout: stdout.replace(/"timings":\{[^}]*\}/, '"timings":{}'), stderr };
}

/** A source that hands out `bytes` in pieces of 1 to 13 bytes. */
function pieces(bytes: Uint8Array): ByteSource {
  let at = 0;
  let turn = 0;
  return {
    read: (into, offset) => {
      const n = Math.min(1 + (turn++ % 13), into.length - offset, bytes.length - at);
      into.set(bytes.subarray(at, at + n), offset);
      at += n;
      return n;
    },
  };
}

/** The CLI answers a text the same whichever way it is read. */
function expectSameAnswer(text: string, flags: string[] = []): number {
  const argv = ["match", "in.json", ...flags];
  const viaText = run(argv, text, "text");
  expect(run(argv, text, "bytes")).toEqual(viaText);
  expect(run(argv, text, "stream")).toEqual(viaText);
  return viaText.code;
}

const FLAG_SETS = [[], ["--json"], ["--side", "program", "--json"], ["--sms"]];

describe("matchlab match reading bytes or streaming (scanSimpleScenario) against reading text (JSON.parse and zod)", () => {
  it("should print the same output for every scenario file in scenarios/", () => {
    const files = readdirSync(scenarioPath("")).filter((name) => name.endsWith(".json") && name !== "scenario.schema.json");
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) for (const flags of FLAG_SETS) expectSameAnswer(readFileSync(scenarioPath(name), "utf8"), flags);
  });

  it("should give the same output or the same errors (exit code, file, field path, message) for mutated scenarios", () => {
    const codes = new Set<number>();
    fc.assert(
      fc.property(simpleScenario(), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), hostileValues, fc.constantFrom(...FLAG_SETS), (scenario, choices, value, flags) => {
        codes.add(expectSameAnswer(JSON.stringify(mutateJson(scenario, choices, value), null, 1), flags));
      }),
      { numRuns: 300 },
    );
    expect([...codes].sort()).toEqual([0, 2]);
  });

  it("should give the same output or the same errors for edited scenario texts", () => {
    const codes = new Set<number>();
    fc.assert(
      fc.property(simpleScenario(), fc.array(textEdit, { minLength: 1, maxLength: 2 }), (scenario, edits) => {
        codes.add(expectSameAnswer(edits.reduce(applyEdit, JSON.stringify(scenario))));
      }),
      { numRuns: 300 },
    );
    expect([...codes].sort()).toEqual([0, 2]);
  });

  it("listsCouples should find a non-empty list of couples, and only that", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(listsCouples(bytes('{"applicants": [], "couples": [{"members": ["a", "b"], "rol": []}]}'))).toBe(true);
    expect(listsCouples(bytes('"couples" :\n [ \t{'))).toBe(true);
    // An empty list, the word in a value, a key that only starts alike: the scanner reads these itself.
    expect(listsCouples(bytes('{"couples": [ ], "name": "couples", "couplesX": [1]}'))).toBe(false);
    expect(listsCouples(bytes('{"description": "\"couples\" is a key"}'))).toBe(false);
    expect(listsCouples(bytes(""))).toBe(false);
  });
});
