import { APPLICANT_TYPES, NONE, calibrationReport, compileGenerated, compileMarket, deferredAcceptance, generateMarket, type CalibrationRow, type Scenario } from "@matchlab/core";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";

const find = (rows: CalibrationRow[], label: string): CalibrationRow => rows.find((r) => r.label === label)!;

describe("calibrationReport(input)", () => {
  it("calibrationReport reports rates on a worked example", () => {
    // Program P (1 position) and Q (1 position, Family Medicine). MD m ranks P then Q; IMG i ranks P only; P
    // prefers m, Q ranks m. DA: m holds P, i is rejected by P and is unmatched; Q stays empty.
    // So: MD 100 %, non-U.S. IMG 0 %, overall 50 %; fill 1 of 2 = 50 %; IMG share 0 %; first choice 1 of 1;
    // mean list length matched 2 (m), unmatched 1 (i); unfilled 1.
    const scenario: Scenario = {
      programs: [{ id: "P", quota: 1, rol: ["m", "i"] }, { id: "Q", quota: 1, rol: ["m"] }],
      applicants: [{ id: "m", rol: ["P", "Q"] }, { id: "i", rol: ["P"] }],
    };
    const market = compileMarket(scenario);
    const rows = calibrationReport({
      market,
      matching: deferredAcceptance(market),
      applicantType: [APPLICANT_TYPES.indexOf("us-md"), APPLICANT_TYPES.indexOf("non-us-img")],
      programSpecialty: [NONE, 0],
      specialties: ["Family Medicine"],
    });
    expect(find(rows, "us-md").simulated).toBe(100);
    expect(find(rows, "us-md").difference).toBeCloseTo(100 - 93.5, 10);
    expect(find(rows, "non-us-img").simulated).toBe(0);
    expect(find(rows, "all applicants").simulated).toBe(50);
    expect(find(rows, "all positions").simulated).toBe(50);
    expect(find(rows, "Family Medicine")).toMatchObject({ simulated: 0, published: 85 });
    expect(find(rows, "IMG share of filled positions").simulated).toBe(0);
    expect(find(rows, "matched to their first choice").simulated).toBe(100);
    expect(find(rows, "mean list length, matched").simulated).toBe(2);
    expect(find(rows, "mean list length, unmatched").simulated).toBe(1);
    expect(find(rows, "unfilled positions (SOAP pool)").simulated).toBe(1);
    expect(rows.map((r) => r.label)).not.toContain("us-do"); // no U.S. DO in this market: no row
  });
});

describe("the nrmp-2025 preset, averaged over seeds 1 … 5 (the issue's calibration targets)", () => {
  const runs = ["1", "2", "3", "4", "5"].map((seed) => {
    const generated = generateMarket({ preset: "nrmp-2025" }, seedrandom(seed));
    const market = compileGenerated(generated);
    return calibrationReport({ market, matching: deferredAcceptance(market), applicantType: generated.applicants!.type, programSpecialty: generated.programs!.specialty, specialties: generated.specialties });
  });
  const mean = (label: string): CalibrationRow => {
    const rows = runs.map((r) => find(r, label));
    const simulated = rows.reduce((s, r) => s + r.simulated!, 0) / rows.length;
    return { ...rows[0]!, simulated, difference: rows[0]!.published === null ? null : simulated - rows[0]!.published };
  };

  it.each(APPLICANT_TYPES)("should match %s applicants within ±3 points of the published rate", (type) => {
    expect(Math.abs(mean(type).difference!)).toBeLessThanOrEqual(3);
  });

  it("should fill positions within ±2 points of the published PGY-1 fill rate", () => {
    expect(Math.abs(mean("all positions").difference!)).toBeLessThanOrEqual(2);
  });

  it.each(["Internal Medicine", "Family Medicine", "Pediatrics", "Emergency Medicine", "Psychiatry", "Anesthesiology", "Surgery", "Neurology", "Orthopaedic Surgery", "Pathology"])(
    "should fill %s within ±5 points of its published fill rate",
    (specialty) => {
      expect(Math.abs(mean(specialty).difference!)).toBeLessThanOrEqual(5);
    },
  );
});
