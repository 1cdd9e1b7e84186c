import { compileMarket, type CompiledMarket, type Scenario } from "@matchlab/core";
import { runEngine } from "../engine/client.ts";
import type { ScenarioRun } from "../engine/runScenario.ts";

/** A scenario ready for the theater: both runs (from the worker when large) and the market for explanations. */
export interface Prepared {
  scenario: Scenario;
  market: CompiledMarket;
  run: ScenarioRun;
  /** Per applicant, 1 when applicant- and program-proposing place her differently. */
  differs: Uint8Array;
}

export async function prepare(scenario: Scenario): Promise<Prepared> {
  // Compiling is linear and cheap; the main thread keeps a copy for "why not there?" and "try to break it".
  const market = compileMarket(scenario);
  const run = await runEngine(scenario);
  const differs = new Uint8Array(market.nA);
  for (let a = 0; a < market.nA; a++) differs[a] = run.applicant.matchOf[a] === run.program.matchOf[a] ? 0 : 1;
  return { scenario, market, run, differs };
}
