import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileMarket, parseScenarioText, solve } from "@matchlab/core";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "../support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "matchlab-harden-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCENARIO = JSON.stringify({ programs: [{ id: "P", quota: 1, rol: ["a"] }], applicants: [{ id: "a", rol: ["P"] }] });

/** Writes `content` to a fresh file in the temporary folder and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs `matchlab match` on a path and expects exit 2 with exactly these stderr lines. */
function expectRefused(argv: string[], lines: string[], stdin?: string): void {
  const run = cli(["match", ...argv], stdin);
  expect(run).toEqual({ code: 2, stdout: "", stderr: lines.map((line) => `matchlab: ${line}\n`).join("") });
}

describe("matchlab match on hostile files", () => {
  it("should name the file and say it is empty, for an empty file and empty stdin", () => {
    const path = file("empty.json", "");
    expectRefused([path], [`${path}: (file): the file is empty; expected a JSON scenario`, `${path}: 1 problem found`]);
    expectRefused(["-"], ["stdin: (file): the file is empty; expected a JSON scenario", "stdin: 1 problem found"], " \n");
  });

  it("should say a binary file is binary rather than print its bytes", () => {
    const path = file("noise.json", Uint8Array.from({ length: 200 }, (_, i) => (i * 151 + 7) % 256));
    expectRefused([path], [`${path}: (file): not valid JSON: the file looks binary (it is not UTF-8 text); expected a JSON scenario`, `${path}: 1 problem found`]);
  });

  it("should quote the JSON error for text that is not JSON", () => {
    const run = cli(["match", file("prose.json", "programs: none\n")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/prose\.json: \(file\): not valid JSON: Unexpected token/);
  });

  it("should read a file that starts with a byte-order mark", () => {
    const run = cli(["match", file("bom.json", `\uFEFF${SCENARIO}`), "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).assignments).toEqual({ a: "P" });
  });

  it("should refuse a 1 GB file from its size alone, naming the limit and the flag that raises it", () => {
    // A sparse file: 1 GiB long, no disk space used, never read (the size is checked first).
    const path = file("huge.json", "");
    truncateSync(path, 2 ** 30);
    expectRefused([path], [`${path}: the file is 1,073,741,824 bytes, over the limit of 536,870,912 bytes; raise it with --max-bytes 1073741824`]);
  });

  it("should take a larger limit from --max-bytes, and refuse a bad one", () => {
    const path = file("small.json", SCENARIO);
    expectRefused([path, "--max-bytes", "20"], [`${path}: the file is ${SCENARIO.length} bytes, over the limit of 20 bytes; raise it with --max-bytes ${SCENARIO.length}`]);
    expect(cli(["match", path, "--max-bytes", String(SCENARIO.length)]).code).toBe(0);
    for (const command of ["match", "convert", "report", "explain"]) {
      const run = cli([command, path, "--max-bytes", "lots", ...(command === "explain" ? ["--applicant", "a"] : [])]);
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toMatch(/--max-bytes.*(expected a (positive )?whole number)/);
    }
  });

  it("should say when the file is missing or is a directory", () => {
    const missing = join(dir, "nope.json");
    expectRefused([missing], [`${missing}: no such file`]);
    const folder = join(dir, "folder.json");
    mkdirSync(folder);
    expectRefused([folder], [`${folder}: is a directory, not a scenario file`]);
  });

  it("should point at every repeated key, which JSON.parse would silently drop", () => {
    const text = '{"programs": [{"id": "P", "quota": 1, "rol": ["a"], "quota": 5}], "applicants": [{"id": "a", "rol": ["P"], "rol": []}]}';
    const path = file("dup.json", text);
    expectRefused([path], [
      `${path}: programs[0].quota: duplicate key "quota" in this object (JSON would silently keep only the last one)`,
      `${path}: applicants[0].rol: duplicate key "rol" in this object (JSON would silently keep only the last one)`,
      `${path}: 2 problems found`,
    ]);
  });

  it("should explain numbers written as text, NaN, Infinity, and negative or fractional quotas", () => {
    const withQuota = (quota: string): string => `{"programs": [{"id": "P", "quota": ${quota}, "rol": []}], "applicants": []}`;
    const cases: Array<[string, string]> = [
      ['"2"', 'programs[0].quota: quota must be a non-negative integer, got the text "2" (write the number without quotes)'],
      ["1e999", "programs[0].quota: quota must be a non-negative integer, got Infinity"],
      ["-1", "programs[0].quota: quota must be a non-negative integer (at most 1000000)"],
      ["1.5", "programs[0].quota: quota must be a non-negative integer (at most 1000000)"],
    ];
    for (const [quota, line] of cases) {
      const path = file("quota.json", withQuota(quota));
      expectRefused([path], [`${path}: ${line}`, `${path}: 1 problem found`]);
    }
    const run = cli(["match", file("nan.json", withQuota("NaN"))]);
    expect(run.stderr).toMatch(/not valid JSON: .*\(NaN and Infinity are not JSON numbers: write a finite number\)\n/);
  });

  it("should refuse deep nesting with one line, wherever it is", () => {
    const deep = (n: number): string => "[".repeat(n) + "]".repeat(n);
    const path = file("deep.json", `{"programs": ${deep(50_000)}, "applicants": [], "name": ${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}}`);
    expectRefused([path], [`${path}: name: Invalid input: expected string, received object`, `${path}: programs[0]: Invalid input: expected object, received array`, `${path}: 2 problems found`]);
  });
});

describe("lists of a million entries", () => {
  const ids = Array.from({ length: 1_000_000 }, (_, i) => `a${i}`);

  it("should refuse a million unknown ids with the first 100 problems and a count (zod alone took ~40 s)", () => {
    const path = file("million.json", JSON.stringify({ programs: [{ id: "P", quota: 1, rol: ids }], applicants: [] }));
    const lines = cli(["match", path]).stderr.trimEnd().split("\n");
    expect(lines.length).toBe(102);
    expect(lines[0]).toBe(`matchlab: ${path}: programs[0].rol[0]: unknown applicant "a0"`);
    expect(lines[100]).toBe(`matchlab: ${path}: (scenario): … and 999,900 more problems not shown (only the first 100 are reported)`);
  });

  it("should match a valid market where one program ranks a million applicants", () => {
    const parsed = parseScenarioText(JSON.stringify({ programs: [{ id: "P", quota: 3, rol: ids }], applicants: ids.map((id, i) => ({ id, rol: i % 2 === 1 ? ["P"] : [] })) }));
    expect(parsed.ok).toBe(true);
    const market = compileMarket(parsed.ok ? parsed.scenario : { programs: [], applicants: [] });
    const { matchOf } = solve(market);
    // Only odd applicants rank P, and P prefers lower numbers: a1, a3 and a5 fill its three positions.
    expect([...matchOf.keys()].filter((a) => matchOf[a] === 0).map((a) => market.applicantIds[a])).toEqual(["a1", "a3", "a5"]);
  }, 180_000);
});
