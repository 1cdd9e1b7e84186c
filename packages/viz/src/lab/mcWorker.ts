import { scoreLabRange } from "./mcRange.ts";
import type { McReply, McRequest } from "./mcProtocol.ts";

interface WorkerScope {
  onmessage: ((event: MessageEvent<McRequest>) => void) | null;
  postMessage(message: McReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

// Scores a range of draws one at a time, reporting after each; the page cancels by terminating the worker.
scope.onmessage = (event) => {
  const { drawer, options, start, end } = event.data;
  try {
    const { scores, peers } = scoreLabRange(drawer, options, start, end, (done) => scope.postMessage({ type: "progress", done }));
    scope.postMessage({ type: "done", scores, peers }, [scores.buffer]);
  } catch (error) {
    scope.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
