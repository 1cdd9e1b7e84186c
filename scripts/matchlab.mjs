// `pnpm matchlab …`: runs the bundled CLI (packages/core/dist/cli/main.js), rebuilding it first when any source file
// of packages/core is newer than the bundle, so the command always runs the current code at the bundle's speed.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = `${root}packages/core/dist/cli/main.js`;

/** The newest modification time (ms) of any file under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = [`${root}packages/core/src`, `${root}packages/core/package.json`, `${root}scripts/buildCli.mjs`];
const builtAt = existsSync(bundle) ? statSync(bundle).mtimeMs : -1;
if (sources.some((path) => (statSync(path).isDirectory() ? newestMtime(path) : statSync(path).mtimeMs) > builtAt)) {
  const { buildCli } = await import("./buildCli.mjs");
  await buildCli();
}
await import(pathToFileURL(bundle).href);
