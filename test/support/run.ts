import { collectResult, compileMarket, solve, type Scenario, type Side } from "@matchlab/core";

/** Runs the engine on a scenario and returns applicant id → program id (or null). */
export function assignmentOf(scenario: Scenario, side: Side = "applicant"): Map<string, string | null> {
  const market = compileMarket(scenario);
  const result = collectResult(market, solve(market, { side }));
  return new Map(result.applicants.map((a) => [a.id, a.program]));
}

/** All lists an applicant could submit from `programs`: every ordering of every subset (Σ k! C(n, k) lists). */
export function allLists<T>(programs: readonly T[]): T[][] {
  const out: T[][] = [[]];
  const extend = (prefix: T[], rest: readonly T[]): void => {
    rest.forEach((item, i) => {
      const list = [...prefix, item];
      out.push(list);
      extend(list, [...rest.slice(0, i), ...rest.slice(i + 1)]);
    });
  };
  extend([], programs);
  return out;
}
