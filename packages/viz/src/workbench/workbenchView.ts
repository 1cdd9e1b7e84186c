import { formatIssue, type ScenarioIssue } from "@matchlab/core";
import { runEngine } from "../engine/client.ts";
import type { ScenarioRun } from "../engine/runScenario.ts";
import { builtIns, findBuiltIn } from "../scenarios.ts";
import { download, h } from "../shell/dom.ts";
import type { DraftStore } from "../shell/store.ts";
import type { ViewHandle } from "../shell/view.ts";
import { resultsToCsv, scenarioToCsv } from "./csv.ts";
import { draftFromScenario, draftToInput, type Draft } from "./draft.ts";
import { editor } from "./editor.ts";
import { importScenario } from "./importFile.ts";
import { decodeShare, encodeShare } from "./share.ts";

export function mountWorkbench(container: HTMLElement, store: DraftStore, clearParams: () => void): ViewHandle {
  const doc = container.ownerDocument;
  let run: ScenarioRun | null = null;
  let token = 0;

  const notice = h(doc, "div", { class: "notice", role: "status" });
  const importError = h(doc, "div", { class: "import-error", role: "alert" });
  const fileInput = h(doc, "input", { type: "file", accept: ".json,.csv,application/json,text/csv", id: "import-file", class: "visually-hidden" });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (file === undefined) return;
    const result = importScenario(file.name, await file.text());
    fileInput.value = "";
    if (result.ok) {
      importError.replaceChildren();
      store.replace(result.draft);
      rebuild();
      say(`Imported ${file.name}.`);
    } else showImportError(file.name, result.issues);
  });
  const start = h(doc, "select", { "aria-label": "Start from a built-in scenario" }, h(doc, "option", { value: "" }, "Start from…"));
  for (const b of builtIns) start.append(h(doc, "option", { value: b.key }, b.title));
  start.append(h(doc, "option", { value: "empty" }, "An empty market"));
  start.addEventListener("change", () => {
    const chosen = start.value === "empty" ? { name: "", description: "", programs: [], applicants: [] } : draftFromScenario(findBuiltIn(start.value)!.scenario);
    start.value = "";
    store.replace(chosen);
    rebuild();
    say("Loaded. Your previous scenario is kept: use “Restore previous” to bring it back.");
  });
  const button = (text: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement => {
    const b = h(doc, "button", { type: "button", ...attrs }, text);
    b.addEventListener("click", onClick);
    return b;
  };
  const fileBase = (): string => (store.draft.name.trim() || "scenario").replace(/[^\w.-]+/g, "-");
  const shareOut = h(doc, "input", { type: "text", readonly: true, class: "share-url", "aria-label": "Share link", hidden: true });
  const toolbar = h(
    doc,
    "div",
    { class: "toolbar wrap", role: "toolbar", "aria-label": "Scenario actions" },
    start,
    fileInput,
    h(doc, "label", { for: "import-file", class: "button" }, "Import JSON or CSV…"),
    button("Export JSON", () => download(doc, `${fileBase()}.json`, `${JSON.stringify(draftToInput(store.draft), null, 2)}\n`, "application/json")),
    button("Export CSV", () => {
      if (store.validation.ok) download(doc, `${fileBase()}.csv`, scenarioToCsv(store.validation.scenario), "text/csv");
      else say("Fix the errors first: the CSV layout needs a valid scenario.");
    }),
    button("Results CSV", () => (run === null ? say("No results yet: fix the errors first.") : download(doc, `${fileBase()}-results.csv`, resultsToCsv(run), "text/csv"))),
    button("Results JSON", () =>
      run === null ? say("No results yet: fix the errors first.") : download(doc, `${fileBase()}-results.json`, `${JSON.stringify({ applicantProposing: run.applicant.result, programProposing: run.program.result }, null, 2)}\n`, "application/json"),
    ),
    button("Share link", () => {
      const code = encodeShare(store.draft);
      if (code === null) return say("This scenario is too large for a link: export it as JSON instead.");
      const loc = doc.defaultView!.location;
      shareOut.value = `${loc.origin}${loc.pathname}#/workbench?share=${code}`;
      shareOut.hidden = false;
      shareOut.select();
      say("Link ready. The scenario travels in the part after #, which browsers never send to a server.");
    }),
    button("Restore previous", () => {
      const previous = store.previous();
      if (previous === null) return say("There is no previous scenario to restore.");
      store.replace(previous);
      rebuild();
      say("Restored the previous scenario.");
    }),
    h(doc, "a", { href: "#/theater?scenario=workbench", class: "button" }, "Watch it in the theater →"),
  );
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
    const validation = store.validation;
    for (const el of section.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    for (const el of section.querySelectorAll(".card-issues")) el.replaceChildren();
    if (validation.ok) {
      issues.replaceChildren(h(doc, "p", { class: "ok" }, "✓ Valid scenario."));
    } else {
      const ul = h(doc, "ul", {});
      for (const issue of validation.issues) {
        ul.append(h(doc, "li", {}, formatIssue(issue)));
        section.querySelector(`[data-path="${CSS.escape(issue.path)}"]`)?.setAttribute("aria-invalid", "true");
        const owner = /^(programs|applicants)\[\d+\]/.exec(issue.path)?.[0];
        if (owner !== undefined) section.querySelector(`[data-card="${CSS.escape(owner)}"] .card-issues`)?.append(h(doc, "li", {}, formatIssue(issue)));
      }
      issues.replaceChildren(h(doc, "p", { class: "bad" }, `✕ ${validation.issues.length} problem${validation.issues.length === 1 ? "" : "s"} (the CLI reports the same):`), ul);
    }
    void rerun();
  }
  async function rerun(): Promise<void> {
    const mine = ++token;
    const validation = store.validation;
    if (!validation.ok) {
      run = null;
      results.replaceChildren(h(doc, "h3", { id: "results-title" }, "Results"), h(doc, "p", {}, "Results appear when the scenario is valid."));
      return;
    }
    try {
      const next = await runEngine(validation.scenario);
      if (mine !== token) return;
      run = next;
      results.replaceChildren(h(doc, "h3", { id: "results-title" }, "Results"), resultsTable(doc, next));
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
      section.remove();
    },
  };
}

function resultsTable(doc: Document, run: ScenarioRun): HTMLElement {
  const body = h(doc, "tbody", {});
  run.applicant.result.applicants.forEach((a, i) => {
    const b = run.program.result.applicants[i]!;
    const cell = (o: typeof a): string => (o.program === null ? "unmatched" : `${o.program} (#${o.rank})`);
    body.append(h(doc, "tr", { "data-applicant": a.id }, h(doc, "th", { scope: "row" }, a.id), h(doc, "td", { class: "ap" }, cell(a)), h(doc, "td", { class: "pp" }, cell(b))));
  });
  const s = run.applicant.result.stats;
  return h(
    doc,
    "div",
    {},
    h(doc, "p", {}, `${s.matched} of ${s.applicants} applicants matched; ${s.unfilled} of ${s.positions} positions unfilled (applicant-proposing).`),
    h(
      doc,
      "table",
      { class: "matching" },
      h(doc, "thead", {}, h(doc, "tr", {}, h(doc, "th", { scope: "col" }, "Applicant"), h(doc, "th", { scope: "col" }, "Applicant-proposing"), h(doc, "th", { scope: "col" }, "Program-proposing"))),
      body,
    ),
  );
}
