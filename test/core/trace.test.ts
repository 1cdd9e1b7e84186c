import { collectTrace, compileMarket, createTrace, parseScenarioText, solve, type Side } from "@matchlab/core";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";
import { scenarioPath } from "../support/cli.ts";

const load = (name: string) => {
  const parsed = parseScenarioText(readFileSync(scenarioPath(name), "utf8"));
  if (!parsed.ok) throw new Error(name);
  return compileMarket(parsed.scenario);
};

describe("createTrace + solve", () => {
  it("narrates Run-A-Match as the NRMP's worked example does (ALGORITHM.md §14.1)", () => {
    const market = load("run-a-match-5x3.json");
    const trace = createTrace(market, "applicant");
    solve(market, { trace });
    expect(collectTrace(market, trace).map((e) => e.text)).toEqual([
      // 1. Anderson → City (vacancy). 2. Chen → City (vacancy).
      "Anderson applies to City", "City tentatively holds Anderson",
      "Chen applies to City", "City tentatively holds Chen",
      // 3. Ford → City: full, ranked below both holders; → General (vacancy).
      "Ford applies to City", "City rejects Ford: City is full and prefers everyone it holds (its last is Chen)",
      "Ford applies to General", "General tentatively holds Ford",
      // 4. Davis → Mercy: not ranked; → City: rejected; → General (vacancy).
      "Davis applies to Mercy", "Mercy rejects Davis: Mercy did not rank Davis",
      "Davis applies to City", "City rejects Davis: City is full and prefers everyone it holds (its last is Chen)",
      "Davis applies to General", "General tentatively holds Davis",
      // 5. Eastman → City bumps Chen (City's worst); Chen → Mercy (vacancy).
      "Eastman applies to City", "City tentatively holds Eastman", "Chen is bumped from City: City prefers Eastman",
      "Chen applies to Mercy", "Mercy tentatively holds Chen",
    ]);
  });

  it("records the kinds with ids, including list exhaustion", () => {
    const parsed = parseScenarioText('{"programs":[{"id":"P","quota":1,"rol":["B","A"]}],"applicants":[{"id":"A","rol":["P"]},{"id":"B","rol":["P"]}]}');
    if (!parsed.ok) throw new Error("fixture");
    const market = compileMarket(parsed.scenario);
    const trace = createTrace(market, "applicant");
    solve(market, { trace });
    expect(collectTrace(market, trace).map(({ kind, applicant, program, other }) => [kind, applicant, program, other])).toEqual([
      ["propose", "A", "P", null], ["hold", "A", "P", null],
      ["propose", "B", "P", null], ["hold", "B", "P", null], ["bump", "A", "P", "B"],
      ["exhausted", "A", null, null],
    ]);
  });

  it.each<Side>(["applicant", "program"])("should not change the %s-proposing result, and should stay within its bound", (side) => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const market = compileMarket(scenario);
        const trace = createTrace(market, side);
        const traced = solve(market, { side, trace });
        expect(traced.matchOf).toEqual(solve(market, { side }).matchOf);
        expect(trace.length).toBeLessThanOrEqual(trace.kind.length);
      }),
    );
  });

  it.each<Side>(["applicant", "program"])("should replay to the final %s-proposing matching from its holds and bumps", (side) => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const market = compileMarket(scenario);
        const trace = createTrace(market, side);
        const { matchOf } = solve(market, { side, trace });
        const replay = new Int32Array(market.nA).fill(-1);
        for (let i = 0; i < trace.length; i++) {
          const kind = trace.kind[i]!;
          if (kind === 1) replay[trace.applicant[i]!] = trace.program[i]!; // hold
          // A bump under applicant-proposing frees the bumped applicant; under program-proposing she has
          // already moved to the program whose hold was recorded just before.
          if (kind === 2 && side === "applicant") replay[trace.applicant[i]!] = -1;
        }
        expect(replay).toEqual(matchOf);
      }),
    );
  });

  it("refuses a trace made for the other side", () => {
    const market = load("appic-2x2.json");
    expect(() => solve(market, { side: "program", trace: createTrace(market, "applicant") })).toThrow(/solve: the trace was created for applicant-proposing/);
  });
});
