import type { Scenario } from "@matchlab/core";
import type { FullRun } from "../engine/runFull.ts";
import { fullResultView } from "../fullResultView.ts";
import { h } from "../shell/dom.ts";
import { createControls } from "./controls.ts";
import { fullFrame, slotCapacity } from "./fullScene.ts";
import { createPlaybackClock } from "./playbackClock.ts";
import { fullStyles, renderFullScene } from "./renderFullScene.ts";

export interface FullTheater {
  root: HTMLElement;
  /** Shows the frame after `step` events (clamped). */
  go(step: number): void;
  /** Steps forward or back (the theater's ← and → keys). */
  step(delta: number): void;
  /** Stops playback (when the theater is left or another scenario is picked). */
  stop(): void;
}

/**
 * The theater for scenarios with couples, supplemental lists, reversions or even-number requests: the Roth–Peranson
 * engine's trace animated with the same controls as the simple theater, above the final matching and the stability
 * verdict. The theater view routes its ← and → keys here.
 */
export function createFullTheater(doc: Document, scenario: Scenario, run: FullRun): FullTheater {
  const total = run.events.length;
  const capacity = slotCapacity(run);
  const clock = createPlaybackClock({ total: () => total, draw });
  const narration = h(doc, "p", { class: "narration", "aria-live": "polite", id: "full-narration" });
  const diagram = h(doc, "div", { class: "diagram full-diagram", tabindex: 0, "aria-label": "Roth–Peranson diagram: ← and → step through the events" });
  const controls = createControls(doc, clock);
  const note = h(
    doc,
    "p",
    { class: "note full-note" },
    total > 0
      ? "This scenario has couples, supplemental lists, reversions or even-number requests, so it runs on the full Roth–Peranson engine, applicant-proposing only. Couples move as linked pairs: both arrows at once."
      : "This scenario has couples, supplemental lists, reversions or even-number requests, so it runs on the full Roth–Peranson engine, applicant-proposing only. Its run has too many events to animate: below is the engine’s final matching and its stability verdict.",
  );
  const root = h(doc, "div", { class: "full-theater" }, note);
  if (total > 0) root.append(controls.root, narration, diagram, legend(doc));
  root.append(fullResultView(doc, run, { hasCouples: (scenario.couples ?? []).length > 0 }));

  function draw(): void {
    controls.update(clock.position, total, clock.playing);
    if (total === 0) return;
    const frame = fullFrame(scenario, run, capacity, clock.position);
    narration.textContent = frame.narration;
    narration.setAttribute("aria-live", clock.playing ? "off" : "polite");
    diagram.replaceChildren(renderFullScene(frame, diagram.clientWidth || 640, { document: doc, idPrefix: "full" }));
  }
  draw();
  return { root, go: clock.go, step: clock.step, stop: clock.pause };
}

const legendText: Record<keyof typeof fullStyles, string> = {
  propose: "proposal (a couple: two arrows at once)",
  hold: "tentative hold (from a supplemental list: “· PGY-1”)",
  bump: "bump, or cut by an even-number request",
  withdraw: "withdrawal (couple partner, or moving up)",
  unranked: "rejected: not ranked",
  full: "rejected: full, or no room for both",
  banned: "set aside to break a loop",
  reconsider: "a vacancy: she could do better, proposes again",
  moves: "positions move (reversion, claim back)",
};

/** What the full theater's arrow colours and dashes mean (each also carries a word on the diagram). */
function legend(doc: Document): HTMLElement {
  const list = h(doc, "ul", { class: "legend full-legend", "aria-label": "Legend" });
  for (const [name, style] of Object.entries(fullStyles) as Array<[keyof typeof fullStyles, (typeof fullStyles)[keyof typeof fullStyles]]>) {
    const swatch = h(doc, "span", { class: "swatch", "aria-hidden": "true" });
    swatch.style.borderTopColor = style.color;
    swatch.style.borderTopStyle = style.dash === null ? "solid" : Number(style.dash.split(" ")[0]) <= 3 ? "dotted" : "dashed";
    list.append(h(doc, "li", {}, swatch, legendText[name]));
  }
  return list;
}
