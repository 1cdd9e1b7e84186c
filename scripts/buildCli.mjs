// Bundles the CLI into packages/core/dist/cli/ with esbuild: one file per entry (the CLI itself, and the Monte Carlo
// worker modules that tinypool loads by URL beside it), sharing chunks. Plain JavaScript so Node runs it with no
// loader. `pnpm matchlab` runs the bundle (see scripts/matchlab.mjs): Node then starts the CLI in tens of
// milliseconds, where tsx spends most of a second compiling the TypeScript sources on every run.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = `${root}packages/core/src/cli/`;

/** Writes the bundle; resolves when it is on disk. */
export async function buildCli() {
  await build({
    entryPoints: ["main.ts", "monteCarloWorkerEntry.js", "monteCarloWorker.ts", "placedDrawer.ts"].map((file) => cli + file),
    outdir: `${root}packages/core/dist/cli`,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    conditions: ["@matchlab/source"],
    // The worker entry imports tsx only when it runs from the TypeScript sources, never from the bundle; tinypool
    // starts its threads from a script of its own, found beside its module, so it stays in node_modules.
    external: ["tsx", "tsx/*", "tinypool"],
    // CommonJS dependencies (seedrandom) may call require() for Node built-ins: give the ES module one.
    banner: { js: 'import { createRequire as __matchlabCreateRequire } from "node:module"; const require = __matchlabCreateRequire(import.meta.url);' },
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
