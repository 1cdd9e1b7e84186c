// @vitest-environment jsdom
import { compileMarket, solve } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../../../test/arbitraries/market.ts";
import { findBuiltIn } from "../src/scenarios.ts";
import { explainMatching, moveApplicant } from "../src/theater/breakIt.ts";
import { whyNotPanel } from "../src/theater/panels.ts";

const market = (key: string) => compileMarket(findBuiltIn(key)!.scenario);

describe("whyNotPanel (core's explainApplicant)", () => {
  it("should give only 'did not rank you' or 'filled' reasons in a stable matching", () => {
    fc.assert(
      fc.property(simpleScenario(), fc.constantFrom("applicant" as const, "program" as const), (scenario, side) => {
        const m = compileMarket(scenario);
        const { matchOf } = solve(m, { side });
        for (let a = 0; a < m.nA; a++) {
          for (const li of whyNotPanel(document, m, matchOf, a).querySelectorAll(".reasons li")) {
            expect(li.className).toMatch(/^(notRanked|filled|noPositions)$/);
          }
        }
      }),
    );
  });

  it("whyNotPanel(Run-A-Match, Davis) explains both programs above General, with her choice numbers and City's holders", () => {
    // Davis ranks Mercy, City, General and matches General. Mercy's list is Chen, Ford: no Davis. City holds
    // Eastman (#1) and Anderson (#2) in its 2 positions and ranks Davis #4.
    const m = market("run-a-match");
    const { matchOf } = solve(m);
    const davis = m.applicantIds.indexOf("Davis");
    const panel = whyNotPanel(document, m, matchOf, davis);
    expect(panel.querySelector("h3")!.textContent).toBe("Why not there? — Davis");
    expect([...panel.querySelectorAll(".reasons li")].map((li) => li.textContent)).toEqual([
      "Your 1st choice: Mercy did not rank you.",
      "Your 2nd choice: City filled its 2 positions with applicants it ranked 1st and 2nd; it ranked you 4th (Eastman, Anderson).",
    ]);
  });

  it("whyNotPanel(APPIC, Y unmatched by hand) says that B would take her", () => {
    // Y ranks B then A; with Y unmatched, B (which ranked her 2nd) is empty, so the matching is not stable there.
    const m = market("appic-2x2");
    const moved = moveApplicant(solve(m).matchOf, 0, -1);
    const lines = [...whyNotPanel(document, m, moved, 0).querySelectorAll(".reasons li")].map((li) => li.textContent);
    expect(lines[0]).toBe("Your 1st choice: B ranked you 2nd and would take you: this matching is not stable.");
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
