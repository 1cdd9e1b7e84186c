import { createLabEngine } from "./engine.ts";
import type { LabMessage, LabReply } from "./protocol.ts";

// The project compiles against the DOM lib, not the webworker lib (they conflict): name the little used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<LabMessage>) => void) | null;
  postMessage(message: LabReply): void;
}
const scope = self as unknown as WorkerScope;
const handle = createLabEngine();

// The lab's market and analyzer live here between what-ifs; messages are handled one at a time, in order.
scope.onmessage = (event) => {
  const { id, request } = event.data;
  try {
    const value = handle(request, (stage, done, total) => scope.postMessage({ id, type: "progress", stage, done, total }));
    scope.postMessage({ id, type: "ok", value });
  } catch (error) {
    scope.postMessage({ id, type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
