import { NRMP_2025, PUBLISHED_2025 } from "@matchlab/core";
import { availableParallelism, loadavg } from "node:os";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations } from "./axe.ts";
import { openApp, type AppSession } from "./browser.ts";
import { screenshot } from "./screenshots.ts";

let app: AppSession;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

/** The calibration targets' tolerance for match rates by applicant type (test/generate/calibration.test.ts). */
const RATE_TOLERANCE_POINTS = 3;
/**
 * The bounds are 3 s for an NRMP-scale generate and match and 100 ms for any main-thread task. Both are wall
 * clock, so on a shared machine they stretch with the queue for the CPU: the test scales them by how oversubscribed
 * the machine is (1-minute load average over cores, at least 1), and so holds them exactly on a quiet machine.
 */
const oversubscription = (): number => Math.max(1, loadavg()[0]! / availableParallelism());
const RUN_BUDGET_MS = 3000;
const LONG_TASK_MS = 100;

/** Records every main-thread long task (the browser reports those over 50 ms) from page load on. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(`
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: "longtask", buffered: true });
  `);
}

const longTasksSince = (page: Page, since: number): Promise<Array<{ start: number; duration: number }>> =>
  page.evaluate(`window.__longTasks.filter((t) => t.start + t.duration >= ${since})`);

/** Clicks "Generate and match" and waits for the six panels; returns the run's time as the page measured it. */
async function runAndWait(page: Page): Promise<{ runMs: number; since: number }> {
  const since = (await page.evaluate("performance.now()")) as number;
  await page.getByRole("button", { name: "Generate and match" }).click();
  await page.waitForSelector('.dash-results[data-state="running"]', { timeout: 5000 }).catch(() => undefined);
  await page.waitForSelector('.dash-results[data-state="done"]', { timeout: 30_000 });
  return { runMs: Number(await page.locator(".dash-results").getAttribute("data-run-ms")), since };
}

/** Match rate by type as the page's table shows it: type label → simulated percent. */
async function shownRates(page: Page): Promise<Record<string, number>> {
  await page.locator('[data-panel="rates"] summary').click();
  const rows = await page.locator('[data-panel="rates"] table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th")?.textContent ?? "", tr.querySelectorAll("td")[2]?.textContent ?? ""]),
  );
  return Object.fromEntries(rows.map(([label, value]) => [label, Number.parseFloat(value!)]));
}

