import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, type CliIo } from "../../packages/core/src/cli/io.ts";
import { runCli } from "../../packages/core/src/cli/program.ts";

const runAMatch = readFileSync(new URL("../../scenarios/run-a-match-5x3.json", import.meta.url), "utf8");
const appic = readFileSync(new URL("../../scenarios/appic-2x2.json", import.meta.url), "utf8");

// One applicant ranking nine programs: one more than the exhaustive check enumerates.
const nineIds = Array.from({ length: 9 }, (_, i) => `P${i}`);
const nine = JSON.stringify({ programs: nineIds.map((id) => ({ id, quota: 1, rol: ["a"] })), applicants: [{ id: "a", rol: nineIds }] });

/** Runs the CLI in-process on the Run A Match scenario ("ram.json") or APPIC 2×2 ("appic.json"). */
function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    readInput: (path) => {
      if (path === "ram.json") return runAMatch;
      if (path === "appic.json") return appic;
      if (path === "nine.json") return nine;
      throw new InputError(`${path}: no such file`);
    },
  };
  return { code: runCli(argv, io), stdout, stderr };
}

describe("matchlab strategy", () => {
  it("should print the exhaustive check in the issue's JSON shape", () => {
    // Chen ranks City, Mercy. City fills with Eastman and Anderson, whom it ranks above her, so only Mercy would
    // take her: of her 5 lists ([], [City], [Mercy], [City, Mercy], [Mercy, City]), 3 get Mercy and 2 nothing.
    const { code, stdout } = run("strategy", "ram.json", "--applicant", "Chen", "--exhaustive", "--json");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({
      truthful: { program: "Mercy", rank: 2 },
      best: { program: "Mercy", rank: 2, list: ["Mercy"] },
      listsTried: 5,
      better: 0,
      ties: 3,
      worse: 2,
      attainable: ["Mercy"],
    });
  });

  it("should compare a submitted list with the truthful one", () => {
    // Chen drops Mercy: City will not take her, so she goes unmatched (worse).
    const { code, stdout } = run("strategy", "ram.json", "--applicant", "Chen", "--list", "City", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).submitted).toEqual({ program: null, rank: null, list: ["City"], verdict: "worse" });
    const human = run("strategy", "ram.json", "--applicant", "Chen", "--list", "City");
    expect(human.stdout).toContain("submitted list (City) → unmatched: worse than truthful");
  });

  it("should exit 2 with a clear message for an unknown applicant or program", () => {
    expect(run("strategy", "ram.json", "--applicant", "Nobody")).toMatchObject({ code: 2, stderr: 'matchlab: --applicant: no applicant with id "Nobody" in this scenario\n' });
    expect(run("strategy", "ram.json", "--applicant", "Chen", "--list", "City,City")).toMatchObject({ code: 2, stderr: 'matchlab: --list: program "City" appears twice (entry 2)\n' });
  });

  it("should refuse --exhaustive beyond 8 programs with exit code 2", () => {
    const { code, stderr } = run("strategy", "nine.json", "--applicant", "a", "--exhaustive");
    expect(code).toBe(2);
    expect(stderr).toBe("matchlab: --exhaustive: a ranks 9 programs; the check enumerates every ordering of every subset of at most 8 (986,410 lists would be too many)\n");
    // Without --exhaustive the what-if works at any length: she gets her first choice.
    expect(JSON.parse(run("strategy", "nine.json", "--applicant", "a", "--json").stdout).truthful).toEqual({ program: "P0", rank: 1 });
  });
});

describe("matchlab strategy --side program", () => {
  it("should show a list beating truthful under program-proposing (APPIC 2×2)", () => {
    // Program-proposing gives Y her 2nd choice A; ranking only B gets her B (see literalExhaustive.test.ts).
    const out = JSON.parse(run("strategy", "appic.json", "--applicant", "Y", "--side", "program", "--exhaustive", "--json").stdout);
    expect(out).toMatchObject({ side: "program", truthful: { program: "A", rank: 2 }, best: { program: "B", rank: 1, list: ["B"] }, listsTried: 5, better: 1 });
    expect(out.attainable).toBeUndefined();
    const human = run("strategy", "appic.json", "--applicant", "Y", "--side", "program", "--list", "B").stdout;
    expect(human).toContain("submitted list (B) → B (her 1st choice): better than truthful");
  });
});

describe("matchlab explain", () => {
  it("should explain each program above her match (Run A Match, Davis)", () => {
    // Davis ranks Mercy, City, General and matches General. Mercy ranked only Chen and Ford; City ranked her 4th
    // and filled both positions with Eastman (1st) and Anderson (2nd).
    const { code, stdout } = run("explain", "ram.json", "--applicant", "Davis");
    expect(code).toBe(0);
    expect(stdout).toBe(
      "Davis matched to General, her 3rd choice.\n- Mercy did not rank you\n- City filled its 2 positions with applicants it ranked 1st and 2nd; it ranked you 4th\n",
    );
  });

  it("should give reasons and holders in JSON", () => {
    const out = JSON.parse(run("explain", "ram.json", "--applicant", "Ford", "--json").stdout);
    expect(out.explanations).toEqual([
      {
        program: "City", reason: "filled", yourRank: 5, quota: 2,
        filledWith: [{ applicant: "Eastman", rank: 1 }, { applicant: "Anderson", rank: 2 }],
        text: "City filled its 2 positions with applicants it ranked 1st and 2nd; it ranked you 5th",
      },
    ]);
  });

  it("should say there is nothing to explain at her first choice", () => {
    expect(run("explain", "ram.json", "--applicant", "Eastman").stdout).toBe("Eastman matched to City, her 1st choice.\nThat is her first choice: nothing to explain.\n");
  });
});

describe("matchlab stable-matchings", () => {
  it("should count both APPIC 2×2 matchings and show the rotation between them", () => {
    // ALGORITHM.md §14.2: applicant-proposing gives Y–B, Z–A; program-proposing A–Y, B–Z; no other stable matching.
    const out = JSON.parse(run("stable-matchings", "appic.json", "--json").stdout);
    expect(out).toMatchObject({
      count: 2,
      complete: true,
      rotations: [{ after: [], moves: [{ applicant: "Y", from: "B", to: "A" }, { applicant: "Z", from: "A", to: "B" }] }],
      applicantOptimal: { Y: "B", Z: "A" },
      programOptimal: { Y: "A", Z: "B" },
    });
    expect(run("stable-matchings", "appic.json").stdout).toContain("#1: Y B → A; Z A → B");
  });

  it("should say when --limit cut the count short", () => {
    expect(JSON.parse(run("stable-matchings", "appic.json", "--limit", "1", "--json").stdout)).toMatchObject({ count: 1, complete: false });
    expect(run("stable-matchings", "appic.json", "--limit", "1").stdout).toMatch(/^at least 1 stable matching/);
    expect(run("stable-matchings", "appic.json", "--limit", "0")).toMatchObject({ code: 2, stderr: 'matchlab: --limit: expected a positive whole number, got "0"\n' });
  });
});
