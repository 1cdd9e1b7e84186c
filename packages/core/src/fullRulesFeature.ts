import type { ScenarioIssue } from "./parse.ts";
import type { Scenario } from "./schema.ts";

/**
 * The first feature of a scenario that needs the full NRMP rules (couples, supplemental lists, reversions,
 * even-number requests), as an issue naming where it is; undefined for a simple market.
 */
export function fullRulesFeature(scenario: Scenario): ScenarioIssue | undefined {
  if ((scenario.couples?.length ?? 0) > 0) return { path: "couples", message: "this scenario has couples" };
  const a = scenario.applicants.findIndex((x) => (x.supplemental?.length ?? 0) > 0);
  if (a >= 0) return { path: `applicants[${a}].supplemental`, message: "this scenario has supplemental lists" };
  const p = scenario.programs.findIndex((x) => x.revertsTo !== undefined || x.evenOnly === true);
  if (p >= 0) {
    const what = scenario.programs[p]!.revertsTo !== undefined ? "revertsTo" : "evenOnly";
    return { path: `programs[${p}].${what}`, message: what === "revertsTo" ? "this scenario has reversions" : "this scenario has an even-number request" };
  }
  return undefined;
}

/** True when the scenario needs the Roth–Peranson engine rather than simple deferred acceptance. */
export const needsFullRules = (scenario: Scenario): boolean => fullRulesFeature(scenario) !== undefined;
