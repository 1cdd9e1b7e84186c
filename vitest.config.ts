import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// In CI the suite also writes a JSON report, which .ci/run reads to print its closing "N passed, N failed" line.
const ci = process.env["CI"] === "true";

export default defineConfig({
  // Workspace packages resolve to their TypeScript source. Setting conditions replaces Vite's defaults, so keep them.
  resolve: { conditions: ["@matchlab/source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["@matchlab/source", ...defaultServerConditions] } },
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    reporters: ci ? ["default", "json"] : ["default"],
    ...(ci ? { outputFile: { json: "test-results/vitest.json" } } : {}),
  },
});
