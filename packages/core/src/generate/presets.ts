import type { ApplicantType } from "../schema.ts";
import type { Track } from "./generatedMarket.ts";

/**
 * Published NRMP Main Match figures the NRMP presets are built from. Source: /shared/reference/NRMP-DATA.md and
 * nrmp-data.json (confidence tags there). `claimed` marks the figures a preset reproduces exactly at full scale;
 * the tests check every claimed figure. Unclaimed figures are estimates the model needs (documented inline).
 */

export interface ApplicantTypeFigures {
  type: ApplicantType;
  /** Active applicants (certified a rank order list). */
  active: number;
  /** PGY-1 match rate in percent, the calibration target. */
  matchRatePct: number;
}

export interface SpecialtyFigures {
  name: string;
  /** Short code used in program ids (`IM-0001`). */
  code: string;
  track: Track;
  programs: number;
  positions: number;
  /** True when `programs` is a published count (false: an estimate or a remainder). */
  programsClaimed: boolean;
  /** True when `positions` is a published count. */
  positionsClaimed: boolean;
  /** Published fill rate in percent, or null when not published for this year. */
  fillPct: number | null;
  /** Share of filled positions taken by IMGs (U.S. and non-U.S.), percent; estimates where not published. */
  imgSharePct: number;
  /**
   * Applicants who ranked at least one of its programs (published for 2025 where known, else an estimate): the
   * model reads applicants / positions as how oversubscribed the specialty is.
   */
  applicants: number;
}

export interface MarketPreset {
  id: "nrmp-2025" | "nrmp-2024";
  year: number;
  /** Certified programs (program tracks), published. */
  programs: number;
  /** Positions offered, published: PGY-1 only, or PGY-1 + PGY-2 once `withAdvancedTrack` added the advanced row. */
  positions: number;
  /** PGY-2 (advanced) positions: in the market only with supplemental lists (`withAdvancedTrack`). */
  advancedPositions: number;
  /** True when the per-type applicant counts are published (2025), false when estimated (2024). */
  typeCountsClaimed: boolean;
  applicantTypes: ApplicantTypeFigures[];
  specialties: SpecialtyFigures[];
}

const s = (name: string, code: string, programs: number, positions: number, fillPct: number | null, imgSharePct: number, applicants: number, claimed = true): SpecialtyFigures => ({
  name, code, track: "categorical", programs, positions, programsClaimed: claimed, positionsClaimed: claimed, fillPct, imgSharePct, applicants,
});

// 2025, NRMP-DATA.md §4 (SECONDARY, cross-checked). OB-GYN positions from ACS 2025 (1,587, 1 unfilled); its program
// count is an estimate. "Other PGY-1" is the remainder of the published totals: preliminary and transitional
// years, IM primary, diagnostic radiology PGY-1 and the specialties not tabulated; its fill rate is DERIVED from the
// published 37,667 matched and its IMG share from the 9,761 IMGs matched. Applicants per specialty: [SIGNALING];
// OB-GYN's and Other's are estimates (about 1.6 and 1 applicants per position).
const specialties2025: SpecialtyFigures[] = [
  s("Internal Medicine", "IM", 758, 10941, 96.7, 43.2, 17131),
  s("Family Medicine", "FM", 817, 5357, 85.0, 26.7, 7337),
  s("Pediatrics", "PEDS", 250, 3135, 95.3, 26.8, 3998),
  s("Emergency Medicine", "EM", 292, 3068, 97.9, 14.6, 3753),
  s("Psychiatry", "PSY", 404, 2388, 99.7, 14.4, 3278),
  s("Anesthesiology", "ANES", 189, 1805, 99.9, 7.3, 3017),
  s("Surgery", "SURG", 377, 1778, 99.8, 12.0, 3305),
  s("Neurology", "NEUR", 159, 932, 99.2, 28.8, 1776),
  s("Orthopaedic Surgery", "ORTH", 216, 929, 100.0, 2.4, 1590),
  s("Pathology", "PATH", 175, 622, 99.5, 36.2, 1018),
  s("Dermatology", "DERM", 14, 30, null, 2.0, 299),
  { ...s("Obstetrics and Gynecology", "OBGYN", 290, 1587, 99.9, 6.0, 2500), programsClaimed: false },
  { ...s("Other PGY-1", "OTH", 2685, 7469, null, 22.0, 7469, false), track: "preliminary" },
];

const types2025: ApplicantTypeFigures[] = [
  { type: "us-md", active: 20368, matchRatePct: 93.5 },
  { type: "us-do", active: 8392, matchRatePct: 92.6 },
  { type: "us-img", active: 4587, matchRatePct: 67.8 },
  { type: "non-us-img", active: 11465, matchRatePct: 58.0 },
  // DERIVED as the remainder of the published totals (47,208 active, 37,667 matched).
  { type: "other", active: 2396, matchRatePct: 45.5 },
];

export const NRMP_2025: MarketPreset = {
  id: "nrmp-2025",
  year: 2025,
  programs: 6626,
  positions: 40041,
  advancedPositions: 43237 - 40041,
  typeCountsClaimed: true,
  applicantTypes: types2025,
  specialties: specialties2025,
};

/**
 * Replaces positions (and the published fill rate) of the named 2025 rows with 2024 figures. `positionsPublished`
 * false keeps the 2025 positions as a stand-in (only the IMG share is a 2024 figure), so they are not claimed.
 */
