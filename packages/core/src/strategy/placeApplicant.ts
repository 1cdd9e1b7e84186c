import { pointerArrayFor } from "../pointerArray.ts";
import type { ApplicantType } from "../schema.ts";
import type { GeneratedApplicants } from "../generate/applicants.ts";
import { generateApplicants } from "../generate/applicants.ts";
import { assembleNrmpMarket } from "../generate/assemble.ts";
import { APPLICANT_TYPES, NONE, REGIONS, sequentialIds, type GeneratedMarket } from "../generate/generatedMarket.ts";
import { DEFAULT_NRMP_LIST_LENGTH } from "../generate/generateMarket.ts";
import { generateInterviews } from "../generate/interviews.ts";
import { MODEL, strengthGivenStep2ck, TYPE_BEHAVIOUR } from "../generate/model.ts";
import { invertLists, rankInterviews } from "../generate/preferences.ts";
import { NRMP_PRESETS, type MarketPreset } from "../generate/presets.ts";
import { generatePrograms, type GeneratedPrograms } from "../generate/programs.ts";
import { createNormal, pickWeighted, type Rng } from "../generate/random.ts";
import { scalePreset } from "../generate/scale.ts";

/** Her id in every placed market. */
export const PLACED_APPLICANT_ID = "you";

/** What the user tells about herself; everything else about her is drawn as for any applicant of this profile. */
export interface ApplicantProfile {
  type: ApplicantType;
  /** USMLE Step 2 CK score, 150 … 300. Her latent strength is drawn given it, in each draw. */
  step2ck: number;
  /** @defaultValue false */
  needsVisa?: boolean;
  /**
   * Specialty names or codes ("Internal Medicine" or "IM"): her target, then at most one backup (the model's
   * limit). Optional when `list` is given (the target is then the specialty of her first program).
   */
  specialties?: readonly string[];
  /** Home census region; drawn as for others in each draw when absent. */
  region?: (typeof REGIONS)[number];
  /** Months of U.S. clinical experience (informational: the model does not read it). @defaultValue 0 */
  usceMonths?: number;
  /**
   * Her true preference order, as program ids of the catalogue (`IM-0001`, …). Those are her interviews: each of
   * these programs ranks her by the model, whatever its screens. Absent: her interviews and order are drawn by
   * the model in each draw (so the list varies from draw to draw).
   */
  list?: readonly string[];
}

export interface PlaceApplicantOptions {
  /** @defaultValue "nrmp-2025" */
  preset?: "nrmp-2025" | "nrmp-2024";
  /**
   * Applicants besides her; fixes the catalogue's size and program ids, as `generateMarket`'s `applicants`.
   * @defaultValue the published active applicants (47,208 in 2025)
   */
  applicants?: number;
  /** Interviews sought by an average U.S. MD senior, as `generateMarket`'s `listLength`. @defaultValue 13 */
  listLength?: number;
  profile: ApplicantProfile;
}

/** The program catalogue and her fixed attributes, resolved and checked once for many draws. */
export interface PlacementPlan {
  preset: MarketPreset;
  scaled: ReturnType<typeof scalePreset>;
  programs: GeneratedPrograms;
  listScale: number;
  profile: ApplicantProfile;
  type: number;
  target: number;
  backup: number;
  /** Her true list as program indices, or undefined when drawn. */
  list: number[] | undefined;
}

const fail = (message: string): never => {
  throw new RangeError(`placeApplicant: ${message}`);
};

/**
 * Resolves the options and draws the program catalogue with `programRng`. The catalogue is exactly the programs of
 * `generateMarket({ preset, applicants }, programRng)` (programs are its first stage), so ids *and* attributes are
 * the same in every draw: "IM-0001" is one program whose size, quality, region, visa and screen stay fixed.
 */
