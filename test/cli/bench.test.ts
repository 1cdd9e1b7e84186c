import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, scenarioPath } from "../support/cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "matchlab-bench-"));

/** The `--json` contract: phases as {median, min, max} with min ≤ median ≤ max, all non-negative. */
function expectPhase(phase: unknown): void {
  expect(Object.keys(phase as object).sort()).toEqual(["max", "median", "min"]);
  const { median, min, max } = phase as { median: number; min: number; max: number };
  expect(min).toBeGreaterThanOrEqual(0);
  expect(min).toBeLessThanOrEqual(median);
  expect(median).toBeLessThanOrEqual(max);
}

describe("matchlab bench --json", () => {
  it("prints runs, compileMs, solveMs and the proposals of the match it benchmarks", () => {
    const run = cli(["bench", scenarioPath("run-a-match-5x3.json"), "--runs", "4", "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout);
    expect(out.runs).toBe(4);
    expectPhase(out.compileMs);
    expectPhase(out.solveMs);
    // The same count `matchlab match` reports for this scenario (5 applicants matched at ranks 1, 1, 2, 2, 3: 9 applications).
    const match = JSON.parse(cli(["match", scenarioPath("run-a-match-5x3.json"), "--json"]).stdout);
    expect(out.proposals).toBe(match.stats.proposals);
    expect(out.proposals).toBe(9);
  });

  it.each([["applicant"], ["program"]])("counts the proposals of --side %s, reusing buffers or not", (side) => {
    const match = JSON.parse(cli(["match", scenarioPath("appic-2x2.json"), "--side", side, "--json"]).stdout);
    for (const extra of [[], ["--fresh"]]) {
      const out = JSON.parse(cli(["bench", scenarioPath("appic-2x2.json"), "--side", side, "--runs", "2", "--json", ...extra]).stdout);
      expect(out.proposals).toBe(match.stats.proposals);
      expect(out.side).toBe(side);
      expect(out.workspace).toBe(extra.length === 0);
    }
  });

  it("benchmarks a binary .mlm market written by matchlab generate", () => {
    const file = join(tmp, "uniform.mlm");
    expect(cli(["generate", "--preset", "uniform", "--applicants", "50", "--list-length", "4", "--seed", "3", "--out", file]).code).toBe(0);
    const fromBinary = JSON.parse(cli(["bench", file, "--runs", "2", "--json"]).stdout);
    expect(cli(["generate", "--preset", "uniform", "--applicants", "50", "--list-length", "4", "--seed", "3", "--out", join(tmp, "uniform.json")]).code).toBe(0);
    const fromJson = JSON.parse(cli(["bench", join(tmp, "uniform.json"), "--runs", "2", "--json"]).stdout);
    expect(fromBinary.applicants).toBe(50);
    expect(fromBinary.proposals).toBe(fromJson.proposals);
  });

  it("should time a market with couples and supplemental lists with the full NRMP rules, as .mlm and as JSON, and report what matchlab match finds", () => {
    for (const ext of ["mlm", "json"]) {
      const file = join(tmp, `full.${ext}`);
      expect(cli(["generate", "--preset", "uniform", "--applicants", "200", "--full-rules", "--seed", "3", "--out", file]).code).toBe(0);
      // The same engine, seed and market as `matchlab match` with its defaults, so the same proposals, outcome and method.
      const match = JSON.parse(cli(["match", file, "--json"]).stdout);
      expect(match.algorithm).toBe("roth-peranson");
      for (const extra of [[], ["--fresh"]]) {
        const run = cli(["bench", file, "--runs", "2", "--json", ...extra]);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe("");
        const out = JSON.parse(run.stdout);
        expect(out.runs).toBe(2);
        expectPhase(out.compileMs);
        expectPhase(out.solveMs);
        expect(out.engine).toBe("roth-peranson");
        expect(out.proposals).toBe(match.stats.proposals);
        expect(out.stable).toBe(match.stable);
        expect(out.method).toBe(match.loop.method);
        expect(out.applicants).toBe(200);
        expect(out.couples).toBe(match.couples.length);
        expect(out.couples).toBeGreaterThan(0);
        expect(out.workspace).toBe(extra.length === 0);
      }
    }
  });

  it("should name the simple engine in the JSON of a market without the NRMP variations", () => {
    const out = JSON.parse(cli(["bench", scenarioPath("run-a-match-5x3.json"), "--runs", "1", "--json"]).stdout);
    expect(out.engine).toBe("deferred-acceptance");
    expect(out).not.toHaveProperty("stable");
  });

  it("should refuse --side program on a full-rules market, .mlm or JSON, naming the reason (exit 2)", () => {
    for (const ext of ["mlm", "json"]) {
      const file = join(tmp, `full-side.${ext}`);
      expect(cli(["generate", "--preset", "uniform", "--applicants", "100", "--full-rules", "--seed", "4", "--out", file]).code).toBe(0);
      const run = cli(["bench", file, "--side", "program", "--runs", "1", "--json"]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/--side program: .*couples.*applicant-proposing Roth–Peranson/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("matchlab bench (human output)", () => {
  it("prints a table of median, min and max per phase, then the proposals", () => {
    const run = cli(["bench", scenarioPath("run-a-match-5x3.json"), "--runs", "3"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("5 applicants, 3 programs; applicant-proposing, 3 timed runs after a warm-up");
    expect(run.stdout).toMatch(/^phase\s+median ms\s+min ms\s+max ms$/m);
    expect(run.stdout).toMatch(/^compile\s+\d+\.\d{3}\s+\d+\.\d{3}\s+\d+\.\d{3}$/m);
    expect(run.stdout).toMatch(/^solve\s+\d+\.\d{3}/m);
    expect(run.stdout).toContain("proposals: 9");
    expect(run.stdout).not.toContain("Roth–Peranson");
  });

  it("should say in its header that a full-rules market runs Roth–Peranson, and whether the matching is stable", () => {
    const file = join(tmp, "full-human.mlm");
    expect(cli(["generate", "--preset", "uniform", "--applicants", "100", "--full-rules", "--seed", "5", "--out", file]).code).toBe(0);
    const run = cli(["bench", file, "--runs", "2"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/100 applicants, [\d,]+ programs; \d+ couples?; Roth–Peranson \(full NRMP rules\), applicant-proposing, 2 timed runs after a warm-up/);
    expect(run.stdout).toMatch(/^solve\s+\d+\.\d{3}/m);
    expect(run.stdout).toMatch(/^stable: (yes|NO) \(method: [a-z-]+\)$/m);
  });
});

describe("matchlab bench bad input", () => {
  it.each([
    ["a missing file", ["bench", join(tmp, "nope.json")], /nope\.json: no such file/],
    ["zero runs", ["bench", scenarioPath("appic-2x2.json"), "--runs", "0"], /expected a whole number ≥ 1/],
    ["an unknown side", ["bench", scenarioPath("appic-2x2.json"), "--side", "both"], /argument 'both' is invalid/],
    ["an invalid scenario", ["bench", (writeFileSync(join(tmp, "bad.json"), '{"programs":[],"applicants":[{"id":"A","rol":["X"]}]}'), join(tmp, "bad.json"))], /applicants\[0\]\.rol\[0\]: unknown program "X"/],
  ])("exits 2 with a clear message for %s", (_what, argv, message) => {
    const run = cli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints usage for bench --help and exits 0", () => {
    const run = cli(["bench", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: matchlab bench \[options\] <file>/);
  });
});
