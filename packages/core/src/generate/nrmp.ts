import { generateApplicants } from "./applicants.ts";
import { formCouples } from "./couples.ts";
import { sequentialIds, type GeneratedMarket } from "./generatedMarket.ts";
import { generateInterviews } from "./interviews.ts";
import { invertLists, rankInterviews } from "./preferences.ts";
import type { MarketPreset } from "./presets.ts";
import { generatePrograms } from "./programs.ts";
import type { Rng } from "./random.ts";
import { scalePreset } from "./scale.ts";

/**
 * An NRMP-style market from a preset: applicants with attributes, programs with exact published counts, an
 * interview graph, and both sides' lists of mutual interviewees. `listScale` multiplies every type's interview
 * count (1 = calibrated); `couplesShare` of the applicants are then paired into couples (see formCouples).
 * Stages draw from the one rng in a fixed order, so a seed fixes the whole market.
 */
export function generateNrmpMarket(preset: MarketPreset, applicantCount: number, listScale: number, couplesShare: number, rng: Rng): GeneratedMarket {
  const scaled = scalePreset(preset, applicantCount);
  const programs = generatePrograms(preset, scaled.specialtyPrograms, scaled.specialtyPositions, rng);
  const applicants = generateApplicants(preset, scaled.typeCounts, scaled.specialtyPositions, rng);
  const nA = applicantCount;
  const nP = programs.ids.length;
  const interviews = generateInterviews(applicants, programs, listScale, rng);
  let { appStart, appRol } = interviews;
  const { progStart, progRol } = invertLists(nA, nP, appStart, appRol);
  rankInterviews(applicants, programs, appStart, appRol, progStart, progRol, rng);
  // Couples last, so a share of 0 leaves the random stream (and every market generated before) unchanged.
  const paired = couplesShare > 0 ? formCouples(couplesShare, appStart, appRol, programs.columns.region, rng) : undefined;
  if (paired !== undefined) ({ appStart, appRol } = paired);
  const full = applicantCount === preset.applicantTypes.reduce((sum, t) => sum + t.active, 0);
  return {
    name: `${preset.id}${full ? "" : ` (${applicantCount.toLocaleString("en-US")} applicants)`}`,
    description:
      `Synthetic ${preset.year} NRMP Main Match (PGY-1, ${paired === undefined ? "singles" : "with couples"}), calibrated to the published figures` +
      (full ? "" : `, scaled to ${applicantCount} applicants`),
    nA,
    nP,
    applicantIds: sequentialIds("a", nA),
    programIds: programs.ids,
    appStart,
    appRol,
    progStart,
    progRol,
    quota: programs.quota,
    specialties: preset.specialties.map((row) => row.name),
    applicants: applicants.columns,
    programs: programs.columns,
    ...(paired === undefined ? {} : { couples: paired.couples }),
  };
}
