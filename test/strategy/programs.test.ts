import { compareProposingSides, compareRosters, compileMarket, searchProgramManipulations, truncationBound, type Scenario } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";
import { assignmentOf } from "../support/run.ts";

/** APPIC 2×2 (ALGORITHM.md §14.2): two stable matchings; applicant-proposing gives each applicant her first choice. */
const appic: Scenario = {
  programs: [
    { id: "A", quota: 1, rol: ["Y", "Z"] },
    { id: "B", quota: 1, rol: ["Z", "Y"] },
  ],
  applicants: [
    { id: "Y", rol: ["B", "A"] },
    { id: "Z", rol: ["A", "B"] },
  ],
};

/**
 * Capacity manipulation (in the spirit of Sönmez 1997). H (2 positions) ranks R1, R3, R2; G (1 position) ranks
 * R2, R1. R1 ranks G, H; R2 ranks H, G; R3 ranks only H. Truthful: R1 holds G, R2 and R3 fill H, so H gets its 2nd
 * and 3rd choices. Declaring 1 position: R3 bumps R2 at H, R2 bumps R1 at G, R1 bumps R3 at H, so H gets its 1st.
 */
const sonmez: Scenario = {
  programs: [
    { id: "H", quota: 2, rol: ["R1", "R3", "R2"] },
    { id: "G", quota: 1, rol: ["R2", "R1"] },
  ],
  applicants: [
    { id: "R1", rol: ["G", "H"] },
    { id: "R2", rol: ["H", "G"] },
    { id: "R3", rol: ["H"] },
  ],
};

describe("searchProgramManipulations", () => {
  it("should find a program gaining by truncation under applicant-proposing (APPIC 2×2)", () => {
    // Truthful: A gets Z (its 2nd). Ranking only Y: Z is turned away by A, bumps Y at B, and Y comes to A (its 1st).
    const found = searchProgramManipulations(compileMarket(appic));
    expect(found).toContainEqual({ program: 0, kind: "truncation", declared: 1, before: [1], after: [0], gain: "dominates" });
    // The same truncation checked by a full rerun on ids.
    const truncated = { ...appic, programs: appic.programs.map((p) => (p.id === "A" ? { ...p, rol: ["Y"] } : p)) };
    expect(assignmentOf(truncated).get("Y")).toBe("A");
  });

  it("should find a program gaining by declaring fewer positions under applicant-proposing", () => {
    const found = searchProgramManipulations(compileMarket(sonmez), { programs: [0] });
    expect(found).toContainEqual({ program: 0, kind: "capacity", declared: 1, before: [1, 2], after: [0], gain: "lexicographic" });
    const oneSeat = { ...sonmez, programs: sonmez.programs.map((p) => (p.id === "H" ? { ...p, quota: 1 } : p)) };
    expect(assignmentOf(oneSeat).get("R1")).toBe("H");
  });

  it("should find no program gaining under program-proposing when every program has one position", () => {
    // With one position each, programs are the proposers of a one-to-one DA, which is strategy-proof for them.
    fc.assert(
      fc.property(simpleScenario({ applicants: { min: 1, max: 6 }, programs: { min: 1, max: 4 }, maxQuota: 1 }), (scenario) => {
        const found = searchProgramManipulations(compileMarket(scenario), { side: "program" });
        expect(found.filter((m) => m.kind === "truncation")).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("compareRosters", () => {
  it("compareRosters tells domination from a lexicographic gain", () => {
    expect(compareRosters([1, 2], [0, 2])).toBe("dominates");
    expect(compareRosters([1, 2], [0])).toBe("lexicographic");
    expect(compareRosters([0, 3], [0, 1, 2])).toBe("dominates");
    expect(compareRosters([0, 1], [0])).toBe("worse");
    expect(compareRosters([2], [2])).toBe("same");
  });
});

describe("truncationBound", () => {
  it("should count the APPIC program that gains by truncating, and no applicant, under applicant-proposing", () => {
    // Applicants hold their 1st choices, so none truncates. Both programs get their 2nd choice. A goes first: ranking
    // only Y gets it Y, which also hands B its 1st choice Z; B, now at its top, has nothing left to truncate.
    const bound = truncationBound(compileMarket(appic));
    expect(bound.applicants).toEqual([]);
    expect(bound.programs).toEqual([0]);
  });

  it("should count the applicant who gains by truncating under program-proposing (APPIC 2×2)", () => {
    // The mirror image: Y drops A (her match, 2nd choice) and gets B; Z is then at her 1st choice.
    const bound = truncationBound(compileMarket(appic), { side: "program" });
    expect(bound.applicants).toEqual([0]);
    expect(bound.programs).toEqual([]);
  });

  it("should find no applicant who gains by truncating under applicant-proposing (strategy-proofness)", () => {
    fc.assert(
      fc.property(simpleScenario({ applicants: { min: 1, max: 8 }, programs: { min: 1, max: 5 } }), (scenario) => {
        expect(truncationBound(compileMarket(scenario)).applicants).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("should count, under program-proposing in one-to-one markets, only applicants with a better stable partner", () => {
    // Truncation theory (ALGORITHM.md §11): she gains only if some stable matching gives her more than
    // program-proposing does, i.e. only if applicant-proposing does.
    fc.assert(
      fc.property(simpleScenario({ applicants: { min: 1, max: 8 }, programs: { min: 1, max: 6 }, maxQuota: 1 }), (scenario) => {
        const market = compileMarket(scenario);
        const differing = new Set(compareProposingSides(market).applicants.map((d) => d.applicant));
        for (const a of truncationBound(market, { side: "program" }).applicants) expect(differing.has(a)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("compareProposingSides", () => {
  it("should report both APPIC applicants and programs as matched differently", () => {
    const diff = compareProposingSides(compileMarket(appic));
    expect(diff.applicants).toEqual([
      { applicant: 0, applicantProposing: 1, programProposing: 0 },
      { applicant: 1, applicantProposing: 0, programProposing: 1 },
    ]);
    expect(diff.programs).toEqual([0, 1]);
  });

  it("should report no difference when the stable matching is unique (Run A Match)", () => {
    const runAMatch: Scenario = {
      programs: [
        { id: "Mercy", quota: 2, rol: ["Chen", "Ford"] },
        { id: "City", quota: 2, rol: ["Eastman", "Anderson", "Chen", "Davis", "Ford"] },
        { id: "General", quota: 2, rol: ["Eastman", "Anderson", "Ford", "Davis"] },
      ],
      applicants: [
        { id: "Anderson", rol: ["City"] },
        { id: "Chen", rol: ["City", "Mercy"] },
        { id: "Ford", rol: ["City", "General", "Mercy"] },
        { id: "Davis", rol: ["Mercy", "City", "General"] },
        { id: "Eastman", rol: ["City", "Mercy", "General"] },
      ],
    };
    expect(compareProposingSides(compileMarket(runAMatch))).toEqual({ applicants: [], programs: [] });
  });
});
