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
  /** Visas it sponsors: none, J-1, or H-1B (and J-1). Informational (generated markets). */
  visa: z.enum(["none", "j1", "h1b"]).optional(),
  /** Lowest USMLE Step 2 CK score it interviews; 0 when it does not screen. Informational. */
  scoreScreen: z.number().min(0).max(300).optional(),
  /** Whether it regularly interviews IMGs. Informational. */
  imgFriendly: z.boolean().optional(),
  /** Where it is (a U.S. census region in generated markets). Informational. */
  region: z.string().optional(),
});
export type Program = z.infer<typeof Program>;

export const Applicant = z.object({
  id: Id,
  /** The applicant's rank order list of program ids, most preferred first. */
  rol: z.array(Id),
  name: z.string().optional(),
  type: ApplicantType.optional(),
  /** USMLE Step 2 CK score. */
  step2ck: z.number().min(0).max(300).optional(),
  needsVisa: z.boolean().optional(),
  /** Months of U.S. clinical experience. Informational (generated markets). */
  usceMonths: z.number().min(0).optional(),
  /** Home region (a U.S. census region in generated markets). Informational. */
  region: z.string().optional(),
  /** Specialties she applies to: her target first, then any backup. Informational. */
  specialties: z.array(z.string()).optional(),
});
export type Applicant = z.infer<typeof Applicant>;

/** One rank of a couple: a program for each partner, `null` meaning "No Match" for that partner. */
export const CouplePair = z
  .tuple([Id.nullable(), Id.nullable()])
  .refine((pair) => pair[0] !== null || pair[1] !== null, { error: "at most one partner may be null (No Match)" });

export const Couple = z.object({
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
