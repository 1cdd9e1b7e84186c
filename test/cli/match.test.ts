import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, scenarioPath } from "../support/cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "matchlab-cli-"));
const write = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe("matchlab match --json", () => {
  it("prints the documented contract for Run-A-Match", () => {
    const run = cli(["match", scenarioPath("run-a-match-5x3.json"), "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout);
    expect(out.assignments).toEqual({ Anderson: "City", Chen: "Mercy", Ford: "General", Davis: "General", Eastman: "City" });
    expect(out.programs).toEqual({
      Mercy: { quota: 2, matched: ["Chen"], unfilled: 1 },
      City: { quota: 2, matched: ["Eastman", "Anderson"], unfilled: 0 },
      General: { quota: 2, matched: ["Ford", "Davis"], unfilled: 0 },
    });
    expect(out.blockingPairs).toEqual([]);
    expect(out.stable).toBe(true);
    expect(Object.keys(out.timings).sort()).toEqual(["compileMs", "parseMs", "solveMs"]);
    for (const ms of Object.values(out.timings)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(out.stats).toMatchObject({ applicants: 5, matched: 5, positions: 6, unfilled: 1, rankDistribution: [2, 2, 1] });
  });

  it("runs program-proposing with --side program (APPIC 2×2: each program gets its first choice)", () => {
    const out = JSON.parse(cli(["match", scenarioPath("appic-2x2.json"), "--side", "program", "--json"]).stdout);
    expect(out.assignments).toEqual({ Y: "A", Z: "B" });
    expect(out.side).toBe("program");
  });

  it("reads standard input when the file is -", () => {
    const run = cli(["match", "-", "--json"], '{"programs":[{"id":"P","quota":1,"rol":["A"]}],"applicants":[{"id":"A","rol":["P"]}]}');
    expect(JSON.parse(run.stdout).assignments).toEqual({ A: "P" });
  });

  it("keeps ids such as __proto__ as ordinary keys", () => {
    const run = cli(["match", "-", "--json"], '{"programs":[{"id":"__proto__","quota":1,"rol":["constructor"]}],"applicants":[{"id":"constructor","rol":["__proto__"]}]}');
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out.assignments)).toEqual(["constructor"]);
    expect(Object.keys(out.programs)).toEqual(["__proto__"]);
  });

  it("adds the event trace with --trace", () => {
    const out = JSON.parse(cli(["match", scenarioPath("appic-2x2.json"), "--json", "--trace"]).stdout);
    expect(out.trace.map((e: { text: string }) => e.text)).toEqual(["Y applies to B", "B tentatively holds Y", "Z applies to A", "A tentatively holds Z"]);
  });
});

describe("matchlab match (human output)", () => {
  it("prints a table of programs and a summary with the stability verdict", () => {
    const run = cli(["match", scenarioPath("run-a-match-5x3.json")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Mercy\s+2\s+Chen\s+1$/m);
    expect(run.stdout).toMatch(/^City\s+2\s+Eastman, Anderson\s+0$/m);
    expect(run.stdout).toContain("matched: 5 of 5 applicants; unfilled: 1 of 6 positions");
    expect(run.stdout).toContain("stable: yes");
  });
});

describe("matchlab bad input", () => {
  it.each([
    ["a missing file", ["match", join(tmp, "nope.json")], /nope\.json: no such file/],
    ["a directory", ["match", tmp], /is a directory, not a scenario file/],
    ["an empty file", ["match", write("empty.json", "")], /empty\.json: \(file\): the file is empty/],
    ["text that is not JSON", ["match", write("bad.json", "{ nope")], /bad\.json: \(file\): not valid JSON/],
    ["binary junk", ["match", write("junk.bin", "\u0000\u0001\u0002")], /junk\.bin: \(file\): not valid JSON/],
    ["an unknown program", ["match", write("typo.json", '{"programs":[{"id":"City","quota":1,"rol":[]}],"applicants":[{"id":"A","rol":["Ctiy"]}]}')], /typo\.json: applicants\[0\]\.rol\[0\]: unknown program "Ctiy"/],
    ["couples with --side program (only applicant-proposing runs the full rules)", ["match", write("couples.json", '{"programs":[{"id":"P","quota":2,"rol":["x","y"]}],"applicants":[],"couples":[{"members":["x","y"],"rol":[["P","P"]]}]}'), "--side", "program"], /--side program: couples, supplemental lists and reversions run only with the applicant-proposing/],
    ["an unknown side", ["match", scenarioPath("appic-2x2.json"), "--side", "both"], /argument 'both' is invalid/],
    ["an unknown command", ["matcher"], /unknown command 'matcher'/],
    ["a file over --max-bytes", ["match", scenarioPath("appic-2x2.json"), "--max-bytes", "10"], /over the limit of 10 bytes; raise it with --max-bytes/],
  ])("exits 2 with a clear message for %s", (_what, argv, message) => {
    const run = cli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("lists every validation problem, then how many", () => {
    const run = cli(["match", write("many.json", '{"programs":[{"id":"P","quota":-1,"rol":["Z"]}],"applicants":[{"id":"A","rol":["Q","P","P"]}]}')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      `matchlab: ${tmp}/many.json: programs[0].quota: quota must be a non-negative integer (at most 1000000)`,
      `matchlab: ${tmp}/many.json: applicants[0].rol[0]: unknown program "Q"`,
      `matchlab: ${tmp}/many.json: applicants[0].rol[2]: "P" is ranked twice in this list (first at rank 2)`,
      `matchlab: ${tmp}/many.json: programs[0].rol[0]: unknown applicant "Z"`,
      `matchlab: ${tmp}/many.json: 4 problems found`,
    ]);
  });
});

describe("matchlab --help", () => {
  it.each([[["--help"]], [["match", "--help"]]])("prints usage for %j and exits 0", (argv) => {
    const run = cli(argv);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: matchlab/);
  });
});

describe("the matchlab process", () => {
  it("exits 2 on bad input and 0 on success, as a real process started by pnpm would", () => {
    const main = new URL("../../packages/core/src/cli/main.ts", import.meta.url).pathname;
    const tsx = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
    const bad = spawnSync(tsx, ["--conditions=@matchlab/source", main, "match", join(tmp, "missing.json")], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("no such file");
    const good = spawnSync(tsx, ["--conditions=@matchlab/source", main, "match", "-", "--json"], { encoding: "utf8", input: '{"programs":[],"applicants":[{"id":"A","rol":[]}]}' });
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout).assignments).toEqual({ A: null });
  });
});
