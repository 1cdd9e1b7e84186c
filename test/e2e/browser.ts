import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { preview, type PreviewServer } from "vite";

/** Launch arguments for Debian's Chromium in a container (see TOOLCHAIN.md, "Browser tests"). */
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface AppSession {
  origin: string;
  context: BrowserContext;
  /** Console errors, page errors and requests outside the app's origin, collected over the whole session. */
  problems: string[];
  newPage(width?: number, height?: number): Promise<Page>;
  close(): Promise<void>;
}

/** Serves packages/viz/dist on 127.0.0.1 (a free port) and opens Chromium with a throwaway profile. */
export async function openApp(): Promise<AppSession> {
  const root = new URL("../../packages/viz/", import.meta.url).pathname;
  const server: PreviewServer = await preview({ root, configFile: false, logLevel: "error", preview: { host: "127.0.0.1", port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (address === null || typeof address === "string") throw new Error("openApp: the preview server has no port");
  const origin = `http://127.0.0.1:${address.port}`;
  const home = mkdtempSync(join(tmpdir(), "matchlab-e2e-"));
  // Chromium writes under XDG dirs even with a profile directory: keep it all in the temporary folder.
  for (const dir of ["config", "cache"]) mkdirSync(join(home, dir));
  const context = await chromium.launchPersistentContext(join(home, "profile"), {
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    headless: true,
    args,
    env: { ...process.env, XDG_CONFIG_HOME: join(home, "config"), XDG_CACHE_HOME: join(home, "cache"), HOME: home },
    viewport: { width: 1280, height: 900 },
  });
  const problems: string[] = [];
  const watch = (page: Page): void => {
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  };
  // On the context, not the page: requests from every page, its workers and the service worker are all seen.
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.push(`request outside the app: ${url}`);
  });
  context.on("page", watch);
  for (const page of context.pages()) watch(page);
  return {
    origin,
    context,
    problems,
    async newPage(width = 1280, height = 900) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      return page;
    },
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(home, { recursive: true, force: true });
    },
  };
}