describe("the market dashboard in Chromium", () => {
  it("should generate the dashboard market and show rates near the NRMP's, within the time and long-task budgets", async () => {
    const page = await app.newPage();
    await watchLongTasks(page);
    // The view runs the default market on opening; wait for it (worker start-up and first compile), then time a
    // run with another seed from the button, as a user would.
    await page.goto(`${app.origin}/#/dashboard`);
    await page.waitForSelector('.dash-results[data-state="done"]', { timeout: 30_000 });
    const first = Number(await page.locator(".dash-results").getAttribute("data-run-ms"));
    await page.locator("#dash-seed").fill("7");
    const load = oversubscription();
    const { runMs, since } = await runAndWait(page);
    expect(page.url()).toContain("seed=7");
    const longTasks = await longTasksSince(page, since);
    const inWorker = await page.locator(".dash-overview .hint").textContent();
    const panels = await page.evaluate(`performance.getEntriesByType("measure").filter((m) => m.name.startsWith("dashboard panel")).map((m) => m.name.slice(16) + " " + m.duration.toFixed(1)).join(", ")`);
    console.info(`dashboard: first run ${first} ms, second run ${runMs} ms (${inWorker}); panels drawn in ms: ${panels}; long tasks during the run: ${JSON.stringify(longTasks)}; load/cores ${load.toFixed(2)}`);
    expect(runMs).toBeLessThanOrEqual(RUN_BUDGET_MS * Math.max(load, oversubscription()));
    expect(longTasks.filter((t) => t.duration > LONG_TASK_MS * Math.max(load, oversubscription()))).toEqual([]);

    await screenshot(page, "dashboard", true);
    // Full NRMP scale, with couples, and every type's match rate near its published 2025 rate.
    expect(await page.locator(".dash-overview").textContent()).toContain(`${PUBLISHED_2025.activeApplicants.toLocaleString("en-US")} applicants`);
    expect(await page.locator(".dash-overview").textContent()).toMatch(/Roth–Peranson with couples: stable matching found/);
    const rates = await shownRates(page);
    const names: Record<string, string> = { "us-md": "U.S. MD seniors", "us-do": "U.S. DO seniors", "us-img": "U.S. IMGs", "non-us-img": "Non-U.S. IMGs", other: "Others" };
    for (const figures of NRMP_2025.applicantTypes) {
      expect(Math.abs(rates[names[figures.type]!]! - figures.matchRatePct), figures.type).toBeLessThanOrEqual(RATE_TOLERANCE_POINTS);
    }
    expect(Math.abs(rates["All applicants"]! - PUBLISHED_2025.matchRatePct)).toBeLessThanOrEqual(RATE_TOLERANCE_POINTS);
    // Every panel drew its chart; the proposing-side panel says on what basis it counted.
    for (const id of ["rates", "ranks", "unfilled", "img", "couples"]) expect(await page.locator(`[data-panel="${id}"] svg.dash-chart`).count()).toBeGreaterThan(0);
    expect(await page.locator('[data-panel="rates"] .reference').count()).toBe(6);
    expect(await page.locator('[data-panel="sides"]').textContent()).toContain("couples keep the positions the full algorithm gave them");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("should rerun from the address with no couples and compare the proposing sides on the whole market", async () => {
    const page = await app.newPage();
    await page.goto(`${app.origin}/#/dashboard?seed=3&applicants=5000&couples=0&list=10`);
    await page.waitForSelector('.dash-results[data-state="done"]', { timeout: 30_000 });
    expect(await page.locator("#dash-applicants").inputValue()).toBe("5000");
    expect(await page.locator(".dash-overview").textContent()).toContain("5,000 applicants (0 in 0 couples)");
    expect(await page.locator('[data-panel="couples"]').textContent()).toContain("This market has no couples");
    expect(await page.locator('[data-panel="sides"]').textContent()).toContain("Computed on the whole market");
    // An out-of-range field is marked and explained, and nothing runs.
    await page.locator("#dash-applicants").fill("10");
    await page.getByRole("button", { name: "Generate and match" }).click();
    expect(await page.locator(".dash-form-error").textContent()).toBe("Please check: Applicants: a whole number from 1,000 to 100,000.");
    expect(await page.locator("#dash-applicants").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".dash-results").getAttribute("data-state")).toBe("done");
    // Tables behind the charts open from the keyboard.
    await page.locator('[data-panel="ranks"] summary').focus();
    await page.keyboard.press("Enter");
    expect(await page.locator('[data-panel="ranks"] table tbody tr').first().locator("th").textContent()).toBe("1st");
    await page.close();
  });

  it("should cancel a run and say so", async () => {
    const page = await app.newPage();
    await page.goto(`${app.origin}/#/dashboard?seed=11&applicants=100000`);
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => page.locator(".dash-status").textContent()).toContain("Cancelled");
    expect(await page.locator(".dash-results").getAttribute("data-state")).toBe("cancelled");
    await page.close();
  });

  it("should fit a phone screen", async () => {
    const page = await app.newPage(390, 844);
    await page.goto(`${app.origin}/#/dashboard?applicants=5000`);
    await page.waitForSelector('.dash-results[data-state="done"]', { timeout: 30_000 });
    expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).toBe(true);
    await screenshot(page, "phone-dashboard-results");
    await page.close();
  });

  it("should log no console errors and request nothing outside its own origin", () => {
    expect(app.problems).toEqual([]);
  });
});
