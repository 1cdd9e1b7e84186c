import {
  checkFullStability,
  collectFullResult,
  collectFullTrace,
  createFullTrace,
  compileFullMarket,
  describeBlocking,
  rothPeranson,
  type FullMatchResult,
  type FullTraceEvent,
  type Scenario,
} from "@matchlab/core";

/** A Roth–Peranson run mapped back to ids, with the stability checker's verdict (structured-cloneable). */
export interface FullRun {
  result: FullMatchResult;
  /** True when `checkFullStability` finds no blocking case and no quota, mutual-ranking or split-couple violation. */
  stable: boolean;
  blocking: Array<ReturnType<typeof describeBlocking>>;
  /** Ids of programs over quota, of applicants matched where one side did not rank the other, of split couples' first members. */
  violations: string[];
  /** The engine's events, for the theater's animation; empty when the run logged more than `TRACE_LIMIT`. */
  events: FullTraceEvent[];
  /** Each program's quota before the run (the replay's starting point). */
  initialQuota: Array<[string, number]>;
}

/** Events kept for the animation: more is too many to step through, and the theater then shows the result only. */
export const TRACE_LIMIT = 20_000;

/**
 * Runs core's full engine (couples, supplemental lists, reversions, even-number requests) on a validated scenario.
 * It records the engine's event trace (up to `TRACE_LIMIT` events) for the theater. The seeded order of re-runs after
 * a loop is core's default, so the same scenario always gives the same matching.
 */
export function runFull(scenario: Scenario): FullRun {
  const market = compileFullMarket(scenario);
  const trace = createFullTrace({ limit: TRACE_LIMIT });
  const matching = rothPeranson(market, { trace });
  const report = checkFullStability(market, matching);
  const { applicantIds, programIds } = market.base;
  const violations = [
    ...report.overQuota.map((p) => `${programIds[p]} holds more applicants than its positions`),
    ...report.notMutual.map((a) => `${applicantIds[a]} is matched where she and the program did not both rank each other`),
    ...report.splitCouples.map((c) => `couple ${applicantIds[market.coupleMembers[2 * c]!]} + ${applicantIds[market.coupleMembers[2 * c + 1]!]} is split`),
  ];
  return {
    result: collectFullResult(market, matching),
    stable: report.stable,
    blocking: report.blocking.map((b) => describeBlocking(market, b)),
    violations,
    events: trace.truncated ? [] : collectFullTrace(market, trace),
    initialQuota: scenario.programs.map((p) => [p.id, p.quota]),
  };
}
