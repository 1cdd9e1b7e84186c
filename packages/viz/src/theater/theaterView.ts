import { needsFullRules } from "@matchlab/core";
import { runFullEngine } from "../engine/client.ts";
import type { SideRun } from "../engine/runScenario.ts";
import { createFullTheater, type FullTheater } from "./fullTheater.ts";
import { findBuiltIn } from "../scenarios.ts";
import { h } from "../shell/dom.ts";
import type { DraftStore } from "../shell/store.ts";
import type { ViewHandle } from "../shell/view.ts";
import { moveApplicant } from "./breakIt.ts";
import { createControls } from "./controls.ts";
import { wireDiagram } from "./interaction.ts";
import { layoutBipartite } from "./layout.ts";
import { createPicker } from "./picker.ts";
import { breakItPanel, whyNotPanel } from "./panels.ts";
import { renderBipartite } from "./renderBipartite.ts";
import { prepare, type Prepared } from "./prepare.ts";
import { scene } from "./scene.ts";
import { createLatticeController } from "./latticeController.ts";
import { createPlaybackClock } from "./playbackClock.ts";
import { legend, resultTable } from "./summary.ts";

/** Markets larger than this are summarised rather than drawn: boxes would be too small to read. */
const MAX_DRAWN_APPLICANTS = 60;


