import { compileMarket, solve } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../../../test/arbitraries/market.ts";
import { findBuiltIn } from "../src/scenarios.ts";
import { explainMatching, moveApplicant } from "../src/theater/breakIt.ts";
import { describeWhyNot, whyNot } from "../src/theater/whyNot.ts";

const market = (key: string) => compileMarket(findBuiltIn(key)!.scenario);

describe("whyNot", () => {
  it("should give only 'did not rank her' or 'full with applicants ranked higher' in a stable matching", () => {
    fc.assert(
      fc.property(simpleScenario(), fc.constantFrom("applicant" as const, "program" as const), (scenario, side) => {
        const m = compileMarket(scenario);
        const { matchOf } = solve(m, { side });
        for (let a = 0; a < m.nA; a++) for (const r of whyNot(m, matchOf, a)) expect(r.reason).not.toBe("blocking");
      }),
    );
  });

  it("whyNot(Run-A-Match, Davis) explains both programs above General", () => {
    // Davis ranks Mercy, City, General and matches General. Mercy's list is Chen, Ford: no Davis. City holds
    // Eastman (#1) and Anderson (#2) in its 2 positions and ranks Davis #4.
    const m = market("run-a-match");
    const { matchOf } = solve(m);
    const davis = m.applicantIds.indexOf("Davis");
    expect(whyNot(m, matchOf, davis).map((r) => describeWhyNot(m, davis, r))).toEqual([
      "Mercy (her 1st choice) did not rank Davis.",
      "City (her 2nd choice) is full with applicants it ranked higher: Eastman (#1), Anderson (#2); it ranked Davis #4.",
    ]);
  });
});

describe("explainMatching", () => {
  it("should find no problem in the engine's matching", () => {
    const m = market("appic-2x2");
    expect(explainMatching(m, solve(m).matchOf).report.stable).toBe(true);
  });

  it("explainMatching(APPIC, Y unmatched) names both blocking pairs and why each side prefers them", () => {
    // Applicant-proposing: Y→B, Z→A. Swapping gives Y→A, Z→B, the program-optimal matching: still stable.
    // Moving Y to unmatched instead leaves B empty while Y ranks B first: Y + B block. A holds Z but ranks Y
    // first, and Y ranks A, so Y + A block too; pairs come in the order of her list.
    const m = market("appic-2x2");
    const moved = moveApplicant(solve(m).matchOf, 0, -1);
    const { report, sentences } = explainMatching(m, moved);
    expect(report.blockingPairs).toEqual([{ applicant: 0, program: 1 }, { applicant: 0, program: 0 }]);
    expect(sentences[0]).toBe(
      "Blocking pair Y + B: Y is unmatched and ranked B 1st; B ranked Y #2 and has an unfilled position. Both would rather be matched to each other, so this matching is unstable.",
    );
    expect(sentences[1]).toBe(
      "Blocking pair Y + A: Y is unmatched and ranked A 2nd; A ranked Y #1, above Z (#2) whom it holds. Both would rather be matched to each other, so this matching is unstable.",
    );
  });

  it("should report a program that holds more than its quota", () => {
    const m = market("appic-2x2");
    const { report, sentences } = explainMatching(m, Int32Array.from([0, 0]));
    expect(report.overQuota).toEqual([0]);
    expect(sentences).toContain("A holds more applicants than its 1 position(s).");
  });
});
