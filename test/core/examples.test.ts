import { parseScenarioText, type Scenario, type Side } from "@matchlab/core";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assignmentOf } from "../support/run.ts";

// The worked examples of ../shared/reference/examples, copied into scenarios/ with their sources in their descriptions.
const dir = new URL("../../scenarios/", import.meta.url);
const withExpected = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
  .map((file) => {
    const parsed = parseScenarioText(readFileSync(new URL(file, dir), "utf8"));
    if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
    return { file, scenario: parsed.scenario };
  })
  .filter(({ scenario }) => scenario.expected !== undefined);

const cases: Array<[string, Side, Scenario, Record<string, string | null>]> = withExpected.flatMap(({ file, scenario }) => [
  ...(scenario.expected?.applicantProposing ? [[file, "applicant", scenario, scenario.expected.applicantProposing] as const] : []),
  ...(scenario.expected?.programProposing ? [[file, "program", scenario, scenario.expected.programProposing] as const] : []),
]) as Array<[string, Side, Scenario, Record<string, string | null>]>;

describe("worked examples", () => {
  it("should include Run-A-Match and APPIC 2×2", () => {
    expect(withExpected.map((x) => x.file)).toEqual(expect.arrayContaining(["run-a-match-5x3.json", "appic-2x2.json"]));
  });

  it.each(cases)("%s, %s-proposing, gives the published result", (_file, side, scenario, expected) => {
    expect(Object.fromEntries(assignmentOf(scenario, side))).toEqual(expected);
  });
});
