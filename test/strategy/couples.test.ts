import { readFileSync } from "node:fs";
import { collectFullResult, compileFullMarket, coupleExhaustiveCheck, coupleWhatIf, parseScenarioText, rothPeranson, type Scenario } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullScenario } from "../arbitraries/fullMarket.ts";
import { cli, scenarioPath } from "../support/cli.ts";

function loadScenario(name: string): Scenario {
  const parsed = parseScenarioText(readFileSync(scenarioPath(name), "utf8"));
  if (!parsed.ok) throw new Error(`${name} is invalid`);
  return parsed.scenario;
}

const misreport = loadScenario("couples-misreport.json");

describe("coupleWhatIf (worked example: scenarios/couples-misreport.json)", () => {
  // Every program has one position. Truthful, singles go first: Lee holds General, Park holds Mercy. The couple's
  // 1st pair (General, Mercy) takes both (General ranks Ana above Lee, Mercy ranks Ben above Park). Lee falls to
  // Mercy, which ranks Lee above Ben: Ben is bumped, so the couple withdraws Ana from General too. (City, Mercy)
  // fails at Mercy (Lee again); (General, City) holds. The couple ends at its 3rd pair.
  // Submitting only (City, Mercy): Lee keeps General and is never pushed to Mercy; Ben bumps Park at Mercy and Ana
  // takes City, the couple's 2nd pair by its true list. Both matchings are stable for the lists submitted.
  it("should give the couple its 2nd pair when it drops its 1st, against its 3rd when truthful", () => {
    const result = coupleWhatIf(misreport, { member: "Ana", list: [["City", "Mercy"]] });
    expect(result.truthful).toEqual({ pair: ["General", "City"], rank: 3, stable: true });
    expect(result.submitted).toEqual({ pair: ["City", "Mercy"], rank: 2, stable: true, list: [["City", "Mercy"]] });
    expect(result.verdict).toBe("better");
  });

  it("coupleExhaustiveCheck finds a list that beats truthful, and the best it finds is the 2nd pair", () => {
    const result = coupleExhaustiveCheck(misreport, { member: "Ben" });
    expect(result.members).toEqual(["Ana", "Ben"]);
    expect(result.listsTried).toBe(16); // 1 + 3 + 3·2 + 3·2·1 orderings of subsets of 3 pairs
    expect(result.better).toBeGreaterThan(0);
    expect(result.best).toMatchObject({ pair: ["City", "Mercy"], rank: 2, stable: true, list: [["City", "Mercy"]] });
  });

  it("should refuse an id that is not a couple member, and a list over the limit", () => {
    expect(() => coupleWhatIf(misreport, { member: "Lee", list: [] })).toThrow('coupleWhatIf: "Lee" is not a member of any couple');
    expect(() => coupleExhaustiveCheck(misreport, { member: "Ana", maxPairs: 2 })).toThrow("over the limit of 2");
  });
});

describe("coupleExhaustiveCheck (properties over small markets with couples)", () => {
  const market = fullScenario({ singles: { min: 0, max: 4 }, couples: { min: 1, max: 2 }, programs: { min: 1, max: 4 }, maxPairs: 3 });

  it("should count every list once, find a best no worse than truthful, and reproduce both with coupleWhatIf", () => {
    fc.assert(
      fc.property(market, (scenario) => {
        const member = scenario.couples![0]!.members[0];
        const trueList = scenario.couples![0]!.rol;
        const result = coupleExhaustiveCheck(scenario, { member });
        const n = trueList.length;
        const orderings = Array.from({ length: n + 1 }, (_, k) => Array.from({ length: k }, (_, j) => n - j).reduce((a, b) => a * b, 1));
        expect(result.listsTried).toBe(orderings.reduce((a, b) => a + b, 0));
        expect(result.better + result.ties + result.worse).toBe(result.listsTried);
        const score = (rank: number | null): number => rank ?? n + 1;
        expect(score(result.best.rank)).toBeLessThanOrEqual(score(result.truthful.rank));
        expect(result.better > 0).toBe(score(result.best.rank) < score(result.truthful.rank));
        // The truthful outcome is the one the engine gives on the scenario as it is.
        const direct = rothPeranson(compileFullMarket(scenario));
        expect(collectFullResult(compileFullMarket(scenario), direct).couples[0]!.pair).toEqual(result.truthful.pair);
        const replay = coupleWhatIf(scenario, { member, list: result.best.list });
        expect(replay.submitted.pair).toEqual(result.best.pair);
        expect(coupleWhatIf(scenario, { member, list: trueList }).verdict).toBe("same");
      }),
      { numRuns: 40 },
    );
  });
});

describe("matchlab strategy --couple", () => {
  it("should report the gain with --exhaustive --json", () => {
    const { code, stdout } = cli(["strategy", scenarioPath("couples-misreport.json"), "--couple", "Ana", "--exhaustive", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      couple: ["Ana", "Ben"],
      truthful: { pair: ["General", "City"], rank: 3 },
      best: { pair: ["City", "Mercy"], rank: 2, list: [["City", "Mercy"]] },
      listsTried: 16,
    });
  });

  it("should compare a submitted pair list in words", () => {
    const { code, stdout } = cli(["strategy", scenarioPath("couples-misreport.json"), "--couple", "Ben", "--list", "City+Mercy"]);
    expect(code).toBe(0);
    expect(stdout).toContain("truthful list → General + City (its 3rd pair)");
    expect(stdout).toContain("submitted list (City+Mercy) → City + Mercy (its 2nd pair): better than truthful");
  });

  it("should exit 2 with a clear message on a bad pair, an unknown member or --side program", () => {
    const file = scenarioPath("couples-misreport.json");
    expect(cli(["strategy", file, "--couple", "Ana", "--list", "City"]).stderr).toContain('--list: pair 1 is "City"; expected two program ids joined by "+"');
    expect(cli(["strategy", file, "--couple", "Ana", "--list", "-+-"]).stderr).toContain("at most one partner may be unmatched");
    const unknown = cli(["strategy", file, "--couple", "Lee"]);
    expect(unknown).toMatchObject({ code: 2, stderr: 'matchlab: --couple: no couple has a member with id "Lee" in this scenario\n' });
    expect(cli(["strategy", file, "--couple", "Ana", "--side", "program"]).code).toBe(2);
  });
});
