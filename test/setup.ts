import fc from "fast-check";
import { afterEach, beforeEach, vi } from "vitest";

// Property tests use a pinned seed in CI (FC_SEED, set by .ci/run) so a red run can be replayed exactly; locally
// each run draws a new seed, and a failure prints `{ seed, path }` to replay it (fast-check's report does this).
const seedText = process.env["FC_SEED"];
if (process.env["CI"] === "true" && seedText === undefined) {
  throw new Error("Missing env variable for FC_SEED in CI context");
}
const seed = seedText === undefined ? undefined : Number(seedText);
if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(seedText)}`);
fc.configureGlobal({ ...(seed === undefined ? {} : { seed }), numRuns: Number(process.env["FC_NUM_RUNS"] ?? 200) });

// A stray console call in library code is a bug (the CLI writes through its injected io), so fail the test.
const methods = ["log", "info", "warn", "error", "debug"] as const;
beforeEach(() => {
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      throw new Error(`unexpected console.${method}: ${args.map(String).join(" ")}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});
