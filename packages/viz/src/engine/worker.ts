import { runFull } from "./runFull.ts";
import { runScenario } from "./runScenario.ts";
import type { WorkerRequest, WorkerResponse } from "./protocol.ts";

// The project compiles against the DOM lib (not the webworker lib, which conflicts with it), so name the little
// of the worker scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}
const scope = self as unknown as WorkerScope;

// The engine off the main thread, so a large imported market never freezes the page.
scope.onmessage = (event) => {
  const { id, engine, scenario } = event.data;
  let response: WorkerResponse;
  try {
    response = { id, ok: true, run: engine === "full" ? runFull(scenario) : runScenario(scenario) };
  } catch (error) {
    response = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
