import { createPlacedDrawer, scoreDrawRange } from "@matchlab/core";
import seedrandom from "seedrandom";
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
    const draw = createPlacedDrawer(drawer, seedrandom.alea);
    const S = options.strategies.length;
    const scores = new Int32Array((end - start) * S);
    for (let d = start; d < end; d++) {
      scores.set(scoreDrawRange(draw, options, d, d + 1), (d - start) * S);
      scope.postMessage({ type: "progress", done: d - start + 1 });
    }
    scope.postMessage({ type: "done", scores }, [scores.buffer]);
  } catch (error) {
    scope.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
