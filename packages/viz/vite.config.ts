import { defaultClientConditions, defineConfig } from "vite";

export default defineConfig({
  // Workspace packages resolve to their TypeScript source; setting conditions replaces Vite's defaults, so keep them.
  resolve: { conditions: ["@matchlab/source", ...defaultClientConditions] },
  server: { fs: { allow: ["../.."] } },
});
