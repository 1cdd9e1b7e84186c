import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// In CI the e2e run also writes a JSON report, which .ci/run adds to its closing "N passed, N failed" line.
const ci = process.env["CI"] === "true";

// End-to-end tests: the built app (run `vite build packages/viz` first) in Debian's Chromium via playwright-core.
// Kept apart from vitest.config.ts so `vitest run` needs no browser.
export default defineConfig({
  ssr: { resolve: { conditions: ["@matchlab/source", ...defaultServerConditions] } },
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ci ? ["default", "json"] : ["default"],
    ...(ci ? { outputFile: { json: "test-results/e2e.json" } } : {}),
  },
});