function with2024(
  rows: SpecialtyFigures[],
  updates: Record<string, [positions: number, fillPct: number | null, imgSharePct?: number, positionsPublished?: boolean]>,
): SpecialtyFigures[] {
  return rows.map((row) => {
    const update = updates[row.code];
    if (update === undefined) return { ...row, programsClaimed: false, positionsClaimed: false, fillPct: null };
    const [positions, fillPct, imgSharePct, positionsPublished = true] = update;
    return { ...row, programsClaimed: false, positionsClaimed: positionsPublished, positions, fillPct, imgSharePct: imgSharePct ?? row.imgSharePct };
  });
}

// 2024, NRMP-DATA.md §5 (SECONDARY; IM, Pediatrics and EM positions DERIVED from unfilled counts). Program counts
// per specialty are not published for 2024, so the 2025 counts stand in; "Other PGY-1" takes the remainders.
const specialties2024base = with2024(specialties2025, {
  IM: [10290, 95.2, 43.0],
  FM: [5231, 87.8, 31.8],
  PEDS: [3060, 91.8],
  EM: [3000, 95.5, 15.0],
  SURG: [1717, 99.7],
  ORTH: [916, 99.9],
  OBGYN: [1539, 99.6],
  PATH: [622, null, 37.4, false],
  NEUR: [932, null, 29.5, false],
});
const other2024 = specialties2024base.find((row) => row.code === "OTH")!;
const rest = specialties2024base.filter((row) => row !== other2024);
other2024.positions = 38494 - rest.reduce((sum, row) => sum + row.positions, 0);
other2024.programs = 6395 - rest.reduce((sum, row) => sum + row.programs, 0);

export const NRMP_2024: MarketPreset = {
  id: "nrmp-2024",
  year: 2024,
  programs: 6395,
  positions: 38494,
  advancedPositions: 41503 - 38494,
  typeCountsClaimed: false,
  // Counts UNCONFIRMED (back-calculated in NRMP-DATA.md §2); "other" is the remainder of 44,853 active.
  applicantTypes: [
    { type: "us-md", active: 19755, matchRatePct: 93.5 },
    { type: "us-do", active: 8030, matchRatePct: 92.3 },
    { type: "us-img", active: 4750, matchRatePct: 67.0 },
    { type: "non-us-img", active: 10020, matchRatePct: 58.5 },
    { type: "other", active: 44853 - 42555, matchRatePct: 46.0 },
  ],
  specialties: [...rest, other2024],
};

export const NRMP_PRESETS = { "nrmp-2025": NRMP_2025, "nrmp-2024": NRMP_2024 } as const;

/**
 * Advanced (PGY-2) programs, an estimate: Anesthesiology 52 and Dermatology 148 advanced programs follow from
 * NRMP-DATA.md §4 (PGY-1 + PGY-2 minus PGY-1 counts); Diagnostic Radiology, PM&R, Radiation Oncology, Neurology
 * and the rest are assumed at about five positions per program, which gives 640 in all.
 */
export const ADVANCED_PROGRAMS = 640;
/** Published fill of all positions less PGY-1 (DERIVED: (40,764 − 37,667) / 3,196 = 96.9 % in 2025). */
const ADVANCED_FILL_PCT = 96.9;

/**
 * The preset with its advanced (PGY-2) positions as one more specialty row, "Advanced (PGY-2)" (track advanced):
 * positions are the published PGY-1 + PGY-2 total less PGY-1 (3,196 in 2025), so positions then equal the
 * published 43,237 at full scale. Its programs are taken out of the "Other PGY-1" remainder (an estimate in any
 * case), so the certified program total stays exact. Nobody targets the row through the specialty draw: the
 * applicants with supplemental lists are chosen apart (see chooseAdvancedApplicants).
 */
export function withAdvancedTrack(preset: MarketPreset): MarketPreset {
  const specialties = preset.specialties.map((row) => (row.code === "OTH" ? { ...row, programs: row.programs - ADVANCED_PROGRAMS } : row));
  specialties.push({
    name: "Advanced (PGY-2)", code: "ADV", track: "advanced", programs: ADVANCED_PROGRAMS, positions: preset.advancedPositions,
    programsClaimed: false, positionsClaimed: false, fillPct: preset.id === "nrmp-2025" ? ADVANCED_FILL_PCT : null,
    // IMG share and demand of advanced specialties: estimates (dermatology and radiology draw mostly U.S. seniors).
    imgSharePct: 10, applicants: preset.advancedPositions,
  });
  return { ...preset, positions: preset.positions + preset.advancedPositions, specialties };
}

/** Published 2025 headline figures the calibration report compares against (NRMP-DATA.md §1–§3, §6). */
export const PUBLISHED_2025 = {
  activeApplicants: 47208,
  pgy1Positions: 40041,
  pgy1Matched: 37667,
  /** PGY-1 fill rate, percent (37,667 / 40,041). */
  pgy1FillPct: 94.1,
  /** Overall match rate of active applicants, percent. */
  matchRatePct: 79.8,
  /** IMG share of matched PGY-1 applicants, percent (DERIVED: 9,761 / 37,667). */
  imgSharePct: 25.9,
  /** Positions offered in SOAP. */
  soapPositions: 2521,
  /** Mean ROL length of matched applicants (2021, the latest published; SECONDARY). */
  matchedMeanListLength: 12.35,
} as const;
