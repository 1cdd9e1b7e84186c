import type { Scenario } from "@matchlab/core";
import type { ScenarioRun } from "./runScenario.ts";

export interface WorkerRequest {
  id: number;
  scenario: Scenario;
}

export type WorkerResponse = { id: number; ok: true; run: ScenarioRun } | { id: number; ok: false; message: string };
