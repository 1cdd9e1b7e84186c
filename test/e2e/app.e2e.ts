import { parseScenarioText } from "@matchlab/core";
import { readFileSync } from "node:fs";
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

const runAMatch = JSON.parse(readFileSync(new URL("../../scenarios/run-a-match-5x3.json", import.meta.url), "utf8")) as {
  expected: { applicantProposing: Record<string, string | null> };
};

/** Opens the workbench on a clean slate: no autosave from an earlier test. */
async function freshWorkbench(): Promise<Page> {
  const page = await app.newPage();
  await page.goto(`${app.origin}/#/workbench`);
  await page.evaluate("localStorage.clear()");
  await page.reload();
  await page.waitForSelector(".results table");
  return page;
}

async function shownMatching(page: Page): Promise<Record<string, string>> {
  return page.$$eval("table.matching tbody tr", (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute("data-applicant") ?? "", r.querySelector("td")?.textContent ?? ""])),
  );
}

describe("matchlab app in Chromium", () => {
  it("should step through the Run-A-Match animation to the published final matching", async () => {
    const page = await app.newPage();
    await page.goto(`${app.origin}/#/theater?scenario=run-a-match`);
    await page.waitForSelector("svg.bipartite");
    const forward = page.getByRole("button", { name: "Step forward" });
    let steps = 0;
    let sawBump = false;
    while ((await forward.getAttribute("aria-disabled")) !== "true") {
      await forward.click();
      steps++;
      // The README shows the first bump ("Chen is bumped from City: City prefers Eastman").
      if (!sawBump && (await page.locator(".narration").textContent())!.includes("is bumped from")) {
        sawBump = true;
        await screenshot(page, "theater", true);
      }
      expect(steps).toBeLessThan(200);
    }
    expect(await page.locator(".narration").textContent()).toMatch(/^\d+\. /);
    expect(await page.locator("table.matching caption").textContent()).toBe("Final matching");
    expect(await shownMatching(page)).toEqual(Object.fromEntries(Object.entries(runAMatch.expected.applicantProposing).map(([a, p]) => [a, p ?? "—"])));
    expect(sawBump).toBe(true);
    await screenshot(page, "theater-final");
    await page.getByRole("button", { name: "Step back" }).click();
    expect(await page.locator("table.matching caption").textContent()).toBe(`Tentative holds after event ${steps - 1}`);
    await page.close();
  });

  it("should highlight differing applicants, explain why-not and find the blocking pair of a hand-made matching", async () => {
    const page = await app.newPage();
    await page.goto(`${app.origin}/#/theater?scenario=appic-2x2&side=program`);
    await page.waitForSelector("svg.bipartite");
    expect(await page.locator(".applicant.differs").count()).toBe(2);
    await page.getByRole("button", { name: "Go to end" }).click();
    // Program-proposing gives Y her 2nd choice A; B ranked her last behind Z, whom it holds.
    await page.locator('[data-applicant="0"]').first().press("Enter");
    const why = await page.locator(".why-not").textContent();
    expect(why).toContain("Your 1st choice: B filled its only position with applicant it ranked 1st; it ranked you 2nd (Z).");
    await screenshot(page, "theater-why-not");
    // ← steps back from the diagram without losing the keyboard focus on Y, and the panels stay put.
    await page.keyboard.press("ArrowLeft");
    expect(await page.locator(".counter").textContent()).toBe("event 3 / 4");
    expect(await page.evaluate("document.activeElement.getAttribute('data-applicant')")).toBe("0");
    expect(await page.locator(".why-not").count()).toBe(1);
    // Run-A-Match: Ford matched General (her 2nd). Moved by hand to Mercy (her 3rd), she and General, which now
    // has an open position and ranked her, would both rather be together.
    await page.goto(`${app.origin}/#/theater?scenario=run-a-match`);
    await page.getByRole("button", { name: "Go to end" }).click();
    await page.selectOption("#break-applicant", { label: "Ford" });
    await page.selectOption("#break-program", { label: "Mercy" });
    await page.getByRole("button", { name: "Move", exact: true }).click();
    const verdict = await page.locator(".verdict").textContent();
    expect(verdict).toContain("✕ Unstable");
    expect(verdict).toContain("Blocking pair Ford + General: Ford ranked General 2nd, above Mercy (her 3rd); General ranked Ford #3 and has an unfilled position.");
    expect(await page.locator(".blocking path").count()).toBe(1);
    expect(await page.locator(".why-not li").allTextContents()).toContain("Your 2nd choice: General ranked you 3rd and would take you: this matching is not stable.");
    await screenshot(page, "theater-break-it", true);
    // The same move by dragging Ford's box onto Mercy.
    await page.getByRole("button", { name: "Reset to the engine's matching" }).click();
    expect(await page.locator(".verdict").count()).toBe(0);
    // The Reset button sits low in the side panel: bring the diagram back into the viewport before dragging.
    await page.evaluate("window.scrollTo(0, 0)");
    const from = (await page.locator('.applicants [data-applicant="2"]').boundingBox())!;
    const to = (await page.locator('[data-program="0"] .slot').first().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(await page.locator(".verdict").textContent()).toContain("Blocking pair Ford + General");
    await page.close();
  });

  it("should draw the lattice of stable matchings and step between them by click and keyboard", async () => {
    const page = await app.newPage();
    // Run-A-Match: both proposing sides agree, because there is only one stable matching.
    await page.goto(`${app.origin}/#/theater?scenario=run-a-match`);
    await page.waitForSelector("svg.lattice");
    expect(await page.locator(".lattice .matching-node").count()).toBe(1);
    expect(await page.locator(".lattice-panel").textContent()).toContain("exactly one stable matching");
    // APPIC 2×2: applicant-optimal (Y at B, Z at A) on top, program-optimal (Y at A, Z at B) below, one rotation.
    await page.goto(`${app.origin}/#/theater?scenario=appic-2x2`);
    await page.waitForSelector("svg.lattice");
    expect(await page.locator(".lattice .matching-node").count()).toBe(2);
    expect((await page.locator(".lattice .edge text").textContent())!.split(", ").sort()).toEqual(["Y: B → A", "Z: A → B"]);
    await page.locator('.lattice [data-matching="1"]').click();
    expect(await page.locator("table.matching caption").textContent()).toBe("Stable matching from the lattice");
    expect(await shownMatching(page)).toEqual({ Y: "A", Z: "B" });
    expect(await page.locator(".bipartite .applicant.moved").count()).toBe(2);
    expect(await page.locator(".lattice-status").textContent()).toBe("Showing Stable matching 2 of 2 (program-optimal): Y at A, Z at B.");
    await screenshot(page, "theater-lattice", true);
    // Keyboard: ↑ from the focused node undoes the rotation; the theater's ←/→ event stepping does not fire here.
    await page.locator('.lattice [data-matching="1"]').focus();
    await page.keyboard.press("ArrowUp");
    expect(await shownMatching(page)).toEqual({ Y: "B", Z: "A" });
    expect(await page.evaluate("document.activeElement.getAttribute('data-matching')")).toBe("0");
    await page.keyboard.press("ArrowRight");
    expect(await shownMatching(page)).toEqual({ Y: "A", Z: "B" });
    await page.getByRole("button", { name: "◀ Previous matching" }).click();
    expect(await shownMatching(page)).toEqual({ Y: "B", Z: "A" });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("should play and pause the animation, and stop on a stable matching picked in the lattice while playing", async () => {
    const page = await app.newPage();
    await page.goto(`${app.origin}/#/theater?scenario=run-a-match`);
    await page.waitForSelector("svg.bipartite");
    const counter = page.locator(".counter");
    await page.getByRole("button", { name: "Play" }).click();
    // Events are narrated when stepping, not while playing (a screen reader cannot keep up).
    expect(await page.locator(".narration").getAttribute("aria-live")).toBe("off");
    await page.locator(".counter", { hasText: /^event [2-9] / }).waitFor();
    await page.getByRole("button", { name: "Pause" }).click();
    const paused = await counter.textContent();
    await page.waitForTimeout(1200); // longer than one event at 1×
    expect(await counter.textContent()).toBe(paused);
    expect(await page.locator(".narration").getAttribute("aria-live")).toBe("polite");
    // APPIC 2×2 (4 events): picking the program-optimal matching mid-play jumps to the end and stops there.
    await page.goto(`${app.origin}/#/theater?scenario=appic-2x2`);
    await page.waitForSelector("svg.lattice");
    await page.getByRole("button", { name: "Play" }).click();
    await page.locator('.lattice [data-matching="1"]').click();
    expect(await counter.textContent()).toBe("event 4 / 4");
    expect(await page.locator("table.matching caption").textContent()).toBe("Stable matching from the lattice");
    expect(await page.locator(".controls button.primary").getAttribute("aria-label")).toBe("Play");
    // Stepping back leaves the picked matching for the engine's run.
    await page.getByRole("button", { name: "Step back" }).click();
    expect(await page.locator("table.matching caption").textContent()).toBe("Tentative holds after event 3");
    await page.close();
  });

  it("should animate the full-rules built-ins from the Roth–Peranson trace and step to the engine's final matching", async () => {
    const page = await app.newPage();
    /** Program → the names in its filled slots, as the diagram shows them now. */
    const slots = (): Promise<Record<string, string[]>> =>
      page.$$eval(".full-diagram .program", (gs) => Object.fromEntries(gs.map((g) => [g.getAttribute("data-name") ?? "", [...g.querySelectorAll(".slot.filled text")].map((t) => t.textContent ?? "")])));
    await page.goto(`${app.origin}/#/theater?scenario=couples-order-matters`);
    await page.waitForSelector(".full-diagram svg");
    expect(await page.locator(".full-note").textContent()).toContain("Couples move as linked pairs");
    expect(await page.locator("#side-program").isDisabled()).toBe(true);
    expect(await page.locator("svg.lattice").count()).toBe(0);
    expect(await slots()).toEqual({ A: [], B: [], C: [], D: [] });
    // Event 1 starts the run, event 2 admits couple X, event 3 is its proposal: two arrows at once.
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Step forward" }).click();
    expect(await page.locator("#full-narration").textContent()).toBe("X1 & X2 apply as a pair to (A, B)");
    expect(await page.locator(".full-diagram .event .arrow.propose").count()).toBe(2);
    // ← and → step too, from the diagram.
    await page.locator(".full-diagram").focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.locator("#full-narration").textContent()).toBe("X1 & X2 are held together at (A, B)");
    await page.keyboard.press("ArrowLeft");
    expect(await page.locator("#full-narration").textContent()).toBe("X1 & X2 apply as a pair to (A, B)");
    await page.getByRole("button", { name: "Go to end" }).click();
    // X, admitted first (lower member id), holds (A, B); Y's (A, B) failed, so it holds (C, D).
    expect(await slots()).toEqual({ A: ["X1"], B: ["X2"], C: ["Y1"], D: ["Y2"] });
    expect(await page.locator(".full-result .verdict strong").textContent()).toBe("✓ Stable");
    expect(await page.locator('tr[data-couple="X1+X2"] td').allTextContents()).toEqual(["A", "B", "pair #1"]);

    await page.goto(`${app.origin}/#/theater?scenario=couples-no-stable-matching`);
    await page.waitForSelector(".full-diagram svg");
    const loopAt = Number(await page.locator(".full-theater .timeline").getAttribute("max"));
    expect(loopAt).toBeGreaterThan(10);
    // Scrub to the first detected loop: its applicants and programs are highlighted.
    for (let k = 1; k <= loopAt; k++) {
      await page.locator(".full-theater .timeline").fill(String(k));
      if ((await page.locator("#full-narration").textContent())?.startsWith("Loop detected")) break;
    }
    expect(await page.locator("#full-narration").textContent()).toMatch(/^Loop detected: S, A2, A1 keep displacing one another at H1, H2/);
    expect(await page.locator(".full-diagram .applicant.in-loop").count()).toBe(3);
    await screenshot(page, "theater-couples", true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Go to end" }).click();
    expect(await page.locator(".full-result .verdict strong").textContent()).toBe("✕ No stable matching found");
    expect(await page.locator(".full-result .loop").textContent()).toMatch(/^Loop report: \d+ loops? detected/);
    const final = await page.$$eval(".full-result table.full tbody tr", (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute("data-applicant") ?? "", r.querySelector("td")?.textContent ?? ""])));
    const shown = await slots();
    for (const [program, names] of Object.entries(shown)) for (const name of names) expect(final[name]).toContain(program);

    await page.goto(`${app.origin}/#/theater?scenario=supplemental-derm`);
    await page.waitForSelector(".full-diagram svg");
    await page.getByRole("button", { name: "Go to end" }).click();
    expect(await slots()).toEqual({ Derm: ["Ana"], "IM-Prelim": ["Ben"], "Surg-Prelim": ["Ana · PGY-1"], FM: [] });
    expect(await page.locator('.full-result tr[data-applicant="Ana"] td').allTextContents()).toEqual(["Derm (#1)", "Surg-Prelim (#2)"]);

    await page.goto(`${app.origin}/#/theater?scenario=reversion-chain`);
    await page.waitForSelector(".full-diagram svg");
    await page.getByRole("button", { name: "Go to end" }).click();
    // Neuro-PGY2's unfilled position reverted to IM-Prelim, where Eli took it; FM never had a position.
    expect(await slots()).toEqual({ FM: [], "IM-Prelim": ["Dee", "Eli"], "Neuro-PGY2": ["Cai"] });
    expect(await page.locator(".reversions li").allTextContents()).toEqual(["Round 1: Neuro-PGY2 reverted 1 unfilled position to IM-Prelim."]);
    await page.close();
  });

  it("should keep the couples of a scenario loaded in the workbench and show the full engine's result", async () => {
    const page = await freshWorkbench();
    await page.selectOption('select[aria-label="Start from a built-in scenario"]', "couples-no-stable-matching");
    await page.waitForSelector(".results .full-result");
    expect(await page.locator(".results .kept-rules").textContent()).toContain("This scenario has couples.");
    expect(await page.locator(".results .verdict strong").textContent()).toBe("✕ No stable matching found");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as { couples?: Array<{ members: string[] }> };
    expect(exported.couples?.map((c) => c.members)).toEqual([["A1", "A2"]]);
    await page.close();
  });

  it("should change the result when a rank list is edited by keyboard, and keep the edit after a reload", async () => {
    const page = await freshWorkbench();
    expect(await page.locator('.results tr[data-applicant="Eastman"] td.ap').textContent()).toBe("City (#1)");
    // Eastman ranks City, Mercy, General: move General to the top with Alt+↑ twice.
    const chip = page.locator('[data-focus="applicants-4-rol-2"]');
    await chip.focus();
    await page.keyboard.press("Alt+ArrowUp");
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(() => page.locator('.results tr[data-applicant="Eastman"] td.ap').textContent()).toBe("General (#1)");
    expect(await page.evaluate("document.activeElement?.getAttribute('data-focus')")).toBe("applicants-4-rol-0");
    await screenshot(page, "workbench", true);
    await page.reload();
    await page.waitForSelector(".results table");
    expect(await page.locator('[data-card="applicants[4]"] .chip-id').allTextContents()).toEqual(["General", "City", "Mercy"]);
    expect(await page.locator('.results tr[data-applicant="Eastman"] td.ap').textContent()).toBe("General (#1)");
    await page.close();
  });

  it("should reorder a rank list by drag and drop", async () => {
    const page = await freshWorkbench();
    // City ranks Eastman, Anderson, Chen, Davis, Ford: drag Ford onto the first entry.
    await page.locator('[data-focus="programs-1-rol-4"]').dragTo(page.locator('[data-focus="programs-1-rol-0"]'));
    await expect.poll(() => page.locator('[data-card="programs[1]"] .chip-id').allTextContents()).toEqual(["Ford", "Eastman", "Anderson", "Chen", "Davis"]);
    await page.close();
  });

  it("should validate as you type with the CLI's messages", async () => {
    const page = await freshWorkbench();
    const quota = page.getByLabel("Positions at Mercy");
    await quota.fill("two");
    const expected = parseScenarioText(JSON.stringify({ programs: [{ id: "Mercy", quota: "two", rol: [] }], applicants: [] }));
    expect(expected.ok).toBe(false);
    const message = expected.ok ? "" : `programs[0].quota: ${expected.issues[0]!.message}`;
    await expect.poll(() => page.locator(".issues li").allTextContents()).toContain(message);
    expect(await quota.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(`#${await quota.getAttribute("aria-describedby")}`).textContent()).toBe(message);
    await page.getByLabel("New entry for Chen's list").fill("Nowhere");
    await page.getByLabel("New entry for Chen's list").press("Enter");
    await expect.poll(() => page.locator('[data-card="applicants[1]"] .card-issues li').allTextContents()).toEqual([
      'applicants[1].rol[2]: unknown program "Nowhere"',
    ]);
    await screenshot(page, "workbench-invalid", true);
    await page.getByLabel("Remove Nowhere from Chen's list").click();
    await quota.fill("2");
    await expect.poll(() => page.locator(".issues .ok").count()).toBe(1);
    await page.close();
  });

  it("should show the validator's message for an imported file with an error, and change nothing", async () => {
    const page = await freshWorkbench();
    const bad = JSON.stringify({ programs: [{ id: "City", quota: 1, rol: ["Ann"] }], applicants: [{ id: "Ann", rol: ["Nowhere"] }] });
    const parsed = parseScenarioText(bad);
    if (parsed.ok) throw new Error("the fixture should be invalid");
    await page.setInputFiles("#import-file", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(bad) });
    // Reading the file is asynchronous: wait for the message.
    await expect.poll(() => page.locator(".import-error").textContent()).toContain("Could not import bad.json");
    const shown = await page.locator(".import-error").textContent();
    for (const issue of parsed.issues) expect(shown).toContain(`bad.json: ${issue.path}: ${issue.message}`);
    await page.setInputFiles("#import-file", { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("list_owner,kind,rank,ranked_id\nCity,quota,1,\nCity,program,first,Ann\n") });
    await expect.poll(() => page.locator(".import-error").textContent()).toContain('bad.csv: row 3: rank must be a whole number from 1, got "first"');
    await screenshot(page, "workbench-import-error");
    expect(await page.locator('[data-card="programs[0]"] .id-input').inputValue()).not.toBe("");
    await page.close();
  });

  it("should run a large imported market in the Web Worker", async () => {
    const page = await freshWorkbench();
    // 400 applicants × 8 ranks + 40 programs × 80 ranks = 6400 entries, over the inline limit of 1000.
    const programs = Array.from({ length: 40 }, (_, p) => ({ id: `P${p}`, quota: 8, rol: Array.from({ length: 80 }, (_, k) => `A${(p * 7 + k) % 400}`) }));
    const applicants = Array.from({ length: 400 }, (_, a) => ({ id: `A${a}`, rol: Array.from({ length: 8 }, (_, k) => `P${(a + k * 3) % 40}`) }));
    const worker = page.waitForEvent("worker");
    await page.setInputFiles("#import-file", { name: "big.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ name: "big", programs, applicants })) });
    await expect.poll(() => page.locator(".results p").first().textContent(), { timeout: 20_000 }).toMatch(/of 400 applicants matched/);
    expect(await page.locator(".results p").first().textContent()).toMatch(/^\d+ of 400/);
    expect((await worker).url()).toMatch(new RegExp(`^${app.origin}/assets/worker-[\\w-]+\\.js$`));
    await page.close();
  });

  it("should run a large imported couples market on the full engine in the Web Worker", async () => {
    const page = await freshWorkbench();
    // 400 singles × 8 ranks + 40 programs × 90 ranks + 20 couples × 6 pairs = 7040 entries, over the inline limit.
    const couples = Array.from({ length: 20 }, (_, c) => ({
      members: [`C${c}a`, `C${c}b`],
      rol: Array.from({ length: 6 }, (_, k) => [`P${(c + k) % 40}`, `P${(c + k + 1) % 40}`]),
    }));
    const programs = Array.from({ length: 40 }, (_, p) => ({
      id: `P${p}`,
      quota: 8,
      rol: [...Array.from({ length: 80 }, (_, k) => `A${(p * 7 + k) % 400}`), ...Array.from({ length: 10 }, (_, k) => `C${(p + k) % 20}${k % 2 === 0 ? "a" : "b"}`)],
    }));
    const applicants = Array.from({ length: 400 }, (_, a) => ({ id: `A${a}`, rol: Array.from({ length: 8 }, (_, k) => `P${(a + k * 3) % 40}`) }));
    const worker = page.waitForEvent("worker");
    await page.setInputFiles("#import-file", { name: "big-couples.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ name: "big couples", programs, applicants, couples })) });
    await expect.poll(() => page.locator(".results .full-result .verdict strong").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator(".results table.couples tbody tr").count()).toBe(20);
    expect((await worker).url()).toMatch(new RegExp(`^${app.origin}/assets/worker-[\\w-]+\\.js$`));
    await page.close();
  });

  it("should recover from a corrupt autosave and say so", async () => {
    const page = await freshWorkbench();
    await page.evaluate("localStorage.setItem('matchlab.workbench.v1', '{not json')");
    await page.reload();
    await expect.poll(() => page.locator(".notice").textContent()).toContain("The saved workbench could not be read");
    expect(await page.locator('[data-card="programs[0]"] .id-input').inputValue()).toBe("Mercy");
    // Nothing typed is lost: the unreadable text comes back as a file.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the unreadable save" }).click()]);
    expect(readFileSync((await download.path())!, "utf8")).toBe("{not json");
    expect(await page.getByRole("button", { name: "Download the unreadable save" }).isHidden()).toBe(true);
    await page.close();
  });

  it("should say when browser storage is full, and keep working", async () => {
    const page = await app.newPage();
    await page.addInitScript("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }");
    await page.goto(`${app.origin}/#/workbench`);
    await page.waitForSelector(".results table");
    await page.locator("#scenario-name").fill("typed while full");
    await expect.poll(() => page.locator(".notice").textContent()).toMatch(/^browser storage is full \(QuotaExceededError\), so this edit is not saved/);
    await page.getByLabel("Program id").first().fill("Renamed");
    await page.getByLabel("Program id").first().press("Enter");
    await expect.poll(() => page.locator(".results table").count()).toBeGreaterThan(0);
    await page.close();
  });

  it("should refuse a malformed or too large import with a message, and stay usable", async () => {
    const page = await freshWorkbench();
    await page.setInputFiles("#import-file", { name: "photo.json", mimeType: "application/json", buffer: Buffer.from([0, 1, 2, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47]) });
    await expect.poll(() => page.locator(".import-error").textContent()).toContain("Could not import photo.json. Nothing was changed.photo.json: (file): not valid JSON: the file looks binary");
    // A 65 MiB file made in the page: refused from its size, before reading.
    await page.evaluate(`(() => {
      const input = document.getElementById("import-file");
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(65 * 1024 * 1024)], "huge.json"));
      input.files = files.files;
      input.dispatchEvent(new Event("change"));
    })()`);
    await expect.poll(() => page.locator(".import-error").textContent()).toContain("huge.json: (file): the file is 65.0 MB, over the workbench's limit of 64.0 MB");
    await page.locator("#scenario-name").fill("still alive");
    expect(await page.locator('[data-card="programs[0]"] .id-input').inputValue()).toBe("Mercy");
    expect(await page.locator(".issues").textContent()).toContain("Valid scenario");
    await page.close();
  });

  it("should answer malformed addresses with a message, never a blank page", async () => {
    const page = await freshWorkbench();
    await page.goto(`${app.origin}/#/workbench?share=N4Ig%%ZZbroken`);
    await expect.poll(() => page.locator(".notice").textContent()).toBe("This share link is damaged or incomplete, so nothing was loaded.");
    // An unknown or garbled scenario name falls back to Run-A-Match.
    await page.goto(`${app.origin}/#/theater?scenario=%E0%A4%A`);
    await page.waitForSelector("svg.bipartite");
    expect(await page.locator("#scenario-select").inputValue()).toBe("run-a-match");
    await page.goto(`${app.origin}/#/%E0%A4%A?&&=&`);
    await page.waitForSelector("#view-title");
    expect(await page.locator("#view-title").textContent()).not.toBe("");
    await page.close();
  });

  it("should serve a Content-Security-Policy that allows no remote origin", async () => {
    const page = await app.newPage();
    await page.goto(`${app.origin}/#/theater`);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/connect-src 'self'/);
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
    await page.close();
  });

  it("should export the results as spreadsheet-safe CSV", async () => {
    const page = await freshWorkbench();
    await page.getByLabel("Program id").first().fill("=Mercy");
    await page.getByLabel("Program id").first().press("Enter");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Results CSV" }).click()]);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.split("\r\n")[0]).toBe("side,applicant,program,rank");
    // Chen matches the renamed Mercy; the cell is defused so a spreadsheet shows it as text.
    expect(text).toContain(`applicant-proposing,Chen,"'=Mercy",2`);
    await page.close();
  });

  it("should load a scenario shared through the URL fragment", async () => {
    const page = await freshWorkbench();
    await page.selectOption('select[aria-label="Start from a built-in scenario"]', "appic-2x2");
    await page.getByRole("button", { name: "Share link" }).click();
    const url = await page.locator(".share-url").inputValue();
    expect(url).toMatch(/#\/workbench\?share=/);
    await page.selectOption('select[aria-label="Start from a built-in scenario"]', "run-a-match");
    const other = await app.newPage();
    await other.goto(url);
    await other.waitForSelector(".results table");
    expect(await other.locator(".id-input").evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value))).toEqual(["A", "B", "Y", "Z"]);
    expect(other.url()).toBe(`${app.origin}/#/workbench`);
    await other.close();
    await page.close();
  });

  it("should fit a phone screen and reach every view by its address", async () => {
    const page = await app.newPage(390, 844);
    for (const view of ["theater", "workbench", "lab", "dashboard"]) {
      await page.goto(`${app.origin}/#/${view}`);
      await page.waitForSelector("#view-title");
      expect(await page.locator(`nav a[data-view="${view}"]`).getAttribute("aria-current")).toBe("page");
      expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).toBe(true);
      await screenshot(page, `phone-${view}`, view === "theater");
    }
    await page.close();
  });

  it("should open with no network at all once visited", async () => {
    const page = await app.newPage();
    await page.goto(`${app.origin}/#/theater?scenario=long-shot`);
    await page.evaluate("navigator.serviceWorker.ready.then(() => true)");
    await app.context.setOffline(true);
    try {
      await page.reload();
      await page.waitForSelector("svg.bipartite");
      expect(await page.locator("#scenario-select").inputValue()).toBe("long-shot");
      await page.getByRole("button", { name: "Go to end" }).click();
      expect(await page.locator("table.matching caption").textContent()).toBe("Final matching");
    } finally {
      await app.context.setOffline(false);
    }
    await page.close();
  });

  it("should pass axe-core's WCAG 2.1 A/AA checks on every view, including the panels", async () => {
    const page = await app.newPage();
    await page.goto(`${app.origin}/#/theater?scenario=run-a-match`);
    await page.getByRole("button", { name: "Go to end" }).click();
    await page.locator('[data-applicant="2"]').first().press("Enter");
    await page.getByRole("button", { name: "Move", exact: true }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
    for (const view of ["workbench", "lab", "dashboard"]) {
      await page.goto(`${app.origin}/#/${view}`);
      await page.waitForSelector("#view-title");
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    await page.close();
  });

  it("should log no console errors and request nothing outside its own origin", () => {
    expect(app.problems).toEqual([]);
  });
});
