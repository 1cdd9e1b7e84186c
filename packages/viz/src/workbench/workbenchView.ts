import { formatIssue, needsFullRules, type ScenarioIssue } from "@matchlab/core";
import type { FullRun } from "../engine/runFull.ts";
import { fullResultView } from "../fullResultView.ts";
import { INLINE_ENTRY_LIMIT, runEngine, runFullEngine } from "../engine/client.ts";
import { listEntries, type ScenarioRun } from "../engine/runScenario.ts";
import { download, h } from "../shell/dom.ts";
import type { DraftStore } from "../shell/store.ts";
import type { ViewHandle } from "../shell/view.ts";
import { keptRules, type Draft } from "./draft.ts";
import { editor } from "./editor.ts";
import { decodeShare } from "./share.ts";
import { resultsView } from "./results.ts";
import { createToolbar } from "./toolbar.ts";

export function mountWorkbench(container: HTMLElement, store: DraftStore, clearParams: () => void): ViewHandle {
  const doc = container.ownerDocument;
  let run: ScenarioRun | null = null;
  let fullRun: FullRun | null = null;
  let token = 0;
  let pendingRun: ReturnType<typeof setTimeout> | undefined;

  const notice = h(doc, "div", { class: "notice", role: "status" });
  // An unreadable autosave is offered back as a file: nothing the user typed is lost to a corrupt save.
  const recover = h(doc, "button", { type: "button", class: "recover", hidden: true }, "Download the unreadable save");
  recover.addEventListener("click", () => {
    const text = store.unreadable();
    if (text !== null) download(doc, "matchlab-unreadable-save.txt", text, "text/plain");
    store.discardUnreadable();
    recover.hidden = true;
    say("Downloaded the unreadable save as matchlab-unreadable-save.txt (it is no longer kept in this browser).");
  });
  const importError = h(doc, "div", { class: "import-error", role: "alert" });
  const shareOut = h(doc, "input", { type: "text", readonly: true, class: "share-url", "aria-label": "Share link", hidden: true });
  const toolbar = createToolbar(doc, store, shareOut, {
    rebuild: () => rebuild(),
    say,
    importFailed: (name, list) => showImportError(name, list),
    imported: () => importError.replaceChildren(),
    run: () => run,
    fullRun: () => fullRun,
  });
  const nameInput = h(doc, "input", { type: "text", id: "scenario-name", "data-focus": "name", value: store.draft.name });
  nameInput.addEventListener("input", () => typed({ ...store.draft, name: nameInput.value }));
  const issues = h(doc, "div", { class: "issues", "aria-live": "polite" });
  const editorHost = h(doc, "div", {});
  const results = h(doc, "section", { class: "results", "aria-labelledby": "results-title" });
  const live = h(doc, "p", { class: "visually-hidden", "aria-live": "assertive" });
  const section = h(
    doc,
    "section",
    { class: "view workbench", "aria-labelledby": "view-title" },
    h(doc, "h2", { id: "view-title", tabindex: -1 }, "Scenario workbench"),
    toolbar,
    shareOut,
    notice,
    recover,
    importError,
    h(doc, "p", { class: "field" }, h(doc, "label", { for: "scenario-name" }, "Scenario name "), nameInput),
    h(doc, "p", { class: "hint" }, "Edit ids, quotas and rank lists; everything is saved in this browser as you type. Reorder a list by dragging, or focus an entry and press Alt+↑/↓ (Delete removes it)."),
    issues,
    h(doc, "div", { class: "bench" }, editorHost, results),
    live,
  );
  container.append(section);

  function say(text: string): void {
    notice.textContent = text;
  }
  function showImportError(fileName: string, list: ScenarioIssue[]): void {
    const ul = h(doc, "ul", {});
    for (const issue of list.slice(0, 50)) ul.append(h(doc, "li", {}, `${fileName}: ${formatIssue(issue)}`));
    if (list.length > 50) ul.append(h(doc, "li", {}, `… and ${list.length - 50} more`));
    importError.replaceChildren(h(doc, "strong", {}, `Could not import ${fileName}. Nothing was changed.`), ul);
  }
  function typed(draft: Draft): void {
    store.set(draft);
    refresh();
  }
  function rebuild(announce?: string): void {
    const focusKey = (doc.activeElement as HTMLElement | null)?.dataset?.["focus"];
    nameInput.value = store.draft.name;
    editorHost.replaceChildren(
      editor(doc, store.draft, {
        change: (draft, message) => {
          store.set(draft);
          rebuild(message);
        },
        type: typed,
        current: () => store.draft,
      }),
    );
    if (focusKey !== undefined) doc.querySelector<HTMLElement>(`[data-focus="${focusKey}"]`)?.focus();
    if (announce !== undefined) live.textContent = announce;
    refresh();
  }
  /** Inline validation: core's issues next to their fields, and all of them in a summary. */
  function refresh(): void {
    if (store.notice !== null) say(store.notice);
    recover.hidden = store.unreadable() === null;
    const validation = store.validation;
    for (const el of section.querySelectorAll("[aria-invalid]")) {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
    }
    for (const el of section.querySelectorAll(".card-issues")) el.replaceChildren();
    if (validation.ok) {
      issues.replaceChildren(h(doc, "p", { class: "ok" }, "✓ Valid scenario."));
    } else {
      const ul = h(doc, "ul", {});
      for (const issue of validation.issues) {
        ul.append(h(doc, "li", {}, formatIssue(issue)));
        const owner = /^(programs|applicants)\[(\d+)\]/.exec(issue.path);
        const field = section.querySelector(`[data-path="${CSS.escape(issue.path)}"]`);
        // The field is marked invalid and described by its card's list of problems, for screen readers.
        field?.setAttribute("aria-invalid", "true");
        if (owner !== null) field?.setAttribute("aria-describedby", `${owner[1]}-${owner[2]}-issues`);
        if (owner !== null) section.querySelector(`[data-card="${CSS.escape(owner[0])}"] .card-issues`)?.append(h(doc, "li", {}, formatIssue(issue)));
      }
      issues.replaceChildren(h(doc, "p", { class: "bad" }, `✕ ${validation.issues.length} problem${validation.issues.length === 1 ? "" : "s"} (the CLI reports the same):`), ul);
    }
    // Large markets run in the worker: wait for a pause in typing rather than queue a run per keystroke.
    clearTimeout(pendingRun);
    if (store.validation.ok && listEntries(store.validation.scenario) > INLINE_ENTRY_LIMIT) pendingRun = setTimeout(() => void rerun(), 200);
    else void rerun();
  }
  async function rerun(): Promise<void> {
    const mine = ++token;
    const validation = store.validation;
    if (!validation.ok) {
      run = null;
      results.replaceChildren(h(doc, "h3", { id: "results-title" }, "Results"), h(doc, "p", {}, "Results appear when the scenario is valid."));
      return;
    }
    const kept = keptRules(store.draft);
    const keptNote =
      kept.length === 0
        ? null
        : h(doc, "p", { class: "note kept-rules" }, `This scenario has ${kept.join(", ")}. The editor changes the simple rank lists and quotas; those parts are kept as imported (edit them in the JSON file) and the results come from the full Roth–Peranson engine.`);
    fullRun = null;
    if (needsFullRules(validation.scenario)) {
      run = null;
      try {
        const full = await runFullEngine(validation.scenario);
        if (mine !== token) return;
        fullRun = full;
        results.replaceChildren(h(doc, "h3", { id: "results-title" }, "Results"), keptNote ?? "", fullResultView(doc, full, { hasCouples: (validation.scenario.couples ?? []).length > 0 }));
      } catch (error) {
        if (mine !== token) return;
        results.replaceChildren(h(doc, "h3", { id: "results-title" }, "Results"), keptNote ?? "", h(doc, "p", { class: "bad" }, (error as Error).message));
      }
      return;
    }
    try {
      const next = await runEngine(validation.scenario);
      if (mine !== token) return;
      run = next;
      results.replaceChildren(h(doc, "h3", { id: "results-title" }, "Results"), resultsView(doc, next));
    } catch (error) {
      if (mine !== token) return;
      run = null;
      results.replaceChildren(h(doc, "h3", { id: "results-title" }, "Results"), h(doc, "p", { class: "bad" }, (error as Error).message));
    }
  }
  rebuild();

  return {
    update(params) {
      const code = params.get("share");
      if (code === null) return;
      clearParams();
      const shared = decodeShare(code);
      if (shared === null) return say("This share link is damaged or incomplete, so nothing was loaded.");
      store.replace(shared);
      rebuild();
      say("Loaded the shared scenario. Your previous work is kept: use “Restore previous” to bring it back.");
    },
    destroy() {
      token++;
      clearTimeout(pendingRun);
      section.remove();
    },
  };
}
