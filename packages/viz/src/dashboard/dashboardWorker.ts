import { runDashboard } from "./pipeline.ts";
import type { DashboardRequest, DashboardResponse, DashboardSummary } from "./protocol.ts";

// Same pattern as engine/worker.ts: the project compiles against the DOM lib, so name the little of the worker
// scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<DashboardRequest>) => void) | null;
  postMessage(message: DashboardResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/** The summary's typed arrays move to the page without a copy. */
function transferables(summary: DashboardSummary): Transferable[] {
  const { specialties, couples } = summary;
  return [summary.singleRanks, specialties.positions, specialties.filled, specialties.imgFilled, couples.pairRankBuckets].map((a) => a.buffer as ArrayBuffer);
}

// Generation and matching take about a second at NRMP scale: all of it here, so the page never stalls.
scope.onmessage = (event) => {
  const { id, settings } = event.data;
  try {
    const summary = runDashboard(settings, (stage, done) => scope.postMessage({ id, kind: "progress", stage, done }));
    scope.postMessage({ id, kind: "result", summary }, transferables(summary));
  } catch (error) {
    scope.postMessage({ id, kind: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
