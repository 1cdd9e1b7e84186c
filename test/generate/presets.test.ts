import { APPLICANT_TYPES, NRMP_2024, NRMP_2025, generateMarket, type GeneratedMarket, type MarketPreset } from "@matchlab/core";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";

/** Applicants per type, programs and positions per specialty, read back from a generated market. */
function tally(market: GeneratedMarket) {
  const types = new Array<number>(APPLICANT_TYPES.length).fill(0);
  for (const t of market.applicants!.type) types[t]!++;
  const programs = new Array<number>(market.specialties.length).fill(0);
  const positions = new Array<number>(market.specialties.length).fill(0);
  market.programs!.specialty.forEach((sp, p) => {
    programs[sp]!++;
    positions[sp]! += market.quota[p]!;
  });
  return { types, programs, positions, totalPositions: positions.reduce((s, x) => s + x, 0) };
}

describe.each([NRMP_2025, NRMP_2024] as MarketPreset[])("generateMarket({ preset: $id }) at full scale", (preset) => {
  const market = generateMarket({ preset: preset.id }, seedrandom("1"));
  const counts = tally(market);

  it("should have the published numbers of active applicants, programs and PGY-1 positions", () => {
    expect(market.nA).toBe(preset.applicantTypes.reduce((s, t) => s + t.active, 0));
    expect(market.nP).toBe(preset.programs);
    expect(counts.totalPositions).toBe(preset.positions);
  });

  it("should have the published applicant count of every type", () => {
    expect(counts.types).toEqual(APPLICANT_TYPES.map((type) => preset.applicantTypes.find((t) => t.type === type)!.active));
  });

  it("should have the published program and position counts of every specialty that claims them", () => {
    preset.specialties.forEach((row, sp) => {
      expect(market.specialties[sp]).toBe(row.name);
      if (row.programsClaimed) expect([row.name, counts.programs[sp]]).toEqual([row.name, row.programs]);
      if (row.positionsClaimed) expect([row.name, counts.positions[sp]]).toEqual([row.name, row.positions]);
    });
  });
});

describe("NRMP presets", () => {
  it("should match the headline totals of NRMP-DATA.md", () => {
    // 2025: 47,208 active applicants, 6,626 programs, 40,041 PGY-1 positions of 43,237 in all.
    expect([NRMP_2025.applicantTypes.reduce((s, t) => s + t.active, 0), NRMP_2025.programs, NRMP_2025.positions, NRMP_2025.positions + NRMP_2025.advancedPositions]).toEqual([47208, 6626, 40041, 43237]);
    // 2024: 44,853 active applicants, 6,395 programs, 38,494 PGY-1 positions of 41,503 in all.
    expect([NRMP_2024.applicantTypes.reduce((s, t) => s + t.active, 0), NRMP_2024.programs, NRMP_2024.positions, NRMP_2024.positions + NRMP_2024.advancedPositions]).toEqual([44853, 6395, 38494, 41503]);
  });

  it("should add up: specialty rows sum to the preset's programs and positions", () => {
    for (const preset of [NRMP_2025, NRMP_2024]) {
      expect(preset.specialties.reduce((s, row) => s + row.programs, 0)).toBe(preset.programs);
      expect(preset.specialties.reduce((s, row) => s + row.positions, 0)).toBe(preset.positions);
    }
  });

  it("generateMarket({ applicants }) should scale the counts in proportion and keep totals exact", () => {
    const market = generateMarket({ applicants: 4721 }, seedrandom("2"));
    const counts = tally(market);
    expect(market.nA).toBe(4721);
    // 4,721 / 47,208 = 0.1000…: positions round(40,041 × that) = 4,004, programs round(6,626 × that) = 663.
    expect(counts.totalPositions).toBe(4004);
    expect(market.nP).toBe(663);
    expect(counts.types).toEqual([2037, 839, 459, 1146, 240]);
  });
});
