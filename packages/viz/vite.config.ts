import { defaultClientConditions, defineConfig, type Plugin } from "vite";
import { offlineCache } from "./offlineCache.ts";

/**
 * The dev server injects CSS through <style> tags, so index.html allows inline styles; the build links a CSS
 * file, so its policy drops 'unsafe-inline' (scripts never get it).
 */
function strictStylePolicy(): Plugin {
  return {
    name: "matchlab-strict-style-policy",
    apply: "build",
    transformIndexHtml: (html) => html.replace("style-src 'self' 'unsafe-inline'", "style-src 'self'"),
  };
}

export default defineConfig({
  // Relative asset URLs: the built app works from any folder, or opened from a static file server.
  base: "./",
  plugins: [strictStylePolicy(), offlineCache()],
  // Workspace packages resolve to their TypeScript source. Setting conditions replaces Vite's defaults, so keep them.
  resolve: { conditions: ["@matchlab/source", ...defaultClientConditions] },
  worker: { format: "es" },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  server: { host: "127.0.0.1" },
});
