import { copyFileSync, mkdirSync } from "node:fs";
import type { Page } from "playwright-core";

const artifacts = new URL("../../test-results/screenshots/", import.meta.url);
const docs = new URL("../../docs/screenshots/", import.meta.url);

/**
 * Saves a screenshot as a test artifact; with UPDATE_SCREENSHOTS=1 also refreshes the README's copy in
 * docs/screenshots (kept out of ordinary runs so a test run never dirties the work tree).
 */
export async function screenshot(page: Page, name: string, forDocs = false): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  const file = new URL(`${name}.png`, artifacts);
  // Finite CSS animations jump to their end, so the arrows and slots are captured fully drawn.
  await page.screenshot({ path: file.pathname, fullPage: true, animations: "disabled" });
  if (forDocs && process.env["UPDATE_SCREENSHOTS"] === "1") {
    mkdirSync(docs, { recursive: true });
    copyFileSync(file, new URL(`${name}.png`, docs));
  }
}
