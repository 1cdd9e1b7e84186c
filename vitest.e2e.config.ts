import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// End-to-end tests: the built app (run `vite build packages/viz` first) in Debian's Chromium via playwright-core.
// Kept apart from vitest.config.ts so `vitest run` needs no browser.
export default defineConfig({
  ssr: { resolve: { conditions: ["@matchlab/source", ...defaultServerConditions] } },
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
