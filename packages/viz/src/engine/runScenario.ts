import {
  collectResult,
  compileMarket,
  createTrace,
  describeEvent,
  solve,
  type CompiledMarket,
  type MatchResult,
  type Scenario,
  type Side,
} from "@matchlab/core";

/** A trace copied out of core's buffers: columnar, trimmed, structured-cloneable (it crosses the worker boundary). */
export interface TraceColumns {
  /** Event kinds as core's `EventKind` numbers. */
  kind: Uint8Array;
  /** Applicant index per event; -1 when unused. */
  applicant: Int32Array;
  /** Program index per event; -1 when unused. */
  program: Int32Array;
  /** The bumping applicant, or the preferred program, per event; -1 when unused (see core's trace.ts). */
  other: Int32Array;
  /** One narration line per event, from core's `describeEvent`. */
  narration: string[];
}

export interface SideRun {
  side: Side;
  /** Per applicant, her program index; -1 when unmatched. */
  matchOf: Int32Array;
  result: MatchResult;
  /** Null when the market is too large to animate. */
  trace: TraceColumns | null;
}

export interface ScenarioRun {
  applicantIds: string[];
  programIds: string[];
  quota: number[];
  applicant: SideRun;
  program: SideRun;
}

export interface RunScenarioOptions {
  /**
   * Record a trace only when the proposing side's lists hold at most this many entries in total; the narration
   * allocates a string per event, which only pays off for markets small enough to watch.
   * @defaultValue 4000
   */
  maxTracedEntries?: number;
}

/** Total rank-list entries, the measure of how long a run takes (core's engines are linear in it). */
export function listEntries(scenario: Scenario): number {
  let total = 0;
  for (const p of scenario.programs) total += p.rol.length;
  for (const a of scenario.applicants) {
    total += a.rol.length;
    for (const list of a.supplemental ?? []) total += list.rol.length;
  }
  for (const c of scenario.couples ?? []) total += 2 * c.rol.length;
  return total;
}

/** Runs both applicant- and program-proposing deferred acceptance on a validated scenario. */
export function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): ScenarioRun {
  const market = compileMarket(scenario);
  const maxTraced = options.maxTracedEntries ?? 4000;
  return {
    applicantIds: [...market.applicantIds],
    programIds: [...market.programIds],
    quota: Array.from(market.quota),
    applicant: runSide(market, "applicant", maxTraced),
    program: runSide(market, "program", maxTraced),
  };
}

function runSide(market: CompiledMarket, side: Side, maxTraced: number): SideRun {
  const entries = side === "applicant" ? market.appStart[market.nA]! : market.progStart[market.nP]!;
  if (entries > maxTraced) {
    const matching = solve(market, { side });
    return { side, matchOf: matching.matchOf, result: collectResult(market, matching), trace: null };
  }
  const trace = createTrace(market, side);
  const matching = solve(market, { side, trace });
  const n = trace.length;
  const narration: string[] = [];
  for (let i = 0; i < n; i++) narration.push(describeEvent(market, trace, i).text);
  return {
    side,
    matchOf: matching.matchOf,
    result: collectResult(market, matching),
    trace: {
      kind: trace.kind.slice(0, n),
      applicant: trace.applicant.slice(0, n),
      program: trace.program.slice(0, n),
      other: trace.other.slice(0, n),
      narration,
    },
  };
}
