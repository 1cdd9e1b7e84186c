// Worker-thread entry for runMonteCarloInWorkers, in plain JavaScript so Node can start it without a loader.
// A built package has monteCarloWorker.js beside it; running from the TypeScript source, register tsx in this
// thread first (a loader registered in the main thread does not reach worker threads on Node 20).
import { existsSync } from "node:fs";

const built = new URL("./monteCarloWorker.js", import.meta.url);
if (!existsSync(built)) {
  const { register } = await import("tsx/esm/api");
  register();
}
const worker = await import(existsSync(built) ? built.href : new URL("./monteCarloWorker.ts", import.meta.url).href);
export default worker.default;
