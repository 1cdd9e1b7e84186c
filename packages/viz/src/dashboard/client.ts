import type { DashboardRequest, DashboardResponse, DashboardSettings, DashboardSummary, Stage } from "./protocol.ts";

export interface DashboardRunHandlers {
  progress(stage: Stage, done: number): void;
}

/**
 * The dashboard's own Web Worker. A run cannot be interrupted inside the worker (generation is one synchronous
 * call), so `cancel` terminates it; the next run starts a fresh one.
 */
export class DashboardClient {
  #worker: Worker | null = null;
  #nextId = 0;
  #reject: ((error: Error) => void) | null = null;

  run(settings: DashboardSettings, handlers: DashboardRunHandlers): Promise<DashboardSummary> {
    this.cancel();
    const worker = (this.#worker ??= new Worker(new URL("./dashboardWorker.ts", import.meta.url), { type: "module", name: "dashboard" }));
    const id = this.#nextId++;
    return new Promise<DashboardSummary>((resolve, reject) => {
      this.#reject = reject;
      worker.onmessage = (event: MessageEvent<DashboardResponse>) => {
        const message = event.data;
        if (message.id !== id) return;
        if (message.kind === "progress") return handlers.progress(message.stage, message.done);
        this.#reject = null;
        if (message.kind === "result") resolve(message.summary);
        else reject(new Error(message.message));
      };
      worker.onerror = (event) => {
        this.#reject = null;
        reject(new Error(event.message || "the dashboard worker failed"));
      };
      const request: DashboardRequest = { id, settings };
      worker.postMessage(request);
    });
  }

  /** Stops a run in progress (its promise rejects with a CancelledError); does nothing when idle. */
  cancel(): void {
    if (this.#reject === null) return;
    this.#worker?.terminate();
    this.#worker = null;
    const reject = this.#reject;
    this.#reject = null;
    reject(new CancelledError());
  }

  destroy(): void {
    this.cancel();
    this.#worker?.terminate();
    this.#worker = null;
  }
}

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}
