import { PLACED_APPLICANT_ID, type ApplicantType, type MonteCarloOptions, type MonteCarloReport, type PlacedDrawerOptions } from "@matchlab/core";
import { h } from "../shell/dom.ts";
import { runLabMonteCarlo, type MonteCarloRun } from "./monteCarlo.ts";
import { distributionTable, renderDistributions, renderMatchCurve } from "./renderMonteCarlo.ts";
import { cliEquivalent, curvePoints, labStrategies, peerPoints, type CurvePoint, type McInput } from "./strategies.ts";

/** Her peers in the drawn markets, for the curve's legend. */
const PEERS: Record<ApplicantType, string> = {
  "us-md": "other U.S. MD seniors",
  "us-do": "other U.S. DO seniors",
  "us-img": "other U.S. citizen IMGs",
  "non-us-img": "other non-U.S. citizen IMGs",
  other: "other applicants of your type",
};

/** "Under uncertainty": Monte Carlo over markets drawn around her, in Web Workers, with progress and Cancel. */
export function mcPanel(doc: Document, input: () => McInput | null): { element: HTMLElement; destroy(): void } {
  const draws = h(doc, "input", { id: "lab-mc-draws", type: "number", min: 1, max: 2000, step: 1, value: 40, inputmode: "numeric" });
  const seed = h(doc, "input", { id: "lab-mc-seed", type: "number", min: 0, max: 4294967295, step: 1, value: 1, inputmode: "numeric" });
  const runButton = h(doc, "button", { type: "button", class: "primary" }, "Run Monte Carlo");
  const cancel = h(doc, "button", { type: "button", disabled: true }, "Cancel");
  const progress = h(doc, "progress", { max: 1, value: 0, "aria-label": "Monte Carlo progress" });
  const status = h(doc, "p", { class: "mc-status", role: "status" });
  // Focusable: on a phone the charts scroll sideways inside it (see lab.css).
  const results = h(doc, "div", { class: "mc-results", tabindex: 0, role: "region", "aria-label": "Monte Carlo results" });
  let running: MonteCarloRun | null = null;
  const finish = (): void => {
    running = null;
    runButton.disabled = false;
    cancel.disabled = true;
  };
  runButton.addEventListener("click", () => {
    const current = input();
    if (current === null || current.trueList.length === 0) {
      status.textContent = "Describe yourself and place yourself in a market first (Monte Carlo draws markets around your profile), with at least one program on your true list.";
      return;
    }
    const n = Math.round(Number(draws.value));
    const s = Math.round(Number(seed.value));
    if (!(n >= 1 && n <= 2000) || !(s >= 0 && s <= 0xffffffff)) {
      status.textContent = "Draws: 1 to 2,000; seed: a whole number from 0 to 4294967295.";
      return;
    }
    const trueList = [...current.trueList];
    const drawer: PlacedDrawerOptions = { ...current.drawer, profile: { ...current.drawer.profile, list: trueList } };
    const options: MonteCarloOptions = { applicant: PLACED_APPLICANT_ID, draws: n, seed: s, strategies: labStrategies(trueList) };
    progress.max = n;
    progress.value = 0;
    runButton.disabled = true;
    cancel.disabled = false;
    status.textContent = `Drawing ${n} markets…`;
    const t0 = performance.now();
    const run = runLabMonteCarlo(drawer, options, {
      onProgress: (done, total) => {
        progress.value = done;
        status.textContent = `${done} of ${total} markets drawn`;
      },
    });
    running = run;
    run.result.then(
      ({ report, peers }) => {
        if (running !== run) return;
        finish();
        status.textContent = `Done: ${n} markets in ${((performance.now() - t0) / 1000).toFixed(1)} s.`;
        show(report, peerPoints(peers), { drawer, trueList }, trueList.length);
      },
      (error: Error) => {
        if (running !== run) return;
        finish();
        status.textContent = error.message === "cancelled" ? `Cancelled after ${progress.value} of ${n} markets.` : `Monte Carlo failed: ${error.message}`;
      },
    );
  });
  cancel.addEventListener("click", () => running?.cancel());

  function show(report: MonteCarloReport, peers: CurvePoint[], used: McInput, n: number): void {
    const ctx = { document: doc, idPrefix: "lab-mc" };
    const compared = report.strategies.filter((s) => s.strategy.kind !== "truncate" || s.strategy.keep === Math.ceil(n / 2));
    const keep = Math.ceil(n / 2);
    results.replaceChildren(
      h(doc, "h4", {}, "Strategies compared"),
      renderDistributions(report, compared, ctx),
      distributionTable(doc, report, compared),
      h(doc, "h4", {}, "Probability of matching against programs ranked"),
      renderMatchCurve(curvePoints(report, n), peers, `${PEERS[used.drawer.profile.type]} in these markets`, ctx),
      h(doc, "p", { class: "hint" }, "Your curve is causal: the same markets, you ranking only your first k programs. Your peers' curve is an association, as in the NRMP's Charting Outcomes: stronger applicants get more interviews and rank more programs."),
      h(doc, "p", { class: "hint" }, "Same seed, same figures: this command line gives the same four rows."),
      h(doc, "pre", { class: "cli" }, h(doc, "code", {}, cliEquivalent(used, report.draws, report.seed, keep))),
    );
  }

  const element = h(
    doc,
    "section",
    { class: "lab-panel mc", "aria-labelledby": "lab-mc-title" },
    h(doc, "h3", { id: "lab-mc-title" }, "Under uncertainty"),
    h(doc, "p", { class: "hint" }, "You never know the other applicants' lists. Draw many markets around your profile (others, interviews and tastes redrawn; your interviews are your true list) and compare strategies over all of them."),
    h(doc, "p", { class: "field" }, h(doc, "label", { for: "lab-mc-draws" }, "Markets to draw"), " ", draws, " ", h(doc, "label", { for: "lab-mc-seed" }, "Seed"), " ", seed),
    h(doc, "p", {}, runButton, " ", cancel, " ", progress),
    status,
    results,
  );
  return { element, destroy: () => running?.cancel() };
}
