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

/** What a field expecting a number got instead, with the fix for the usual slip (a number written in quotes). */
function describeNonNumber(input: unknown): string {
  if (typeof input === "string") return `the text ${JSON.stringify(input)}${/^\s*-?\d+(\.\d+)?\s*$/.test(input) ? " (write the number without quotes)" : ""}`;
  if (typeof input === "number") return String(input); // NaN or ±Infinity
  return input === null ? "null" : Array.isArray(input) ? "a list" : typeof input;
}

export const Program = z.object({
  id: Id,
  // A refine, not z.int(): z.int's type error aborts the parse, which would hide the cross-field problems.
  quota: z
    .number({ error: (issue) => `quota must be a non-negative integer, got ${describeNonNumber(issue.input)}` })
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= MAX_QUOTA, { error: `quota must be a non-negative integer (at most ${MAX_QUOTA})` })
    .meta({ type: "integer", minimum: 0, maximum: MAX_QUOTA, description: "Positions the program offers." }),
  /** The program's rank order list of applicant ids, most preferred first. */
  rol: z.array(Id).describe("The program's rank order list: applicant ids, most preferred first. Unranked applicants cannot match here."),
  name: z.string().optional().describe("Display name."),
  specialty: z.string().optional().describe("Specialty, e.g. \"Internal Medicine\"."),
  visa: z.enum(["none", "j1", "h1b"]).optional().describe("Visas it sponsors: none, J-1, or H-1B (and J-1). Informational (generated markets)."),
  scoreScreen: z.number().min(0).max(300).optional().describe("Lowest USMLE Step 2 CK score it interviews; 0 when it does not screen. Informational."),
  imgFriendly: z.boolean().optional().describe("Whether it regularly interviews IMGs. Informational."),
  region: z.string().optional().describe("Where it is (a U.S. census region in generated markets). Informational."),
  track: Track.optional().describe("The program's track; absent means categorical."),
  revertsTo: Id.optional().describe("A program that receives this program's unfilled positions after everyone is admitted (a reversion)."),
  /**
   * An even-number request (ALGORITHM.md §6.4): if the program cannot fill every position and holds an odd number,
   * its quota is cut to that number minus one and its least-preferred holder goes back into the match.
   */
  evenOnly: z.boolean().optional().describe("Even-number request: cut an odd, unfilled quota by one (ALGORITHM.md §6.4)."),
});
export type Program = z.infer<typeof Program>;

/**
 * A supplemental rank order list of PGY-1 (preliminary) programs, tried only once she holds one of the advanced
 * programs it is linked to (ALGORITHM.md §6.2).
 */
export const SupplementalList = z.object({
  rol: z.array(Id).describe("Preliminary (PGY-1) program ids, most preferred first."),
  linkedTo: z
    .array(Id)
    .min(1, { error: "a supplemental list must be linked to at least one advanced program" })
    .describe("Advanced program ids on her primary list (or on her side of her couple's list) that this list serves."),
});
export type SupplementalList = z.infer<typeof SupplementalList>;

export const Applicant = z.object({
  id: Id,
  /** The applicant's rank order list of program ids, most preferred first. */
  rol: z.array(Id).describe("The applicant's rank order list: program ids, most preferred first."),
  name: z.string().optional().describe("Display name."),
  type: ApplicantType.optional().describe("Applicant type as the NRMP reports it."),
  /** USMLE Step 2 CK score. */
  step2ck: z.number().min(0).max(300).optional().describe("USMLE Step 2 CK score."),
  needsVisa: z.boolean().optional().describe("Needs visa sponsorship (J-1 or H-1B)."),
  usceMonths: z.number().min(0).optional().describe("Months of U.S. clinical experience. Informational (generated markets)."),
  region: z.string().optional().describe("Home region (a U.S. census region in generated markets). Informational."),
  specialties: z.array(z.string()).optional().describe("Specialties she applies to: her target first, then any backup. Informational."),
  supplemental: z.array(SupplementalList).optional().describe("Supplemental lists of PGY-1 programs, each linked to advanced programs on her primary list."),
});
export type Applicant = z.infer<typeof Applicant>;

/** One rank of a couple: a program for each partner, `null` meaning "No Match" for that partner. */
export const CouplePair = z
  .tuple([Id.nullable(), Id.nullable()])
  .refine((pair) => pair[0] !== null || pair[1] !== null, { error: "at most one partner may be null (No Match)" });

export const Couple = z.object({
  members: z.tuple([Id, Id]).describe("The two partners' applicant ids."),
  rol: z.array(CouplePair).describe("Pairs of program ids (null = No Match for that partner), most preferred first.").max(300, { error: "a couple may rank at most 300 pairs" }),
  id: Id.optional().describe("Optional name of the couple (the Stable Matching Suite format gives couples their own id)."),
});
export type Couple = z.infer<typeof Couple>;

/** Expected results, as carried by the worked examples: applicant id → program id or null. */
export const ExpectedResults = z.object({
  applicantProposing: z.record(z.string(), Id.nullable()).optional(),
  programProposing: z.record(z.string(), Id.nullable()).optional(),
});

export const Scenario = z
  .object({
    $schema: z.string().optional().describe("Path or URL of this JSON Schema, for editor completion."),
    name: z.string().optional(),
    description: z.string().optional(),
    programs: z.array(Program),
    applicants: z.array(Applicant),
    couples: z.array(Couple).optional().describe("Couples who rank pairs of programs (the NRMP couples match)."),
    expected: ExpectedResults.optional().describe("Known results (worked examples): applicant id → program id or null."),
  })
  // `when: () => true` runs the cross-field checks even when a field above failed, so one pass reports every
  // problem; checkReferences therefore reads the value defensively.
  // Past MAX_REPORTED_ISSUES the problems are only counted: zod takes about 40 µs per issue, so a list of a
  // million unknown ids would otherwise take most of a minute to refuse. parseScenario reports the count.
  .superRefine(
    (value, ctx) => {
      let count = 0;
      checkReferences(value, (path, message) => {
        if (++count <= MAX_REPORTED_ISSUES) ctx.addIssue({ code: "custom", path, message });
      });
      const unreported = count - MAX_REPORTED_ISSUES;
      if (unreported > 0) ctx.addIssue({ code: "custom", path: [], message: `${unreported} more problems`, params: { unreported } });
    },
    { when: () => true },
  );
export type Scenario = z.infer<typeof Scenario>;

/** Problems reported at most (`parseScenario` gives the first ones and a count of the rest). */
export const MAX_REPORTED_ISSUES = 100;
