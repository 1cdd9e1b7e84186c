import type { ApplicantType } from "../schema.ts";

/**
 * Behavioural parameters of the NRMP model, per applicant type. They are not published figures: they were tuned
 * so that the `nrmp-2025` preset reproduces the published match rates and fill rates (see NOTES-generator.md for
 * the calibration table and the command that checks it). Changing one changes the random stream's meaning, so the
 * frozen snapshot test will show it.
 */
export interface TypeBehaviour {
  /** Mean of the latent strength (programs' common view of the applicant); sd is 1. */
  strengthMean: number;
  /** Mean and sd of the Step 2 CK score; the score follows the latent strength. */
  step2ckMean: number;
  step2ckSd: number;
  /** Interviews sought (before screening) for an average applicant of this type. */
  interviews: number;
  /** Probability of splitting interviews with a backup specialty. */
  backupProbability: number;
  /** Probability of needing a visa. */
  visaProbability: number;
  /** Mean months of U.S. clinical experience. */
  usceMonths: number;
  /** Extra preference every program gives this type on top of strength (programs favour U.S. seniors). */
  programBonus: number;
}

export const TYPE_BEHAVIOUR: Record<ApplicantType, TypeBehaviour> = {
  "us-md": { strengthMean: 0.45, step2ckMean: 250, step2ckSd: 14, interviews: 13, backupProbability: 0.12, visaProbability: 0, usceMonths: 0, programBonus: 0.5 },
  "us-do": { strengthMean: 0.4, step2ckMean: 246, step2ckSd: 14, interviews: 12, backupProbability: 0.15, visaProbability: 0, usceMonths: 0, programBonus: 0.4 },
  "us-img": { strengthMean: -0.45, step2ckMean: 238, step2ckSd: 15, interviews: 6, backupProbability: 0.45, visaProbability: 0, usceMonths: 6, programBonus: 0 },
  "non-us-img": { strengthMean: -0.5, step2ckMean: 241, step2ckSd: 14, interviews: 5, backupProbability: 0.45, visaProbability: 0.75, usceMonths: 5, programBonus: 0 },
  other: { strengthMean: -0.8, step2ckMean: 232, step2ckSd: 15, interviews: 5, backupProbability: 0.45, visaProbability: 0.1, usceMonths: 4, programBonus: 0 },
};

/** Other model constants, with why each has its value. */
export const MODEL = {
  /** How strongly an applicant's strength steers where she interviews (0: anywhere, 1: exactly her tier). */
  tierCorrelation: 0.6,
  /** Interview count grows with strength: interviews × exp(interviewElasticity × z). */
  interviewElasticity: 0.3,
  /** Hard cap on interviews per applicant. */
  maxInterviews: 40,
  /** Tries to find an eligible program for one interview before giving it up (screens and visas refuse some). */
  maxTries: 6,
  /** Probability that a program which is not IMG-friendly still interviews a given IMG. */
  imgUnfriendlyAcceptance: 0.1,
  /** Applicant utility: weight of the program's common quality and of her private taste. */
  applicantCommonWeight: 0.7,
  applicantPrivateWeight: 0.7,
  /** Applicant utility bonus for a program in her home region. */
  homeRegionBonus: 0.5,
  /** Program utility: weight of its private taste on top of the applicant's strength. */
  programPrivateWeight: 0.6,
  /** Share of programs that screen by Step 2 CK score. */
  scoreScreenShare: 0.65,
  /** Population shares of the four census regions (Northeast, Midwest, South, West). */
  regionWeights: [0.22, 0.22, 0.38, 0.18],
} as const;

/**
 * Step 2 CK from standardized strength z and a standard normal `noise`: mean + sd (0.8 z + 0.6 noise), so the
 * score correlates 0.8 with strength and has the type's sd (0.8² + 0.6² = 1). Before rounding and clamping.
 */
export function step2ckFromStrength(behaviour: TypeBehaviour, z: number, noise: number): number {
  return behaviour.step2ckMean + behaviour.step2ckSd * (0.8 * z + 0.6 * noise);
}

/**
 * The inverse draw: z given a known Step 2 CK score. Under the model above, with s the standardized score,
 * z | s is normal with mean 0.8 s and sd 0.6, so pass a standard normal `noise`. This is how an applicant who
 * knows her score but not how programs see her is placed among applicants of her profile.
 */
export function strengthGivenStep2ck(behaviour: TypeBehaviour, score: number, noise: number): number {
  return 0.8 * ((score - behaviour.step2ckMean) / behaviour.step2ckSd) + 0.6 * noise;
}
