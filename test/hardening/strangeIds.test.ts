import { formatSms, parseScenarioText, parseSmsText, type Scenario } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCliWith } from "../support/cli.ts";

/** How many id sets each property tries (NOTES-harden.md reports these figures). */
export const ID_FUZZ_RUNS = { json: 300, sms: 300, table: 200 } as const;

/** Ids in any script, with the characters that break naive formats: quotes, commas, newlines, tabs, escapes. */
const strangeId = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
  fc.string({ unit: fc.constantFrom('"', "'", ",", "\n", "\r", "\t", "\\", "=", "ß", "東", "ع", "👩‍⚕️", "\u200b", "\u001b"), minLength: 1, maxLength: 6 }),
  fc.constantFrom("__proto__", "constructor", "-1", "=HYPERLINK(\"http://x\",\"y\")", "Ñandú, \"el\"\nsegundo"),
);

/** Two programs and two applicants with distinct strange ids, everyone ranking everyone. */
const market = fc.uniqueArray(strangeId, { minLength: 4, maxLength: 4 }).map(([p, q, a, b]): Scenario => ({
  programs: [{ id: p!, quota: 1, rol: [a!, b!] }, { id: q!, quota: 1, rol: [b!, a!] }],
  applicants: [{ id: a!, rol: [p!, q!] }, { id: b!, rol: [p!, q!] }],
}));

describe("ids in any script, with quotes, commas and newlines", () => {
  it("should survive the trip through JSON and the CLI's --json output", () => {
    fc.assert(
      fc.property(market, (scenario) => {
        const parsed = parseScenarioText(JSON.stringify(scenario));
        expect(parsed.ok && parsed.scenario).toEqual(scenario);
        const run = runCliWith(["match", "m.json", "--json"], { "m.json": JSON.stringify(scenario) });
        expect(run.code).toBe(0);
        const { assignments } = JSON.parse(run.stdout) as { assignments: Record<string, string | null> };
        // Both rank the first program first; it prefers a, so a gets it and b the second program.
        expect(Object.entries(assignments)).toEqual([[scenario.applicants[0]!.id, scenario.programs[0]!.id], [scenario.applicants[1]!.id, scenario.programs[1]!.id]]);
      }),
      { numRuns: ID_FUZZ_RUNS.json },
    );
  });

  it("should survive the suite's text format when they have no white space, and be refused clearly otherwise", () => {
    fc.assert(
      fc.property(market, (scenario) => {
        const ids = [...scenario.programs, ...scenario.applicants].map((x) => x.id);
        const writable = ids.every((id) => !/\s/.test(id) && id !== "-1");
        const run = runCliWith(["convert", "m.json", "--to", "sms"], { "m.json": JSON.stringify(scenario) });
        if (writable) {
          expect(run.code).toBe(0);
          const back = parseSmsText(run.stdout);
          expect(back.ok && back.scenario).toEqual(scenario);
          expect(formatSms(scenario)).toBe(run.stdout);
        } else {
          expect(run).toMatchObject({ code: 2, stdout: "" });
          expect(run.stderr).toMatch(/^matchlab: m\.json: (applicant|program) id ".*" cannot be written in the suite's format \(no spaces, not -1\); convert to JSON instead\n$/s);
        }
      }),
      { numRuns: ID_FUZZ_RUNS.sms },
    );
  });

  it("should print them in the human table without raw control characters", () => {
    fc.assert(
      fc.property(market, (scenario) => {
        const run = runCliWith(["match", "m.json"], { "m.json": JSON.stringify(scenario) });
        expect(run.code).toBe(0);
        // Lines: title, blank, header, rule, two program rows, blank, summary lines: a newline in an id adds none.
        expect(run.stdout.split("\n").slice(0, 7).at(-1)).toBe("");
        expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: ID_FUZZ_RUNS.table },
    );
  });
});
