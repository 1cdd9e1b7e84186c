import { ADVANCED_TARGET_WEIGHT, chooseAdvancedApplicants } from "./advanced.ts";
import { generateApplicants } from "./applicants.ts";
import { assembleNrmpMarket } from "./assemble.ts";
import { formCouples } from "./couples.ts";
import { sequentialIds, type GeneratedMarket } from "./generatedMarket.ts";
import { generateInterviews } from "./interviews.ts";
import { invertLists, rankInterviews } from "./preferences.ts";
import { withAdvancedTrack, type MarketPreset } from "./presets.ts";
import { generatePrograms } from "./programs.ts";
import type { Rng } from "./random.ts";
import { generateReversions } from "./reversionLinks.ts";
import { scalePreset } from "./scale.ts";
import { buildSupplementalLists, splitInterviews, type GeneratedSupplemental } from "./supplemental.ts";

/** The Match's variations in an NRMP market, each a share in [0, 1); 0 leaves the variation out. */
export interface NrmpVariations {
  couplesShare: number;
  supplementalShare: number;
  reversionShare: number;
}

/**
 * An NRMP-style market from a preset: applicants with attributes, programs with exact published counts, an
 * interview graph, and both sides' lists of mutual interviewees. `listScale` multiplies every type's interview
 * count (1 = calibrated). With `supplementalShare > 0` the advanced (PGY-2) positions join the market and that
 * share of applicants rank advanced programs with supplemental lists of preliminary programs; `couplesShare` of
 * the other applicants are then paired into couples (see formCouples); `reversionShare` of the programs get a
 * reversion target. Stages draw from the one rng in a fixed order, and a variation at 0 draws nothing, so a seed
 * fixes the whole market and markets without a variation are the ones generated before it existed.
 */
export function generateNrmpMarket(base: MarketPreset, applicantCount: number, listScale: number, variations: NrmpVariations, rng: Rng): GeneratedMarket {
  const { couplesShare, supplementalShare, reversionShare } = variations;
  const preset = supplementalShare > 0 ? withAdvancedTrack(base) : base;
  const scaled = scalePreset(preset, applicantCount);
  const programs = generatePrograms(preset, scaled.specialtyPrograms, scaled.specialtyPositions, rng);
  const applicants = generateApplicants(preset, scaled.typeCounts, scaled.specialtyPositions, rng);
  const nA = applicantCount;
  const nP = programs.ids.length;
  const code = (c: string): number => preset.specialties.findIndex((row) => row.code === c);
  const targetWeight = Float64Array.from(preset.specialties, (row) => ADVANCED_TARGET_WEIGHT[row.code] ?? 0);
  const extra = supplementalShare > 0 ? chooseAdvancedApplicants(applicants, supplementalShare, listScale, targetWeight, code("ADV"), code("OTH"), rng) : undefined;
  const interviews = generateInterviews(applicants, programs, listScale, rng, extra);
  // Programs rank everyone they interviewed, supplemental interviews included.
  const { progStart, progRol } = invertLists(nA, nP, interviews.appStart, interviews.appRol);
  let { appStart, appRol } = interviews;
  let supplemental: GeneratedSupplemental | undefined;
  let split: ReturnType<typeof splitInterviews> | undefined;
  if (interviews.primaryCount !== undefined) {
    split = splitInterviews(appStart, appRol, interviews.primaryCount);
    ({ appStart, appRol } = split);
  }
  rankInterviews(applicants, programs, appStart, appRol, progStart, progRol, rng);
  if (split !== undefined) {
    const pc = programs.columns;
    supplemental = buildSupplementalLists(appStart, appRol, split.suppStart, split.suppRol, pc.track, pc.region, programs.quality, applicants.columns.region, rng);
  }
  // Couples after supplemental lists, among applicants without them (a simplification: the NRMP allows both).
  const single = extra === undefined ? undefined : Uint8Array.from(extra.advanced, (k) => (k > 0 ? 0 : 1));
  const paired = couplesShare > 0 ? formCouples(couplesShare, appStart, appRol, programs.columns.region, rng, single) : undefined;
  if (paired !== undefined) ({ appStart, appRol } = paired);
  // Reversions last: preliminary programs revert to Internal Medicine, every other program within its specialty.
  const revertsTo =
    reversionShare > 0 ? generateReversions(reversionShare, programs.columns, preset.specialties.map((row, s) => (row.code === "OTH" ? code("IM") : s)), rng) : undefined;
  const full = applicantCount === base.applicantTypes.reduce((sum, t) => sum + t.active, 0);
  const parts = [supplemental === undefined ? "PGY-1" : "PGY-1 and PGY-2, supplemental lists", paired === undefined ? "singles" : "with couples"];
  if (revertsTo !== undefined) parts.push("reversions");
  return assembleNrmpMarket({
    name: `${base.id}${full ? "" : ` (${applicantCount.toLocaleString("en-US")} applicants)`}`,
    description:
      `Synthetic ${base.year} NRMP Main Match (${parts.join(", ")}), calibrated to the published figures` + (full ? "" : `, scaled to ${applicantCount} applicants`),
    preset,
    applicantIds: sequentialIds("a", nA),
    applicants,
    programs,
    appStart,
    appRol,
    progStart,
    progRol,
    couples: paired?.couples,
    supplemental,
    revertsTo,
  });
}
