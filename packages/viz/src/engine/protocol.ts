import type { Scenario } from "@matchlab/core";
import type { FullRun } from "./runFull.ts";
import type { ScenarioRun } from "./runScenario.ts";

export interface WorkerRequest {
  id: number;
  /** "simple": both deferred-acceptance runs with traces; "full": Roth–Peranson (couples, supplemental lists, …). */
  engine: "simple" | "full";
  scenario: Scenario;
}

export type WorkerResponse = { id: number; ok: true; run: ScenarioRun | FullRun } | { id: number; ok: false; message: string };
