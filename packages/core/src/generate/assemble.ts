import type { GeneratedApplicants } from "./applicants.ts";
import type { GeneratedMarket } from "./generatedMarket.ts";
import type { MarketPreset } from "./presets.ts";
import type { GeneratedPrograms } from "./programs.ts";

/** What the NRMP model's stages produce, to be gathered into one market. */
export interface NrmpMarketParts extends Pick<GeneratedMarket, "name" | "description" | "applicantIds" | "appStart" | "appRol" | "progStart" | "progRol"> {
  /** The preset the programs and applicants were drawn from (with its advanced track, if added): names the specialty columns. */
  preset: MarketPreset;
  applicants: GeneratedApplicants;
  programs: GeneratedPrograms;
  /** Only when the market has couples. */
  couples?: GeneratedMarket["couples"] | undefined;
  /** Only when the market has supplemental lists. */
  supplemental?: GeneratedMarket["supplemental"] | undefined;
  /** Only when the market has reversions. */
  revertsTo?: GeneratedMarket["revertsTo"] | undefined;
}

/**
 * The `GeneratedMarket` of an NRMP-style draw (`generateNrmpMarket`, `placeApplicant`): sizes from the ids, the
 * programs' ids, quotas and columns, the applicants' columns, the preset's specialty names. Shares every array (no
 * copy). The key order is fixed, so markets serialise the same whichever generator assembled them; a variation
 * left undefined is absent, not an undefined key.
 */
export function assembleNrmpMarket(parts: NrmpMarketParts): GeneratedMarket {
  const { preset, applicants, programs, couples, supplemental, revertsTo } = parts;
  return {
    name: parts.name,
    description: parts.description,
    nA: parts.applicantIds.length,
    nP: programs.ids.length,
    applicantIds: parts.applicantIds,
    programIds: programs.ids,
    appStart: parts.appStart,
    appRol: parts.appRol,
    progStart: parts.progStart,
    progRol: parts.progRol,
    quota: programs.quota,
    specialties: preset.specialties.map((row) => row.name),
    applicants: applicants.columns,
    programs: programs.columns,
    ...(couples === undefined ? {} : { couples }),
    ...(supplemental === undefined ? {} : { supplemental }),
    ...(revertsTo === undefined ? {} : { revertsTo }),
  };
}
