import { summarizeMonteCarlo, type MonteCarloOptions, type MonteCarloReport, type PlacedDrawerOptions } from "@matchlab/core";
import type { McReply, McRequest, PeerTally } from "./mcProtocol.ts";
import { addPeers, scoreLabRange } from "./mcRange.ts";

export interface LabMonteCarloOptions {
  /** Called with draws done so far (over all workers). */
  onProgress: (done: number, total: number) => void;
  /** Web Workers to share the draws between. @defaultValue min(navigator.hardwareConcurrency, 4), at most one per draw */
  workers?: number;
}

/** Core's report, plus the tally of the other applicants of her type in the same markets. */
export interface LabMonteCarloResult {
  report: MonteCarloReport;
  peers: PeerTally;
}

/** A running Monte Carlo: `result` settles with the report, or rejects with "cancelled" after `cancel()`. */
export interface MonteCarloRun {
  result: Promise<LabMonteCarloResult>;
  cancel(): void;
}

/**
 * Runs core's Monte Carlo over markets drawn around her (createPlacedDrawer, seedrandom's Alea as in the CLI) in
 * Web Workers, each scoring a contiguous range of draws. Draw i uses drawSeed(seed, i) wherever it runs, so the
 * report is the same for any number of workers, and the same as `matchlab strategy --monte-carlo`'s.
 */
export function runLabMonteCarlo(drawer: PlacedDrawerOptions, options: MonteCarloOptions, run: LabMonteCarloOptions): MonteCarloRun {
  const S = options.strategies.length;
  const total = options.draws;
  if (typeof Worker === "undefined") {
    // No workers (jsdom): score inline, in one go.
    const { scores, peers } = scoreLabRange(drawer, options, 0, total, (done) => run.onProgress(done, total));
    return { result: Promise.resolve({ report: summarizeMonteCarlo(options, scores), peers }), cancel() {} };
  }
  const count = Math.max(1, Math.min(run.workers ?? Math.min(navigator.hardwareConcurrency || 2, 4), total));
  const workers: Worker[] = [];
  const done = new Array<number>(count).fill(0);
  const scores = new Int32Array(total * S);
  let reject: (error: Error) => void = () => {};
  let peers: PeerTally = { applicants: [], matched: [] };
  const result = new Promise<LabMonteCarloResult>((resolve, fail) => {
    reject = fail;
    let finished = 0;
    for (let w = 0; w < count; w++) {
      const start = Math.floor((w * total) / count);
      const end = Math.floor(((w + 1) * total) / count);
      const worker = new Worker(new URL("./mcWorker.ts", import.meta.url), { type: "module", name: `matchlab-monte-carlo-${w}` });
      workers.push(worker);
      worker.onmessage = (event: MessageEvent<McReply>) => {
        const reply = event.data;
        if (reply.type === "progress") {
          done[w] = reply.done;
          run.onProgress(done.reduce((x, y) => x + y, 0), total);
        } else if (reply.type === "error") {
          stop();
          fail(new Error(reply.message));
        } else {
          scores.set(reply.scores, start * S);
          peers = addPeers(peers, reply.peers);
          worker.terminate();
          if (++finished === count) resolve({ report: summarizeMonteCarlo(options, scores), peers });
        }
      };
      const request: McRequest = { drawer, options, start, end };
      worker.postMessage(request);
    }
  });
  const stop = (): void => {
    for (const worker of workers) worker.terminate();
  };
  return {
    result,
    cancel() {
      stop();
      reject(new Error("cancelled"));
    },
  };
}