export function mountTheater(container: HTMLElement, store: DraftStore, navigate: (params: Record<string, string>) => void): ViewHandle {
  const doc = container.ownerDocument;
  let loaded: Prepared | null = null;
  let key = "";
  let side: "applicant" | "program" = "applicant";
  let selected = -1;
  let hand: Int32Array | null = null;
  let token = 0;
  let panelsFor: Int32Array | null = null;
  let panelsSelected = -1;
  /** The animation of a full-rules scenario, when one is shown. */
  let full: FullTheater | null = null;

  const sideRun = (): SideRun | null => (loaded === null ? null : side === "applicant" ? loaded.run.applicant : loaded.run.program);
  const total = (): number => sideRun()?.trace?.kind.length ?? 0;
  const clock = createPlaybackClock({
    total,
    draw,
    // A hand-edited or lattice-picked matching is what the final step shows: moving through the run drops it.
    beforeMove: () => {
      hand = null;
      lattice.unpick();
    },
  });

  const picker = createPicker(doc, (k, sd) => navigate({ scenario: k, side: sd }));
  const lesson = h(doc, "div", { class: "lesson" });
  const diagram = h(doc, "div", { class: "diagram", tabindex: -1 });
  const panels = h(doc, "div", { class: "panels" });
  const narration = h(doc, "p", { class: "narration", "aria-live": "polite", id: "narration" });
  const table = h(doc, "div", { class: "result" });
  const lattice = createLatticeController(doc, () => {
    hand = null;
    clock.stopAtEnd();
  });
  const message = h(doc, "p", { class: "message", role: "status" });
  const controls = createControls(doc, clock);
  const legendList = legend(doc);
  /** Full-rules scenarios bring their own animation (fullTheater.ts): hide the simple one's controls. */
  const showAnimation = (on: boolean): void => {
    controls.root.hidden = !on;
    narration.hidden = !on;
    legendList.hidden = !on;
  };
  const section = h(
    doc,
    "section",
    { class: "view theater", "aria-labelledby": "view-title" },
    h(doc, "h2", { id: "view-title", tabindex: -1 }, "The algorithm theater"),
    picker.root,
    lesson,
    message,
    controls.root,
    narration,
    h(doc, "div", { class: "stage" }, diagram, h(doc, "div", { class: "aside" }, legendList, table, panels)),
    lattice.area,
    h(doc, "p", { class: "hint" }, "Keyboard: Tab reaches every applicant in the diagram; Enter explains her match; ← and → step through the events."),
  );
  container.append(section);

  function finalMatch(): Int32Array | null {
    const run = sideRun();
    return hand ?? lattice.pickedMatching() ?? (run === null ? null : run.matchOf);
  }

  function draw(): void {
    const run = sideRun();
    const { position: step, playing } = clock;
    controls.update(step, total(), playing);
    lattice.draw(side);
    if (loaded === null || run === null) {
      panels.replaceChildren();
      panelsFor = null;
      return;
    }
    const { market } = loaded;
    const nA = market.nA;
    const now = scene({ market, quota: loaded.run.quota, run, differs: loaded.differs, step, hand, selected, stable: lattice.sceneStable() });
    narration.textContent = now.narration;
    table.replaceChildren(resultTable(doc, market, now.shown, now.caption, loaded.differs));
    if (nA <= MAX_DRAWN_APPLICANTS) {
      const { scales, dims } = layoutBipartite(nA, loaded.run.quota, diagram.clientWidth || 640);
      // The picture is replaced at every step: put keyboard focus back on the same applicant.
      const focused = diagram.contains(doc.activeElement) ? doc.activeElement?.getAttribute("data-applicant") : null;
      diagram.replaceChildren(renderBipartite(now.data, scales, dims, { document: doc, idPrefix: "theater" }));
      if (focused !== null && focused !== undefined) diagram.querySelector<SVGGElement>(`[data-applicant="${focused}"]`)?.focus();
    } else diagram.replaceChildren(h(doc, "p", { class: "too-big" }, `${nA} applicants are too many to draw; the table shows the result.`));
    // Announce each event when stepping, not while playing (a screen reader cannot keep up at speed).
    narration.setAttribute("aria-live", playing ? "off" : "polite");
    // The panels depend on the final matching and the selection, not on the step: rebuilding them at every step
    // of playback would take keyboard focus away from them.
    const final = finalMatch()!;
    if (panelsFor === final && panelsSelected === selected) return;
    panelsFor = final;
    panelsSelected = selected;
    panels.replaceChildren();
    if (selected >= 0) panels.append(whyNotPanel(doc, market, final, selected));
    else panels.append(h(doc, "p", { class: "panel hint" }, "Why not there? Click an applicant (or focus her and press Enter) to see why she did not match each program she ranked higher."));
    panels.append(
      breakItPanel(doc, market, final, selected, hand !== null, {
        move: (a, p) => {
          hand = moveApplicant(final, a, p);
          selected = a;
          clock.stopAtEnd();
        },
        reset: () => {
          hand = null;
          draw();
        },
      }),
    );
  }

  wireDiagram(section, diagram, {
    pick: (a) => {
      selected = selected === a ? -1 : a;
      draw();
      diagram.querySelector<SVGGElement>(`[data-applicant="${a}"]`)?.focus();
    },
    step: (d) => (full !== null ? full.step(d) : clock.step(d)),
    move: (a, p) => {
      hand = moveApplicant(finalMatch()!, a, p);
      selected = a;
      clock.stopAtEnd();
    },
  });
  const onResize = (): void => draw();
  doc.defaultView?.addEventListener("resize", onResize);
  const unsubscribe = store.subscribe(() => {
    if (key === "workbench") void load(key);
  });

  async function load(nextKey: string): Promise<void> {
    const mine = ++token;
    const scenario = nextKey === "workbench" ? (store.validation.ok ? store.validation.scenario : null) : (findBuiltIn(nextKey)?.scenario ?? null);
    const intro = nextKey === "workbench" ? undefined : findBuiltIn(nextKey)?.intro;
    lesson.replaceChildren(intro ?? scenario?.description ?? "");
    if (intro !== undefined && scenario?.description !== undefined) {
      lesson.append(h(doc, "details", {}, h(doc, "summary", {}, "About this scenario"), scenario.description));
    }
    message.textContent = "";
    if (scenario === null) {
      loaded = null;
      diagram.replaceChildren();
      table.replaceChildren();
      message.textContent = "Your workbench scenario has errors. Fix them in the Workbench to watch it here.";
      draw();
      return;
    }
    lattice.load(null);
    full?.stop();
    full = null;
    const fullRules = needsFullRules(scenario);
    // The Roth–Peranson engine proposes from the applicant side only.
    picker.root.querySelector<HTMLInputElement>("#side-program")!.disabled = fullRules;
    if (fullRules) {
      loaded = null;
      showAnimation(false);
      table.replaceChildren();
      try {
        const run = await runFullEngine(scenario);
        if (mine !== token) return;
        full = createFullTheater(doc, scenario, run);
        diagram.replaceChildren(full.root);
        full.go(0);
      } catch (error) {
        if (mine !== token) return;
        diagram.replaceChildren();
        message.textContent = `This scenario cannot run: ${(error as Error).message}`;
      }
      draw();
      return;
    }
    showAnimation(true);
    try {
      const next = await prepare(scenario);
      if (mine !== token) return;
      loaded = next;
      lattice.load(next.market);
      if (next.run.applicant.trace === null) message.textContent = "This market is too large to animate: it shows the final matching only.";
    } catch (error) {
      loaded = null;
      message.textContent = `This scenario cannot run: ${(error as Error).message}`;
    }
    draw();
  }

  return {
    update(params) {
      const nextKey = params.get("scenario") ?? "run-a-match";
      const validKey = nextKey === "workbench" || findBuiltIn(nextKey) !== undefined ? nextKey : "run-a-match";
      const nextSide = params.get("side") === "program" ? "program" : "applicant";
      picker.set(validKey, nextSide);
      const changed = validKey !== key;
      const sideChanged = nextSide !== side;
      key = validKey;
      side = nextSide;
      if (changed || sideChanged) {
        clock.pause();
        clock.rewind();
        hand = null;
        lattice.unpick();
      }
      if (changed) {
        selected = -1;
        void load(key);
      } else draw();
    },
    destroy() {
      clock.pause();
      full?.stop();
      unsubscribe();
      doc.defaultView?.removeEventListener("resize", onResize);
      section.remove();
    },
  };
}
