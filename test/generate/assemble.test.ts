import { NRMP_2025, toScenario } from "@matchlab/core";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { generateApplicants } from "../../packages/core/src/generate/applicants.ts";
import { assembleNrmpMarket, type NrmpMarketParts } from "../../packages/core/src/generate/assemble.ts";
import { sequentialIds } from "../../packages/core/src/generate/generatedMarket.ts";
import { generateInterviews } from "../../packages/core/src/generate/interviews.ts";
import { invertLists } from "../../packages/core/src/generate/preferences.ts";
import { generatePrograms } from "../../packages/core/src/generate/programs.ts";
import { scalePreset } from "../../packages/core/src/generate/scale.ts";

/** The stages of a small NRMP draw (200 applicants), their lists in interview order (ranking is not needed here). */
function stages(): NrmpMarketParts {
  const rng = seedrandom("assemble");
  const preset = NRMP_2025;
  const scaled = scalePreset(preset, 200);
  const programs = generatePrograms(preset, scaled.specialtyPrograms, scaled.specialtyPositions, rng);
  const applicants = generateApplicants(preset, scaled.typeCounts, scaled.specialtyPositions, rng);
  const nA = applicants.strength.length;
  const { appStart, appRol } = generateInterviews(applicants, programs, 1, rng);
  const { progStart, progRol } = invertLists(nA, programs.ids.length, appStart, appRol);
  return { name: "small", description: "a small draw", preset, applicantIds: sequentialIds("a", nA), applicants, programs, appStart, appRol, progStart, progRol };
}

describe("assembleNrmpMarket", () => {
  it("assembleNrmpMarket(parts) shares the stages' arrays instead of copying them", () => {
    const parts = stages();
    const m = assembleNrmpMarket(parts);
    expect(m.applicantIds).toBe(parts.applicantIds);
    expect(m.programIds).toBe(parts.programs.ids);
    for (const key of ["appStart", "appRol", "progStart", "progRol"] as const) expect(m[key]).toBe(parts[key]);
    expect(m.quota).toBe(parts.programs.quota);
    expect(m.applicants).toBe(parts.applicants.columns);
    expect(m.programs).toBe(parts.programs.columns);
  });

  it("should size the market from the ids and name the specialty columns after the preset", () => {
    const parts = stages();
    const m = assembleNrmpMarket(parts);
    expect([m.nA, m.nP]).toEqual([parts.applicants.strength.length, parts.programs.ids.length]);
    expect(m.appStart.length).toBe(m.nA + 1);
    expect(m.progStart.length).toBe(m.nP + 1);
    expect(m.specialties).toEqual(NRMP_2025.specialties.map((row) => row.name));
    // The market is whole: it converts to a scenario naming every program's specialty.
    const scenario = toScenario(m);
    expect(scenario.applicants.length).toBe(m.nA);
    expect(scenario.programs.length).toBe(m.nP);
  });

  it("should leave out variations given as undefined rather than keep undefined keys", () => {
    const singles = assembleNrmpMarket({ ...stages(), couples: undefined, supplemental: undefined, revertsTo: undefined });
    for (const key of ["couples", "supplemental", "revertsTo"]) expect(Object.hasOwn(singles, key)).toBe(false);
    const revertsTo = new Int32Array(singles.nP).fill(-1);
    const couples = { members: new Uint32Array(0), start: new Uint32Array(1), rol: new Int32Array(0) };
    const varied = assembleNrmpMarket({ ...stages(), couples, revertsTo });
    expect(varied.couples).toBe(couples);
    expect(varied.revertsTo).toBe(revertsTo);
    expect(Object.hasOwn(varied, "supplemental")).toBe(false);
  });
});
