// Worker-thread side of `runMonteCarloInWorkers`: scores a contiguous range of draws. Node-only (loaded by tinypool).
import { type MarketDrawer, type MonteCarloOptions, scoreDrawRange } from "../strategy/monteCarlo.ts";

export interface MonteCarloTask {
  /** URL of an ES module exporting the market drawer. */
  drawModule: string;
  /** Name of the export, a `(seed) => CompiledMarket` function (or, with `drawArgs`, a factory of one). */
  drawExport: string;
  /** When present, the export is a factory called once per worker with these (structured-cloneable) arguments. */
  drawArgs?: unknown;
  options: MonteCarloOptions;
  /** Draws `start … end - 1`. */
  start: number;
  end: number;
}

const drawers = new Map<string, MarketDrawer>();

export default async function scoreRange(task: MonteCarloTask): Promise<Int32Array> {
  const key = `${task.drawModule}#${task.drawExport}#${JSON.stringify(task.drawArgs) ?? ""}`;
  let draw = drawers.get(key);
  if (draw === undefined) {
    const module = (await import(task.drawModule)) as Record<string, unknown>;
    const exported = module[task.drawExport];
    if (typeof exported !== "function") throw new Error(`runMonteCarloInWorkers: ${task.drawModule} has no function export ${JSON.stringify(task.drawExport)}`);
    draw = task.drawArgs === undefined ? (exported as MarketDrawer) : (exported as (args: unknown) => MarketDrawer)(task.drawArgs);
    drawers.set(key, draw);
  }
  return scoreDrawRange(draw, task.options, task.start, task.end);
}
