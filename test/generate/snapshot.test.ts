import { generateMarket, placeApplicant, planPlacement, toScenario, type GenerateMarketOptions } from "@matchlab/core";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";

// Frozen generator output (STYLE §6): a change to the random stream or the model shows up here as a diff to
// review. Regenerate deliberately with `npx vitest run test/generate/snapshot.test.ts -u`.
// gen2 (2026-11-24): programs now carry their track when it is not categorical ("Other PGY-1" is preliminary), so
// the NRMP snapshots gained `"track": "preliminary"` lines and nothing else (markets without supplemental lists or
// reversions draw exactly as before); the new case freezes supplemental lists and reversions.
const cases: Array<[string, GenerateMarketOptions]> = [
  ["nrmp-2025", { preset: "nrmp-2025", applicants: 40 }],
  ["nrmp-2024", { preset: "nrmp-2024", applicants: 40 }],
  ["nrmp-2025-couples", { preset: "nrmp-2025", applicants: 20, couplesShare: 0.2 }],
  ["nrmp-2025-supplemental", { preset: "nrmp-2025", applicants: 150, couplesShare: 0.1, supplementalShare: 0.2, reversionShare: 0.3 }],
  ["uniform", { preset: "uniform", applicants: 8, listLength: 3 }],
  ["correlated", { preset: "correlated", applicants: 8, programs: 5, quota: 2, listLength: 3, correlation: 0.5 }],
];

describe("generateMarket(options, seedrandom('42'))", () => {
  it.each(cases)("%s should stay frozen", async (name, options) => {
    const scenario = toScenario(generateMarket(options, seedrandom("42")));
    await expect(JSON.stringify(scenario, null, 1) + "\n").toMatchFileSnapshot(`./__snapshots__/${name}-seed42.json`);
  });
});

describe("placeApplicant(planPlacement(options, seedrandom('42')), seedrandom('42'))", () => {
  // gen3 (2026-11-25): frozen when placeApplicant and generateNrmpMarket began sharing assembleNrmpMarket; the
  // file was written by the code before that change.
  it("should stay frozen", async () => {
    const plan = planPlacement({ applicants: 40, profile: { type: "us-img", step2ck: 240, specialties: ["Internal Medicine"] } }, seedrandom("42"));
    const scenario = toScenario(placeApplicant(plan, seedrandom("42")));
    await expect(JSON.stringify(scenario, null, 1) + "\n").toMatchFileSnapshot("./__snapshots__/placed-us-img-seed42.json");
  });
});
