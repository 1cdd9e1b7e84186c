// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { runFull } from "../src/engine/runFull.ts";
import { findBuiltIn } from "../src/scenarios.ts";
import { createFullTheater } from "../src/theater/fullTheater.ts";
import { fullFrame, slotCapacity } from "../src/theater/fullScene.ts";
import * as gallery from "./views/fullTheater.ts";
import { itMatchesGallerySnapshots } from "./gallerySnapshots.ts";

const builtIns = ["couples-order-matters", "couples-no-stable-matching", "supplemental-derm", "reversion-chain"];
/** Program → what its slots show, e.g. { A: ["X1"], "Surg-Prelim": ["Ana · PGY-1"] }. */
const seated = (svg: SVGSVGElement): Record<string, string[]> =>
  Object.fromEntries([...svg.querySelectorAll(".program")].map((g) => [g.getAttribute("data-name"), [...g.querySelectorAll(".slot.filled text")].map((t) => t.textContent ?? "")]));

describe("full-rules theater render functions under jsdom", () => {
  it.each(builtIns)("fullFrame(%s) at the last step seats the engine's final matching", (key) => {
    const scenario = findBuiltIn(key)!.scenario;
    const run = runFull(scenario);
    expect(run.events.length).toBeGreaterThan(0);
    const frame = fullFrame(scenario, run, slotCapacity(run), run.events.length);
    for (const p of run.result.programs) {
      const slots = frame.slots[frame.programs.indexOf(p.id)]!;
      const primary = run.result.applicants.filter((a) => a.program === p.id).map((a) => a.id);
      const pgy1 = run.result.applicants.filter((a) => a.supplemental === p.id).map((a) => a.id);
      expect(slots.filter((s) => s.applicant !== null && !s.pgy1).map((s) => s.applicant).sort()).toEqual(primary.sort());
      expect(slots.filter((s) => s.pgy1).map((s) => s.applicant).sort()).toEqual(pgy1.sort());
      expect(frame.quota[frame.programs.indexOf(p.id)]).toBe(p.quota);
    }
  });

  it("renderFullScene draws a couple's proposal as two arrows at once and brackets the couple", () => {
    const svg = gallery.couplesOrderPairProposes(document);
    expect(svg.querySelectorAll(".event .arrow.propose").length).toBe(2);
    expect(svg.querySelectorAll(".couple-link").length).toBe(2);
    expect(svg.getAttribute("aria-label")).toBe("Roth–Peranson run: X1 & X2 apply as a pair to (A, B)");
  });

  it("should show the couple's refused pair as two refusal arrows, X's pair still seated", () => {
    const svg = gallery.couplesOrderPairRejected(document);
    expect(svg.querySelectorAll(".event .arrow.full").length).toBe(2);
    expect(seated(svg)).toEqual({ A: ["X1"], B: ["X2"], C: [], D: [] });
  });

  it("should draw the withdrawal of a bumped member's partner, who leaves her slot", () => {
    // S bumped A2 from H2, so A1 withdraws from H1: H1 is empty after this event, H2 holds S.
    const svg = gallery.noStablePartnerWithdrawn(document);
    expect(svg.querySelectorAll(".event .arrow.withdraw").length).toBe(1);
    expect(seated(svg)).toEqual({ H1: [], H2: ["S"] });
  });

  it("should highlight the applicants and programs of a detected loop", () => {
    const svg = gallery.noStableLoop(document);
    expect([...svg.querySelectorAll(".applicant.in-loop")].map((g) => g.getAttribute("data-name")).sort()).toEqual(["A1", "A2", "S"]);
    expect([...svg.querySelectorAll(".program.in-loop")].map((g) => g.getAttribute("data-name")).sort()).toEqual(["H1", "H2"]);
  });

  it("should mark PGY-1 holds from a supplemental list", () => {
    expect(seated(gallery.dermSupplementalBump(document))).toEqual({ Derm: ["Ana"], "IM-Prelim": ["Ben"], "Surg-Prelim": [], FM: [] });
    expect(seated(gallery.dermEnd(document))).toEqual({ Derm: ["Ana"], "IM-Prelim": ["Ben"], "Surg-Prelim": ["Ana · PGY-1"], FM: [] });
  });

  it("should move a position with a reversion: IM-Prelim's second slot opens", () => {
    const scenario = findBuiltIn("reversion-chain")!.scenario;
    const run = runFull(scenario);
    const k = run.events.findIndex((e) => e.kind === "reversion");
    const before = fullFrame(scenario, run, slotCapacity(run), k);
    const after = fullFrame(scenario, run, slotCapacity(run), k + 1);
    const im = before.programs.indexOf("IM-Prelim");
    const neuro = before.programs.indexOf("Neuro-PGY2");
    expect(before.slots[im]!.map((s) => s.applicant ?? (s.open ? "open" : "closed"))).toEqual(["Dee", "closed"]);
    expect(after.slots[im]!.map((s) => s.applicant ?? (s.open ? "open" : "closed"))).toEqual(["Dee", "open"]);
    expect([before.quota[neuro], after.quota[neuro]]).toEqual([2, 1]);
    expect(gallery.reversionMoves(document).querySelectorAll(".event .arrow.moves").length).toBe(1);
  });

  itMatchesGallerySnapshots(gallery);
});

