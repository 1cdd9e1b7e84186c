import { createLabEngine, type Progress } from "./engine.ts";
import type { LabAnswers, LabMessage, LabReply, LabRequest } from "./protocol.ts";

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; progress: Progress };

/**
 * Talks to the lab's Web Worker, which keeps the market and the analyzer between requests. Without Worker support
 * (jsdom) the same engine runs inline.
 */
export class LabClient {
  #worker: Worker | null = null;
  #inline: ReturnType<typeof createLabEngine> | null = null;
  #next = 0;
  #pending = new Map<number, Pending>();

  constructor() {
    if (typeof Worker === "undefined") {
      this.#inline = createLabEngine();
      return;
    }
    this.#worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "matchlab-lab" });
    this.#worker.onmessage = (event: MessageEvent<LabReply>) => {
      const reply = event.data;
      const entry = this.#pending.get(reply.id);
      if (entry === undefined) return;
      if (reply.type === "progress") return entry.progress(reply.stage, reply.done, reply.total);
      this.#pending.delete(reply.id);
      if (reply.type === "ok") entry.resolve(reply.value);
      else entry.reject(new Error(reply.message));
    };
  }

  ask<K extends LabRequest["kind"]>(request: Extract<LabRequest, { kind: K }>, progress: Progress = () => {}): Promise<LabAnswers[K]> {
    if (this.#inline !== null) {
      try {
        return Promise.resolve(this.#inline(request, progress) as LabAnswers[K]);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const id = this.#next++;
    return new Promise<LabAnswers[K]>((resolve, reject) => {
      // The worker answers request `id` with the answer type of its kind.
      this.#pending.set(id, { resolve: (value) => resolve(value as LabAnswers[K]), reject, progress });
      const message: LabMessage = { id, request };
      this.#worker!.postMessage(message);
    });
  }

  destroy(): void {
    this.#worker?.terminate();
    for (const entry of this.#pending.values()) entry.reject(new Error("lab closed"));
    this.#pending.clear();
  }
}
