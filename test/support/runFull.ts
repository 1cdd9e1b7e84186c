import { checkFullStability, collectFullResult, compileFullMarket, rothPeranson, type FullMatchResult, type RothPeransonOptions, type Scenario } from "@matchlab/core";
import type { NaiveMatching } from "./naiveCouples.ts";

export interface FullRun {
  result: FullMatchResult;
  /** The engine's own stability verdict. */
  stable: boolean;
  blockingCount: number;
  naive: NaiveMatching;
  /** Final quota by program id. */
  quota: Map<string, number>;
}

/** Runs the Roth–Peranson engine and returns its result, its stability check, and the matching in naive form. */
export function runFull(scenario: Scenario, options: RothPeransonOptions = {}): FullRun {
  const market = compileFullMarket(scenario);
  const matching = rothPeranson(market, options);
  const report = checkFullStability(market, matching);
  const result = collectFullResult(market, matching);
  const naive: NaiveMatching = {
    primary: new Map(result.applicants.map((a) => [a.id, a.program])),
    supplemental: new Map(result.applicants.filter((a) => a.supplemental !== null).map((a) => [a.id, a.supplemental])),
    pair: new Map(result.couples.map((c, i) => [i, c.rank === null ? null : c.rank - 1])),
  };
  return { result, stable: report.stable, blockingCount: report.blocking.length, naive, quota: new Map(result.programs.map((p) => [p.id, p.quota])) };
}
