import { availableParallelism } from "node:os";
import { checkMonteCarloOptions, type MonteCarloOptions, type MonteCarloReport, summarizeMonteCarlo } from "../strategy/monteCarlo.ts";
import type { MonteCarloTask } from "./monteCarloWorker.ts";

export interface MonteCarloWorkersOptions {
  /** URL of an ES module exporting the market drawer (workers cannot receive functions). */
  drawModule: string;
  /** Name of the drawer export. @defaultValue "drawMarket" */
  drawExport?: string;
  /**
   * Arguments for a drawer factory: when given, the export is called once per worker as `drawExport(drawArgs)`
   * and must return the drawer (e.g. a preset market with the user placed in it). Must be structured-cloneable.
   */
  drawArgs?: unknown;
  /** Worker threads. @defaultValue os.availableParallelism() */
  workers?: number;
  /** Draws per task: smaller gives finer progress, larger less overhead. @defaultValue ceil(draws / (4 × workers)) */
  chunk?: number;
  /** Node flags for the workers, e.g. `--conditions=@matchlab/source`. @defaultValue process.execArgv */
  execArgv?: string[];
  onProgress?: (done: number, total: number) => void;
  /** Cancels queued and running tasks; the promise rejects. */
  signal?: AbortSignal;
}

/**
 * `runMonteCarlo` shared out over worker threads (tinypool). Draw d always uses `drawSeed(seed, d)` and its scores
 * land in row d, so the report is identical whatever the number of workers or the chunk size.
 */
export async function runMonteCarloInWorkers(options: MonteCarloOptions, pool: MonteCarloWorkersOptions): Promise<MonteCarloReport> {
  checkMonteCarloOptions(options, "runMonteCarloInWorkers");
  const workers = pool.workers ?? availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 1) throw new RangeError(`runMonteCarloInWorkers: workers must be a whole number ≥ 1, got ${workers}`);
  const chunk = pool.chunk ?? Math.max(1, Math.ceil(options.draws / (4 * workers)));
  const S = options.strategies.length;
  const scores = new Int32Array(options.draws * S);
  // Imported here, not at the top: every CLI command would otherwise load tinypool and worker_threads at start-up.
  const { default: Tinypool } = await import("tinypool");
  const tinypool = new Tinypool({
    filename: new URL("./monteCarloWorkerEntry.js", import.meta.url).href,
    minThreads: 1,
    maxThreads: workers,
    execArgv: pool.execArgv ?? process.execArgv,
  });
  let done = 0;
  try {
    const tasks: Promise<void>[] = [];
    for (let start = 0; start < options.draws; start += chunk) {
      const end = Math.min(options.draws, start + chunk);
      const task: MonteCarloTask = { drawModule: pool.drawModule, drawExport: pool.drawExport ?? "drawMarket", options, start, end, ...(pool.drawArgs === undefined ? {} : { drawArgs: pool.drawArgs }) };
      tasks.push(
        (tinypool.run(task, pool.signal === undefined ? {} : { signal: pool.signal }) as Promise<Int32Array>).then((rows) => {
          scores.set(rows, start * S);
          done += end - start;
          pool.onProgress?.(done, options.draws);
        }),
      );
    }
    await Promise.all(tasks);
  } finally {
    await tinypool.destroy();
  }
  return summarizeMonteCarlo(options, scores);
}
