import { APPLICANT_TYPES, NONE } from "./generate/generatedMarket.ts";
import { NRMP_2025, PUBLISHED_2025, withAdvancedTrack, type MarketPreset } from "./generate/presets.ts";
import type { CompiledMarket } from "./market.ts";
import type { Matching } from "./matching.ts";

/** What the calibration report reads besides the market and its matching: attributes by index. */
export interface CalibrationInput {
  market: CompiledMarket;
  matching: Matching;
  /** Per applicant, an index into APPLICANT_TYPES, or 255 (NONE) when unknown. */
  applicantType: ArrayLike<number>;
  /** Per program, an index into `specialties`, or 255 (NONE) when unknown. */
  programSpecialty: ArrayLike<number>;
  specialties: readonly string[];
  /**
   * Full-rules runs: per applicant, the PGY-1 program she holds from a supplemental list, -1 for none
   * (`FullMatching.supplementalOf`). Those positions count as filled; she counts as matched once (her primary
   * match, `matching.matchOf`). Fill rates use the positions offered, before any reversion.
   */
  supplementalOf?: ArrayLike<number>;
}

export interface CalibrationRow {
  section: "match rate by applicant type" | "fill rate" | "IMG share" | "first choice" | "list length" | "unfilled positions";
  label: string;
  unit: "%" | "ranks" | "positions";
  simulated: number | null;
  /** The published figure, or null when none is published; counts are scaled to the market's size. */
  published: number | null;
  /** simulated − published (percentage points for rates), or null. */
  difference: number | null;
}

export interface CalibrationOptions {
  /**
   * The published figures to compare with.
   * @defaultValue the 2025 Main Match
   */
  preset?: MarketPreset;
}

const pct = (part: number, whole: number): number | null => (whole === 0 ? null : (100 * part) / whole);
const row = (section: CalibrationRow["section"], label: string, unit: CalibrationRow["unit"], simulated: number | null, published: number | null): CalibrationRow => ({
  section, label, unit, simulated, published,
  difference: simulated === null || published === null ? null : simulated - published,
});

/**
 * Compares a matched market with the published NRMP figures: match rate by applicant type, fill rate overall and
 * by specialty, IMG share of filled positions, share matched to their first choice, mean list length of matched
 * and unmatched applicants, and unfilled positions (the SOAP pool; published count scaled to the market size).
 * O(nA + nP).
 */
export function calibrationReport(input: CalibrationInput, options: CalibrationOptions = {}): CalibrationRow[] {
  const preset = options.preset ?? NRMP_2025;
  const { market, matching, applicantType, programSpecialty, specialties } = input;
  const { nA, nP, appStart, quota } = market;
  const { matchOf, matchEntry } = matching;
  const nT = APPLICANT_TYPES.length;
  const typeCount = new Float64Array(nT);
  const typeMatched = new Float64Array(nT);
  const filledBy = new Float64Array(nP);
  let matched = 0;
  let firstChoice = 0;
  let imgMatched = 0;
  let listMatched = 0;
  let listUnmatched = 0;
  let supplementalFilled = 0;
  const { supplementalOf } = input;
  for (let a = 0; a < nA; a++) {
    const s = supplementalOf?.[a] ?? -1;
    if (s >= 0) {
      supplementalFilled++;
      filledBy[s]!++;
    }
    const t = applicantType[a]!;
    const length = appStart[a + 1]! - appStart[a]!;
    if (t !== NONE) typeCount[t]!++;
    const p = matchOf[a]!;
    if (p < 0) {
      listUnmatched += length;
      continue;
    }
    matched++;
    listMatched += length;
    filledBy[p]!++;
    if (matchEntry[a] === appStart[a]) firstChoice++;
    if (t !== NONE) {
      typeMatched[t]!++;
      const type = APPLICANT_TYPES[t];
      if (type === "us-img" || type === "non-us-img") imgMatched++;
    }
  }
  let positions = 0;
  for (let p = 0; p < nP; p++) positions += quota[p]!;

  const rows: CalibrationRow[] = [];
  APPLICANT_TYPES.forEach((type, t) => {
    if (typeCount[t] === 0) return;
    const figures = preset.applicantTypes.find((f) => f.type === type);
    rows.push(row("match rate by applicant type", type, "%", pct(typeMatched[t]!, typeCount[t]!), figures?.matchRatePct ?? null));
  });
  rows.push(row("match rate by applicant type", "all applicants", "%", pct(matched, nA), PUBLISHED_2025.matchRatePct));

  const filled = matched + supplementalFilled;
  // The published target is the PGY-1 fill rate: with an advanced (PGY-2) row, measure PGY-1 positions only.
  const advancedRows = withAdvancedTrack(preset).specialties.filter((f) => f.track === "advanced").map((f) => specialties.indexOf(f.name));
  let pgy2Positions = 0;
  let pgy2Filled = 0;
  for (let p = 0; p < nP; p++) {
    if (!advancedRows.includes(programSpecialty[p]!)) continue;
    pgy2Positions += quota[p]!;
    pgy2Filled += filledBy[p]!;
  }
  rows.push(row("fill rate", pgy2Positions === 0 ? "all positions" : "all PGY-1 positions", "%", pct(filled - pgy2Filled, positions - pgy2Positions), PUBLISHED_2025.pgy1FillPct));
  const spPositions = new Float64Array(specialties.length);
  const spFilled = new Float64Array(specialties.length);
  for (let p = 0; p < nP; p++) {
    const sp = programSpecialty[p]!;
    if (sp === NONE || sp >= specialties.length) continue;
    spPositions[sp]! += quota[p]!;
    spFilled[sp]! += filledBy[p]!;
  }
  specialties.forEach((name, sp) => {
    if (spPositions[sp] === 0) return;
    // The advanced row's figures (PGY-2 fill) come from the preset with its advanced track.
    const figures = withAdvancedTrack(preset).specialties.find((f) => f.name === name);
    rows.push(row("fill rate", name, "%", pct(spFilled[sp]!, spPositions[sp]!), figures?.fillPct ?? null));
  });

  rows.push(row("IMG share", "IMG share of filled positions", "%", pct(imgMatched, matched), PUBLISHED_2025.imgSharePct));
  rows.push(row("first choice", "matched to their first choice", "%", pct(firstChoice, matched), null));
  rows.push(row("list length", "mean list length, matched", "ranks", matched === 0 ? null : listMatched / matched, PUBLISHED_2025.matchedMeanListLength));
  rows.push(row("list length", "mean list length, unmatched", "ranks", nA === matched ? null : listUnmatched / (nA - matched), null));
  const scale = nA / PUBLISHED_2025.activeApplicants;
  rows.push(row("unfilled positions", "unfilled positions (SOAP pool)", "positions", positions - filled, Math.round(PUBLISHED_2025.soapPositions * scale)));
  return rows;
}
