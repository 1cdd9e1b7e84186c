import "./dashboard.css";
import { h } from "../shell/dom.ts";
import type { ViewHandle } from "../shell/view.ts";
import type { RenderContext } from "../svg.ts";
import { CancelledError, DashboardClient } from "./client.ts";
import { dashboardControls } from "./controls.ts";
import { count } from "./format.ts";
import { couplesPanel, sidesPanel } from "./outcomePanels.ts";
import { imgPanel, ranksPanel, ratesPanel, unfilledPanel } from "./panels.ts";
import { STAGES, type DashboardSettings, type DashboardSummary, type Stage } from "./protocol.ts";
import { sameSettings, settingsFromParams, settingsToParams } from "./settings.ts";

const STAGE_TEXT: Record<Stage, string> = {
  generate: "Generating the market",
  compile: "Compiling rank lists",
  match: "Running the matching algorithm",
  compare: "Comparing with program-proposing",
  summarize: "Summarizing",
};

/** Yields to the event loop, so each panel renders in its own short task (no long task on the main thread). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The market dashboard: an NRMP-2025-scale synthetic Match generated and run in a Web Worker, drawn as six
 * panels. Settings live in the address, so a link reproduces a market; `navigate` writes them there.
 */
export function mountDashboard(container: HTMLElement, navigate: (params: Record<string, string>) => void): ViewHandle {
  const doc = container.ownerDocument;
  const client = new DashboardClient();
  let shown: DashboardSettings | null = null;
  let generation = 0;

  // Same settings: run again in place. New settings go through the address, whose update() starts the run.
  const onRun = (settings: DashboardSettings): void => {
    if (shown !== null && sameSettings(settings, shown)) void run(settings);
    else navigate(settingsToParams(settings));
  };
  const controls = dashboardControls(doc, onRun, () => client.cancel());
  const progress = h(doc, "progress", { max: 1, value: 0, "aria-label": "Progress of the run" });
  const status = h(doc, "p", { id: "dash-status", class: "dash-status", role: "status" });
  const results = h(doc, "div", { class: "dash-results", "data-state": "idle" });
  const section = h(
    doc, "section", { class: "view dashboard", "aria-labelledby": "view-title" },
    h(doc, "h2", { id: "view-title", tabindex: -1 }, "Market dashboard"),
    h(doc, "p", { class: "lesson" }, "A synthetic Main Residency Match at the scale of 2025, generated in your browser from published NRMP figures and matched with the NRMP's algorithm (couples included). It is a model to explore, not a prediction of any real Match."),
    controls.form,
    h(doc, "div", { class: "dash-progress" }, progress, status),
    results,
  );
  container.append(section);

  async function run(settings: DashboardSettings): Promise<void> {
    const mine = ++generation;
    shown = settings;
    controls.show(settings);
    controls.setRunning(true);
    progress.value = 0;
    status.textContent = "Starting the worker…";
    results.setAttribute("data-state", "running");
    results.setAttribute("aria-busy", "true");
    const started = performance.now();
    try {
      const summary = await client.run(settings, {
        progress(stage, done) {
          progress.value = done;
          status.textContent = `${STAGE_TEXT[stage]}… (step ${STAGES.indexOf(stage) + 1} of ${STAGES.length})`;
        },
      });
      if (mine !== generation) return;
      await render(summary, mine, started);
    } catch (error) {
      if (mine !== generation) return;
      progress.value = 0;
      status.textContent = error instanceof CancelledError ? "Cancelled. Change the settings or run again." : `The run failed: ${error instanceof Error ? error.message : String(error)}`;
      results.setAttribute("data-state", error instanceof CancelledError ? "cancelled" : "error");
      results.removeAttribute("aria-busy");
    } finally {
      if (mine === generation) controls.setRunning(false);
    }
  }

  async function render(s: DashboardSummary, mine: number, started: number): Promise<void> {
    // Draw at the width the chart will show at (two columns from 972 px, see dashboard.css), so text keeps its size.
    const total = results.clientWidth || 640;
    const columns = total >= 2 * 480 + 12 ? 2 : 1;
    const width = Math.max(280, Math.min(640, (total - 12 * (columns - 1)) / columns - 26));
    const ctx: RenderContext = { document: doc, idPrefix: "dash" };
    const builders: Array<[string, () => HTMLElement]> = [
      ["rates", () => ratesPanel(s, width, ctx)],
      ["ranks", () => ranksPanel(s, width, ctx)],
      ["unfilled", () => unfilledPanel(s, width, ctx)],
      ["img", () => imgPanel(s, width, ctx)],
      ["couples", () => couplesPanel(s, width, ctx)],
      ["sides", () => sidesPanel(s, ctx)],
    ];
    const grid = h(doc, "div", { class: "dash-grid" });
    const t0 = performance.now();
    results.replaceChildren(overview(doc, s), grid);
    performance.measure("dashboard panel overview", { start: t0 });
    for (const [name, build] of builders) {
      await nextTask();
      if (mine !== generation) return;
      // Each panel's main-thread cost shows in the browser's performance timeline (and the e2e test reads it).
      const t0 = performance.now();
      grid.append(build());
      performance.measure(`dashboard panel ${name}`, { start: t0 });
    }
    const seconds = (performance.now() - started) / 1000;
    progress.value = 1;
    status.textContent = `Done: ${count(s.applicants)} applicants generated and matched in ${seconds.toFixed(1)} s.`;
    results.setAttribute("data-state", "done");
    results.setAttribute("data-run-ms", String(Math.round(performance.now() - started)));
    results.removeAttribute("aria-busy");
  }

  return {
    update(params) {
      const settings = settingsFromParams(params);
      if (shown === null || !sameSettings(settings, shown)) void run(settings);
    },
    destroy() {
      generation++;
      client.destroy();
      section.remove();
    },
  };
}

/** The market in one paragraph: size, couples, the algorithm's verdict and where the time went. */
function overview(doc: Document, s: DashboardSummary): HTMLElement {
  const t = s.timings;
  const ms = (x: number): string => `${Math.round(x)} ms`;
  const verdict = s.couples.couples === 0 ? "Applicant-proposing deferred acceptance (no couples)." : s.completed ? `Roth–Peranson with couples: stable matching found${s.loopsDetected > 0 ? ` after ${s.loopsDetected} loop${s.loopsDetected === 1 ? "" : "s"}` : ""}.` : "Roth–Peranson with couples: no stable matching found in the orders tried; the matching shown is the last attempt's.";
  return h(
    doc, "div", { class: "panel dash-overview" },
    h(doc, "p", {}, `Seed ${s.settings.seed}: ${count(s.applicants)} applicants (${count(2 * s.couples.couples)} in ${count(s.couples.couples)} couples), ${count(s.programs)} programs, ${count(s.positions)} positions. ${verdict}`),
    h(doc, "p", { class: "hint" }, `In the worker: generate ${ms(t.generate)}, compile ${ms(t.compile)}, match ${ms(t.match)}, compare sides ${ms(t.compare)}, summarize ${ms(t.summarize)}.`),
  );
}
