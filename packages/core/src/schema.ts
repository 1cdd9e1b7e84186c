import * as z from "zod";
import { checkReferences } from "./references.ts";

/**
 * The scenario format. This zod schema is the single source of truth: the TypeScript types are inferred from it
 * and `scenarios/scenario.schema.json` is generated from it (`pnpm schema`).
 *
 * The minimal form `{ programs: [{ id, quota, rol }], applicants: [{ id, rol }], couples?: [...] }` is what other
 * tools emit, so it must keep parsing; every other field is optional. Unknown keys are ignored (stripped), so files
 * written for a newer matchlab still load.
 */

/** An id names a participant; any non-empty string works, including `__proto__` and `constructor`. */
export const Id = z.string({ error: "expected an id (a non-empty string)" }).min(1, { error: "id must not be empty" });

/** Applicant types, as the NRMP reports them. */
export const ApplicantType = z.enum(["us-md", "us-do", "us-img", "non-us-img", "other"]);
export type ApplicantType = z.infer<typeof ApplicantType>;

/** Positions a single program may offer; far above any real program, low enough for compact arrays. */
export const MAX_QUOTA = 1_000_000;

/**
 * NRMP program tracks. Categorical and primary programs run a full residency; advanced programs start at PGY-2
 * and need a PGY-1 year, which preliminary programs offer (ALGORITHM.md §6.2).
 */
export const Track = z.enum(["categorical", "preliminary", "advanced", "primary"]);
export type Track = z.infer<typeof Track>;

export const Program = z.object({
  id: Id,
  // A refine, not z.int(): z.int's type error aborts the parse, which would hide the cross-field problems.
  quota: z
    .number({ error: "quota must be a non-negative integer" })
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= MAX_QUOTA, { error: `quota must be a non-negative integer (at most ${MAX_QUOTA})` })
    .meta({ type: "integer", minimum: 0, maximum: MAX_QUOTA }),
  /** The program's rank order list of applicant ids, most preferred first. */
  rol: z.array(Id),
  name: z.string().optional(),
  specialty: z.string().optional(),
  /** The program's track; absent means categorical. */
  track: Track.optional(),
  /** A program that receives this program's unfilled positions after everyone is admitted (a reversion). */
  revertsTo: Id.optional(),
  /**
   * An even-number request (ALGORITHM.md §6.4): if the program cannot fill every position and holds an odd number,
   * its quota is cut to that number minus one and its least-preferred holder goes back into the match.
   */
  evenOnly: z.boolean().optional(),
});
export type Program = z.infer<typeof Program>;

/**
 * A supplemental rank order list of PGY-1 (preliminary) programs, tried only once she holds one of the advanced
 * programs it is linked to (ALGORITHM.md §6.2).
 */
export const SupplementalList = z.object({
  /** Preliminary program ids, most preferred first. */
  rol: z.array(Id),
  /** Advanced program ids on her primary list (or on her side of her couple's list) that this list serves. */
  linkedTo: z.array(Id).min(1, { error: "a supplemental list must be linked to at least one advanced program" }),
});
export type SupplementalList = z.infer<typeof SupplementalList>;

export const Applicant = z.object({
  id: Id,
  /** The applicant's rank order list of program ids, most preferred first. */
  rol: z.array(Id),
  name: z.string().optional(),
  type: ApplicantType.optional(),
  /** USMLE Step 2 CK score. */
  step2ck: z.number().min(0).max(300).optional(),
  needsVisa: z.boolean().optional(),
  /** Supplemental lists of PGY-1 programs, each linked to advanced programs on her primary list. */
  supplemental: z.array(SupplementalList).optional(),
});
export type Applicant = z.infer<typeof Applicant>;

/** One rank of a couple: a program for each partner, `null` meaning "No Match" for that partner. */
export const CouplePair = z
  .tuple([Id.nullable(), Id.nullable()])
  .refine((pair) => pair[0] !== null || pair[1] !== null, { error: "at most one partner may be null (No Match)" });

export const Couple = z.object({
  /** Optional name of the couple (the Stable Matching Suite format gives couples their own id). */
  id: Id.optional(),
  members: z.tuple([Id, Id]),
  rol: z.array(CouplePair).max(300, { error: "a couple may rank at most 300 pairs" }),
});
export type Couple = z.infer<typeof Couple>;

/** Expected results, as carried by the worked examples: applicant id → program id or null. */
export const ExpectedResults = z.object({
  applicantProposing: z.record(z.string(), Id.nullable()).optional(),
  programProposing: z.record(z.string(), Id.nullable()).optional(),
});

export const Scenario = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    programs: z.array(Program),
    applicants: z.array(Applicant),
    couples: z.array(Couple).optional(),
    expected: ExpectedResults.optional(),
  })
  // `when: () => true` runs the cross-field checks even when a field above failed, so one pass reports every
  // problem; checkReferences therefore reads the value defensively.
  .superRefine((value, ctx) => checkReferences(value, (path, message) => ctx.addIssue({ code: "custom", path, message })), {
    when: () => true,
  });
export type Scenario = z.infer<typeof Scenario>;
