import { generateMarket, toScenario } from "@matchlab/core";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { InputError, type CliIo } from "../../packages/core/src/cli/io.ts";
import { runCliAsync } from "../../packages/core/src/cli/program.ts";

// A generated market at the test scale, as `matchlab generate --applicants 2000 --seed 1` writes it: its program
// ids are the catalogue's, so any applicant in it can be placed in fresh draws with her own list.
const scenario = toScenario(generateMarket({ applicants: 2000 }, seedrandom.alea("1")));
const her = scenario.applicants.find((a) => a.rol.length >= 3)!;
const files: Record<string, string> = {
  "market.json": JSON.stringify(scenario),
  // Same scale, another seed: same program ids, but other programs behind them.
  "seed2.json": JSON.stringify(toScenario(generateMarket({ applicants: 2000 }, seedrandom.alea("2")))),
};

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    readInput: (path) => {
      const text = files[path];
      if (text === undefined) throw new InputError(`${path}: no such file`);
      return text;
    },
  };
  return { code: await runCliAsync(argv, io), stdout, stderr };
}

const profile = ["--applicants", "2000", "--type", "non-us-img", "--step2ck", "245", "--visa", "--specialties", "Internal Medicine,Family Medicine"];

describe("matchlab strategy --monte-carlo", () => {
  it("should print per-strategy figures in JSON that do not depend on --workers, with progress on stderr", async () => {
    const argv = ["strategy", "--monte-carlo", "6", "--seed", "3", ...profile, "--true-list", "IM-0002,IM-0009,FM-0003,IM-0015", "--add", "FM-0010,IM-0030", "--list", "FM-0003", "--json"];
    const one = await run(...argv, "--workers", "1");
    const two = await run(...argv, "--workers", "2");
    expect([one.code, two.code]).toEqual([0, 0]);
    const [x, y] = [JSON.parse(one.stdout), JSON.parse(two.stdout)];
    expect(x).toMatchObject({
      applicant: "you",
      preset: "nrmp-2025",
      applicants: 2000,
      draws: 6,
      seed: 3,
      workers: 1,
      profile: { type: "non-us-img", step2ck: 245, needsVisa: true, specialties: ["Internal Medicine", "Family Medicine"], region: null },
      trueList: ["IM-0002", "IM-0009", "FM-0003", "IM-0015"],
    });
    // Defaults: truncate after 3, safety first = her last program, reaches = her first third (rounded up).
    expect(x.strategies.map((s: { label: string }) => s.label)).toEqual([
      "truthful", "truncate after 3", "safety first (IM-0015)", "reaches only (2)", "add 2 programs", "custom (FM-0003)",
    ]);
    for (const s of x.strategies) {
      expect(s.rankCounts.reduce((a: number, b: number) => a + b, 0) + s.unmatched).toBe(6);
      expect(s.vsTruthful.better + s.vsTruthful.equal + s.vsTruthful.worse).toBe(6);
      expect(s.matchProbability).toBe((6 - s.unmatched) / 6);
    }
    expect(y.strategies).toEqual(x.strategies);
    expect(one.stderr.trim().split("\n").at(-1)).toBe("matchlab: monte carlo 6/6 draws");
  });

  it("should take her profile and true list from FILE --applicant, and print a table", async () => {
    // No --applicants: the file's applicant count is the scale, so its ids are the catalogue's (and no warning).
    const json = await run("strategy", "market.json", "--applicant", her.id, "--monte-carlo", "3", "--workers", "1", "--json");
    expect(json.code).toBe(0);
    expect(json.stderr).not.toContain("warning");
    const out = JSON.parse(json.stdout);
    expect(out.applicants).toBe(2000);
    expect(out.applicant).toBe(her.id);
    expect(out.trueList).toEqual(her.rol);
    expect(out.profile).toMatchObject({ type: her.type, step2ck: her.step2ck, needsVisa: her.needsVisa ?? false });
    const human = await run("strategy", "--monte-carlo", "2", ...profile, "--workers", "1");
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("placed in 2 draws of nrmp-2025");
    expect(human.stdout).toContain("true list: drawn by the interview model in each draw");
    expect(human.stdout).toMatch(/strategy\s+P\(match\)/);
  });

  it("should exit 2 with a clear message on bad flags", async () => {
    const cases: [string[], RegExp][] = [
      [["strategy", "--monte-carlo", "2", ...profile, "--type", "martian"], /--type: expected one of us-md, us-do, us-img, non-us-img, other, got "martian"/],
      [["strategy", "--monte-carlo", "2", ...profile, "--step2ck", "400"], /--step2ck.*expected a number in \[150, 300\]/],
      [["strategy", "--monte-carlo", "0", ...profile], /--monte-carlo.*expected a whole number ≥ 1/],
      [["strategy", "--monte-carlo", "2", ...profile, "--seed", "4294967296"], /--seed: expected a whole number below 2\^32, got 4294967296/],
      [["strategy", "--monte-carlo", "2", ...profile, "--true-list", "IM-0001,XX-9"], /--true-list\[1\]: no program "XX-9" in the nrmp-2025 catalogue at 2000 applicants/],
      [["strategy", "--monte-carlo", "2", ...profile, "--specialties", "Astrology"], /--specialties\[0\]: unknown specialty "Astrology"/],
      [["strategy", "--monte-carlo", "2", "--type", "us-md", "--specialties", "IM"], /her Step 2 CK score is needed: --step2ck SCORE/],
      [["strategy", "--monte-carlo", "2", ...profile, "--safety", "IM-0001"], /--safety needs her fixed true list/],
      [["strategy", "--monte-carlo", "2", ...profile, "--add", "IM-0001,NOPE"], /--add: no program "NOPE"/],
      [["strategy", "--monte-carlo", "2", ...profile, "--preset", "uniform"], /--preset.*Allowed choices are nrmp-2025, nrmp-2024/],
      [["strategy", "--monte-carlo", "2", "--applicant", "a1", ...profile], /--applicant needs a scenario FILE/],
      [["strategy", "market.json", "--applicant", "nobody", "--monte-carlo", "2"], /--applicant: no applicant with id "nobody" in market.json/],
      [["strategy", "market.json", "--applicant", her.id, "--type", "us-md"], /--type only applies with --monte-carlo N/],
      [["strategy", "market.json", "--applicant", her.id, "--monte-carlo", "2", "--exhaustive"], /--exhaustive and --monte-carlo are separate analyses/],
      [["strategy", "--applicant", her.id], /give a scenario FILE/],
    ];
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await run(...argv);
      expect({ argv, code }).toEqual({ argv, code: 2 });
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it("should warn when the file's programs are not the catalogue behind the same ids", async () => {
    // The bad --add stops the run before any draw; the warning about the catalogue comes first.
    const { code, stderr } = await run("strategy", "seed2.json", "--applicant", her.id, "--monte-carlo", "2", "--add", "NOPE");
    expect(code).toBe(2);
    expect(stderr).toContain("matchlab: warning: the programs in seed2.json are not the nrmp-2025 catalogue drawn with --program-seed 1 at 2000 applicants");
    expect(stderr).toContain('--add: no program "NOPE"');
  });
});

describe("matchlab charting", () => {
  it("should print one series per applicant type in JSON, and a table", async () => {
    const json = await run("charting", "--applicants", "2000", "--draws", "2", "--seed", "4", "--json");
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({ preset: "nrmp-2025", applicants: 2000, draws: 2, seed: 4 });
    expect(out.series.map((s: { group: string }) => s.group)).toEqual(["us-md", "us-do", "us-img", "non-us-img", "other"]);
    const points = out.series.flatMap((s: { points: { applicants: number; matched: number; probability: number }[] }) => s.points);
    expect(points.reduce((sum: number, p: { applicants: number }) => sum + p.applicants, 0)).toBe(4000);
    for (const p of points) expect(p.probability).toBe(p.matched / p.applicants);
    expect(json.stderr).toContain("matchlab: charting 2/2 markets");
    const human = await run("charting", "--applicants", "2000", "--draws", "1");
    expect(human.stdout).toMatch(/ranked\s+us-md\s+us-do\s+us-img\s+non-us-img\s+other/);
  });

  it("should exit 2 on bad flags", async () => {
    for (const [argv, message] of [
      [["charting", "--draws", "0"], /--draws.*expected a whole number ≥ 1/],
      [["charting", "--preset", "uniform"], /Allowed choices are nrmp-2025, nrmp-2024/],
      [["charting", "--seed", "-1"], /--seed.*expected a whole number ≥ 0/],
      [["charting", "--seed", "5000000000"], /--seed: expected a whole number below 2\^32/],
    ] as const) {
      const { code, stderr } = await run(...argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    }
  });
});
