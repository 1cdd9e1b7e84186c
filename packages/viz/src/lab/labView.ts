import "./lab.css";
import { h } from "../shell/dom.ts";
import type { DraftStore } from "../shell/store.ts";
import type { ViewHandle } from "../shell/view.ts";
import { caveatsBox } from "./caveats.ts";
import { LabClient } from "./client.ts";
import { listsPanel, programsDatalist, type LabLists } from "./listsPanel.ts";
import { mcPanel } from "./mcPanel.ts";
import type { MythKey, MythResult } from "./myths.ts";
import type { LabLoaded } from "./protocol.ts";
import { explainExhaustive, renderExhaustive } from "./renderExhaustive.ts";
import { mythCards } from "./renderMyths.ts";
import { outcomePair } from "./renderOutcome.ts";
import { initialScenarioSource, youPanel, type LabSource } from "./youPanel.ts";

/** The strategy lab (`#/lab`): her lists against a market, what-ifs answered by the lab's worker. */
export function mountLab(container: HTMLElement, store: DraftStore): ViewHandle {
  const doc = container.ownerDocument;
  const client = new LabClient();
  let source: LabSource | null = null;
  let loaded: LabLoaded | null = null;
  let lists: LabLists = { trueList: [], submitted: [] };
  let myths: MythResult[] | null = null;
  const shownMyths = new Set<MythKey>();
  let token = 0;

  const you = youPanel(doc, store, (next) => void load(next));
  const who = h(doc, "p", { class: "lab-who", "aria-live": "polite" });
  const listsHost = h(doc, "div", {});
  const datalistHost = h(doc, "div", {});
  const outcome = h(doc, "div", { class: "lab-outcome", "aria-live": "polite" });
  // Focusable: on a phone the chart scrolls sideways inside it, and keyboard users must be able to scroll it too.
  const exhaustive = h(doc, "div", { class: "lab-exhaustive", tabindex: 0, role: "region", "aria-label": "Every list you could submit, counted" });
  const mythsHost = h(doc, "div", {});
  const live = h(doc, "p", { class: "visually-hidden", "aria-live": "assertive" });
  const mc = mcPanel(doc, () => (source?.kind === "place" && loaded !== null ? { drawer: source.options, trueList: lists.trueList } : null));
  const section = h(
    doc,
    "section",
    { class: "view lab", "aria-labelledby": "view-title" },
    h(doc, "h2", { id: "view-title", tabindex: -1 }, "Strategy lab"),
    h(doc, "p", {}, "Test your rank list against a market. The NRMP's algorithm lets applicants propose, and then no list beats ranking programs in the order you truly prefer. See it on your own list."),
    you.element,
    who,
    listsHost,
    datalistHost,
    h(doc, "section", { class: "lab-panel result", "aria-labelledby": "lab-result-title" }, h(doc, "h3", { id: "lab-result-title" }, "The result"), outcome),
    h(doc, "section", { class: "lab-panel exhaustive", "aria-labelledby": "lab-exhaustive-title" }, h(doc, "h3", { id: "lab-exhaustive-title" }, "Could any list do better?"), exhaustive),
    h(doc, "section", { class: "lab-panel myths", "aria-labelledby": "lab-myths-title" }, h(doc, "h3", { id: "lab-myths-title" }, "Myths, tried on your list"), mythsHost),
    mc.element,
    caveatsBox(doc),
    live,
  );
  container.append(section);

  const fail = (error: unknown): void => {
    if (error instanceof Error && error.message === "lab closed") return;
    you.status.textContent = error instanceof Error ? error.message : String(error);
  };

  async function load(next: LabSource): Promise<void> {
    const mine = ++token;
    you.status.textContent = next.kind === "place" ? "Placing you in a market…" : "";
    you.progress.hidden = next.kind !== "place";
    you.progress.value = 0;
    try {
      const answer =
        next.kind === "scenario"
          ? await client.ask({ kind: "loadScenario", scenario: next.scenario, applicant: next.applicant })
          : await client.ask({ kind: "place", options: next.options, seed: next.seed }, (stage, done) => {
              you.progress.value = done;
              you.status.textContent = `Placing you in a market: ${stage}…`;
            });
      if (mine !== token) return;
      source = next;
      loaded = answer;
      you.progress.hidden = true;
      if (next.kind === "place") you.status.textContent = `Placed in ${answer.applicants.toLocaleString("en-US")} applicants and ${answer.programs.toLocaleString("en-US")} programs in ${Math.round(answer.ms)} ms (seed ${next.seed}).`;
      who.textContent = `Studying ${next.label}: ${answer.trueList.length} program${answer.trueList.length === 1 ? "" : "s"} on the list, everyone else's lists fixed.`;
      // Nothing of the previous applicant stays on screen while the new answers come.
      outcome.replaceChildren();
      exhaustive.replaceChildren();
      lists = { trueList: [...answer.trueList], submitted: [...answer.trueList] };
      datalistHost.replaceChildren(programsDatalist(doc, answer.programIds));
      myths = null;
      shownMyths.clear();
      refresh();
    } catch (error) {
      if (mine === token) fail(error);
    }
  }

  function setLists(next: LabLists, announce: string): void {
    lists = next;
    live.textContent = announce;
    refresh();
  }

  /** Redraws the editors, then asks the worker for the what-if, the exhaustive check and (if shown) the myths. */
  function refresh(): void {
    if (loaded === null) return;
    const focusKey = (doc.activeElement as HTMLElement | null)?.dataset?.["focus"];
    listsHost.replaceChildren(listsPanel(doc, lists, loaded.programIds, setLists, (text) => (live.textContent = text)));
    if (focusKey !== undefined) listsHost.querySelector<HTMLElement>(`[data-focus="${focusKey}"]`)?.focus();
    void answer();
  }

  async function answer(): Promise<void> {
    const mine = ++token;
    const { trueList, submitted } = lists;
    try {
      const t0 = performance.now();
      const result = await client.ask({ kind: "whatIf", trueList, submitted });
      const ms = performance.now() - t0;
      if (mine !== token) return;
      outcome.replaceChildren(outcomePair(doc, result, ms));
      try {
        const check = await client.ask({ kind: "exhaustive", trueList });
        if (mine !== token) return;
        exhaustive.replaceChildren(renderExhaustive(check, { document: doc, idPrefix: "lab-ex" }), h(doc, "p", { class: "explain" }, explainExhaustive(check)));
      } catch (error) {
        if (mine === token) exhaustive.replaceChildren(h(doc, "p", {}, error instanceof Error ? error.message : String(error)));
      }
      myths = shownMyths.size > 0 ? await client.ask({ kind: "myths", trueList }) : null;
      if (mine !== token) return;
      drawMyths();
    } catch (error) {
      if (mine === token) fail(error);
    }
  }

  function drawMyths(): void {
    mythsHost.replaceChildren(
      mythCards(doc, myths, shownMyths, (key) => {
        shownMyths.add(key);
        void client.ask({ kind: "myths", trueList: lists.trueList }).then((result) => {
          myths = result;
          drawMyths();
          // The card's text is new, so a live region inside it would stay silent: announce the lesson here.
          live.textContent = result.find((r) => r.key === key)?.lesson ?? "";
          mythsHost.querySelector<HTMLElement>(`button[data-myth="${key}"]`)?.focus();
        }, fail);
      }),
    );
  }

  drawMyths();
  const first = initialScenarioSource(store);
  if (first !== null) void load(first);
  return {
    update() {},
    destroy() {
      mc.destroy();
      client.destroy();
      section.remove();
    },
  };
}
