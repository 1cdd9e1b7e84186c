import { APPLICANT_TYPES, REGIONS } from "../generate/generatedMarket.ts";
import type { ApplicantType, Scenario } from "../schema.ts";
import type { ApplicantProfile } from "../strategy/placeApplicant.ts";
import { type CliIo, InputError } from "./io.ts";
import { loadScenario } from "./loadScenario.ts";

/** The profile flags of `matchlab strategy --monte-carlo` (each overrides the scenario's value for her). */
export interface ProfileFlags {
  applicant?: string;
  type?: string;
  step2ck?: number;
  visa?: boolean;
  specialties?: string;
  region?: string;
  trueList?: string;
  maxBytes: number;
}

/** Comma-separated ids or names, trimmed, empty entries dropped. */
export const splitList = (text: string): string[] => text.split(",").map((x) => x.trim()).filter((x) => x.length > 0);

/**
 * Her fixed profile: from the scenario applicant `--applicant ID` in FILE (type, step2ck, needsVisa, specialties,
 * region, and her list as her true list), then overridden by any profile flag. Without FILE, from the flags alone.
 */
export function resolveProfile(io: CliIo, file: string | undefined, flags: ProfileFlags): { label: string; profile: ApplicantProfile; scenario?: Scenario } {
  let base: Partial<ApplicantProfile> = {};
  let label = "you";
  let scenario: Scenario | undefined;
  if (file !== undefined) {
    if (flags.applicant === undefined) throw new InputError("--monte-carlo with FILE: give --applicant ID, the applicant whose profile and list to use");
    scenario = loadScenario(io, file, flags.maxBytes);
    const found = scenario.applicants.find((a) => a.id === flags.applicant);
    if (found === undefined) throw new InputError(`--applicant: no applicant with id ${JSON.stringify(flags.applicant)} in ${file}`);
    label = found.id;
    base = {
      ...(found.type === undefined ? {} : { type: found.type }),
      ...(found.step2ck === undefined ? {} : { step2ck: found.step2ck }),
      ...(found.needsVisa === undefined ? {} : { needsVisa: found.needsVisa }),
      ...(found.specialties === undefined ? {} : { specialties: found.specialties.slice(0, 2) }),
      ...(found.region !== undefined && (REGIONS as readonly string[]).includes(found.region) ? { region: found.region as (typeof REGIONS)[number] } : {}),
      list: found.rol,
    };
  } else if (flags.applicant !== undefined) {
    throw new InputError("--applicant needs a scenario FILE; without one, describe her with --type, --step2ck, --visa, --specialties");
  }
  if (flags.type !== undefined) {
    if (!(APPLICANT_TYPES as readonly string[]).includes(flags.type)) throw new InputError(`--type: expected one of ${APPLICANT_TYPES.join(", ")}, got ${JSON.stringify(flags.type)}`);
    base.type = flags.type as ApplicantType;
  }
  if (flags.step2ck !== undefined) base.step2ck = flags.step2ck;
  if (flags.visa !== undefined) base.needsVisa = flags.visa;
  if (flags.specialties !== undefined) base.specialties = splitList(flags.specialties);
  if (flags.region !== undefined) {
    const region = REGIONS.find((r) => r.toLowerCase() === flags.region!.toLowerCase());
    if (region === undefined) throw new InputError(`--region: expected one of ${REGIONS.join(", ")}, got ${JSON.stringify(flags.region)}`);
    base.region = region;
  }
  if (flags.trueList !== undefined) base.list = splitList(flags.trueList);
  const where = file === undefined ? "" : ` (${label} in ${file} has none)`;
  if (base.type === undefined) throw new InputError(`--monte-carlo: her applicant type is needed: --type ${APPLICANT_TYPES.join("|")}${where}`);
  if (base.step2ck === undefined) throw new InputError(`--monte-carlo: her Step 2 CK score is needed: --step2ck SCORE${where}`);
  if (base.specialties === undefined && (base.list === undefined || base.list.length === 0)) {
    throw new InputError(`--monte-carlo: her target specialty is needed: --specialties "Internal Medicine[,Family Medicine]" (or her list with --true-list)`);
  }
  return { label, profile: base as ApplicantProfile, ...(scenario === undefined ? {} : { scenario }) };
}