export function planPlacement(options: PlaceApplicantOptions, programRng: Rng): PlacementPlan {
  const preset = NRMP_PRESETS[options.preset ?? "nrmp-2025"] ?? fail(`unknown preset ${JSON.stringify(options.preset)}; expected nrmp-2025 or nrmp-2024`);
  const active = preset.applicantTypes.reduce((sum, t) => sum + t.active, 0);
  const applicants = options.applicants ?? active;
  if (!Number.isInteger(applicants) || applicants < 1 || applicants > 5_000_000) fail(`applicants must be an integer in [1, 5000000], got ${applicants}`);
  const listLength = options.listLength ?? DEFAULT_NRMP_LIST_LENGTH;
  if (!(listLength > 0 && listLength <= 40)) fail(`listLength must be in (0, 40], got ${listLength}`);
  const { profile } = options;
  const type = APPLICANT_TYPES.indexOf(profile.type);
  if (type < 0) fail(`profile.type must be one of ${APPLICANT_TYPES.join(", ")}, got ${JSON.stringify(profile.type)}`);
  if (!(Number.isFinite(profile.step2ck) && profile.step2ck >= 150 && profile.step2ck <= 300)) fail(`profile.step2ck must be a score in [150, 300], got ${profile.step2ck}`);
  if (profile.region !== undefined && !REGIONS.includes(profile.region)) fail(`profile.region must be one of ${REGIONS.join(", ")}, got ${JSON.stringify(profile.region)}`);
  const scaled = scalePreset(preset, applicants);
  const programs = generatePrograms(preset, scaled.specialtyPrograms, scaled.specialtyPositions, programRng);
  const list = profile.list?.map((id, i) => {
    const p = programs.ids.indexOf(id);
    if (p < 0) fail(`profile.list[${i}]: no program ${JSON.stringify(id)} in the ${preset.id} catalogue at ${applicants} applicants (ids run ${programs.ids[0]} … ${programs.ids.at(-1)})`);
    if (profile.list!.indexOf(id) !== i) fail(`profile.list[${i}]: program ${JSON.stringify(id)} appears twice`);
    return p;
  });
  const names = profile.specialties ?? [];
  if (names.length > 2) fail(`profile.specialties: the model has a target and at most one backup specialty, got ${names.length}`);
  const specialty = (name: string, i: number): number => {
    const key = name.trim().toLowerCase();
    const s = preset.specialties.findIndex((row) => row.name.toLowerCase() === key || row.code.toLowerCase() === key);
    return s >= 0 ? s : fail(`profile.specialties[${i}]: unknown specialty ${JSON.stringify(name)}; expected one of ${preset.specialties.map((row) => row.name).join(", ")}`);
  };
  const first = list?.[0];
  const target = names[0] !== undefined ? specialty(names[0], 0) : first !== undefined ? programs.columns.specialty[first]! : fail("profile.specialties: give her target specialty (or her list)");
  const backup = names[1] !== undefined ? specialty(names[1], 1) : NONE;
  if (backup === target) fail("profile.specialties: the backup must differ from the target");
  return { preset, scaled, programs, listScale: listLength / DEFAULT_NRMP_LIST_LENGTH, profile, type, target, backup, list };
}

/** The drawn applicants plus her, last, with her fixed attributes and a strength drawn given her Step 2 CK. */
function withApplicant(drawn: GeneratedApplicants, plan: PlacementPlan, rng: Rng): GeneratedApplicants {
  const n = drawn.strength.length;
  const grow = <T extends Uint8Array | Uint16Array | Float32Array>(array: T, value: number): T => {
    const out = new (array.constructor as new (length: number) => T)(n + 1);
    out.set(array);
    out[n] = value;
    return out;
  };
  const { profile } = plan;
  const behaviour = TYPE_BEHAVIOUR[profile.type];
  const z = strengthGivenStep2ck(behaviour, profile.step2ck, createNormal(rng)());
  const region = profile.region !== undefined ? REGIONS.indexOf(profile.region) : pickWeighted(rng, MODEL.regionWeights, MODEL.regionWeights.reduce((s, x) => s + x, 0)) % REGIONS.length;
  const c = drawn.columns;
  return {
    columns: {
      type: grow(c.type, plan.type),
      step2ck: grow(c.step2ck, Math.round(profile.step2ck)),
      needsVisa: grow(c.needsVisa, profile.needsVisa === true ? 1 : 0),
      usceMonths: grow(c.usceMonths, Math.min(255, profile.usceMonths ?? 0)),
      region: grow(c.region, region),
      specialty: grow(c.specialty, plan.target),
      backup: grow(c.backup, plan.backup),
    },
    strength: grow(drawn.strength, behaviour.strengthMean + z),
    z: grow(drawn.z, z),
  };
}

/**
 * One draw of the market with her in it: the other applicants are drawn by the generator's NRMP model with `rng`,
 * she is appended last (id "you"), and the generator's interview and preference stages run on everyone, so
 * programs rank her exactly as they rank others of her profile. With a given list, her interviews are that list
 * and her order is hers. Deterministic for a given rng; the catalogue comes from `planPlacement`.
 */
export function placeApplicant(plan: PlacementPlan, rng: Rng): GeneratedMarket {
  const { preset, scaled, programs } = plan;
  const applicants = withApplicant(generateApplicants(preset, scaled.typeCounts, scaled.specialtyPositions, rng), plan, rng);
  const nA = applicants.strength.length;
  const me = nA - 1;
  const nP = programs.ids.length;
  let { appStart, appRol } = generateInterviews(applicants, programs, plan.listScale, rng);
  const list = plan.list;
  if (list !== undefined) {
    // She is last, so replacing her interviews is truncating the flat list and appending hers.
    const rol = new (pointerArrayFor(Math.max(nP - 1, 0)))(appStart[me]! + list.length);
    rol.set(appRol.subarray(0, appStart[me]!));
    rol.set(list, appStart[me]!);
    appRol = rol;
    appStart[nA] = rol.length;
  }
  const { progStart, progRol } = invertLists(nA, nP, appStart, appRol);
  rankInterviews(applicants, programs, appStart, appRol, progStart, progRol, rng);
  if (list !== undefined) appRol.set(list, appStart[me]!); // her order is hers, not the model's
  return assembleNrmpMarket({
    name: `${preset.id} with you`,
    description: `Synthetic ${preset.year} NRMP Main Match (PGY-1, singles) with one placed applicant, "${PLACED_APPLICANT_ID}"`,
    preset,
    applicantIds: [...sequentialIds("a", nA - 1), PLACED_APPLICANT_ID],
    applicants,
    programs,
    appStart,
    appRol,
    progStart,
    progRol,
  });
}