describe("createFullTheater", () => {
  it("should step, scrub and go to the end with the same controls as the simple theater", () => {
    const scenario = findBuiltIn("supplemental-derm")!.scenario;
    const run = runFull(scenario);
    const theater = createFullTheater(document, scenario, run);
    const root = theater.root;
    const narration = root.querySelector(".narration")!;
    const click = (label: string): void => root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!.click();
    expect(narration.textContent).toMatch(/^Press Play/);
    click("Step forward");
    expect(narration.textContent).toBe(run.events[0]!.text);
    const timeline = root.querySelector<HTMLInputElement>(".timeline")!;
    timeline.value = "7";
    timeline.dispatchEvent(new Event("input"));
    expect(narration.textContent).toBe(run.events[6]!.text);
    click("Step back");
    expect(narration.textContent).toBe(run.events[5]!.text);
    click("Go to end");
    expect(root.querySelector(".counter")!.textContent).toBe(`event ${run.events.length} / ${run.events.length}`);
    expect(seated(root.querySelector("svg")!)).toEqual({ Derm: ["Ana"], "IM-Prelim": ["Ben"], "Surg-Prelim": ["Ana · PGY-1"], FM: [] });
    // Every arrow style is explained in words, not by colour alone.
    expect([...root.querySelectorAll(".full-legend li")].map((li) => li.textContent)).toContain("withdrawal (couple partner, or moving up)");
    expect(root.querySelectorAll(".full-legend li").length).toBe(9);
    // The final matching and verdict stay below the animation.
    expect(root.querySelector(".full-result .verdict strong")!.textContent).toBe("✓ Stable");
  });

  it("should play from the Play button, muting the narration while it plays, and stop at the last event", () => {
    vi.useFakeTimers();
    try {
      const scenario = findBuiltIn("supplemental-derm")!.scenario;
      const run = runFull(scenario);
      const root = createFullTheater(document, scenario, run).root;
      const play = root.querySelector<HTMLButtonElement>('button[aria-label="Play"]')!;
      const narration = root.querySelector(".narration")!;
      play.click();
      expect([play.textContent, narration.getAttribute("aria-live")]).toEqual(["⏸ Pause", "off"]);
      vi.advanceTimersByTime(900 * 2);
      expect(narration.textContent).toBe(run.events[1]!.text);
      vi.advanceTimersByTime(900 * run.events.length);
      expect(root.querySelector(".counter")!.textContent).toBe(`event ${run.events.length} / ${run.events.length}`);
      expect([play.textContent, narration.getAttribute("aria-live")]).toEqual(["▶ Play", "polite"]);
    } finally {
      vi.useRealTimers();
    }
  });
});
