import type { ScenarioIssue } from "@matchlab/core";
import type { ScenarioRun } from "../engine/runScenario.ts";
import { builtIns, findBuiltIn } from "../scenarios.ts";
import { download, h } from "../shell/dom.ts";
import { formatHash } from "../shell/router.ts";
import type { DraftStore } from "../shell/store.ts";
import { resultsToCsv, scenarioToCsv } from "./csv.ts";
import type { FullRun } from "../engine/runFull.ts";
import { draftFromScenario, draftToInput, keptRules } from "./draft.ts";
import { importScenario, importSizeIssue, type ImportResult } from "./importFile.ts";
import { encodeShare } from "./share.ts";

export interface ToolbarHooks {
  /** The draft was replaced: rebuild the editor. */
  rebuild(): void;
  say(text: string): void;
  imported(): void;
  importFailed(fileName: string, issues: ScenarioIssue[]): void;
  /** The latest results, or null while the scenario is invalid. */
  run(): ScenarioRun | null;
  /** The full engine's run when the scenario needs the full rules (couples, …), else null. */
  fullRun(): FullRun | null;
}

/** The workbench's actions: start from a built-in, import, export, share, restore. Files never leave the page. */
export function createToolbar(doc: Document, store: DraftStore, shareOut: HTMLInputElement, hooks: ToolbarHooks): HTMLElement {
  const withRun = (f: (run: ScenarioRun) => void): void => {
    const run = hooks.run();
    if (run === null) hooks.say("No results yet: fix the errors first.");
    else f(run);
  };
  const fileInput = h(doc, "input", { type: "file", accept: ".json,.csv,application/json,text/csv", id: "import-file", class: "visually-hidden" });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (file === undefined) return;
    fileInput.value = "";
    const tooLarge = importSizeIssue(file.size);
    if (tooLarge !== null) return hooks.importFailed(file.name, [tooLarge]);
    let result: ImportResult;
    try {
      result = importScenario(file.name, await file.text());
    } catch (error) {
      // A read failure (file removed meanwhile, out of memory) or a bug: say so and leave the draft alone.
      result = { ok: false, issues: [{ path: "(file)", message: `could not be read (${(error as Error).message})` }] };
    }
    if (result.ok) {
      hooks.imported();
      store.replace(result.draft);
      hooks.rebuild();
      hooks.say(`Imported ${file.name}.`);
    } else hooks.importFailed(file.name, result.issues);
  });
  const start = h(doc, "select", { "aria-label": "Start from a built-in scenario" }, h(doc, "option", { value: "" }, "Start from…"));
  for (const b of builtIns) start.append(h(doc, "option", { value: b.key }, b.title));
  start.append(h(doc, "option", { value: "empty" }, "An empty market"));
  start.addEventListener("change", () => {
    const chosen = start.value === "empty" ? { name: "", description: "", programs: [], applicants: [] } : draftFromScenario(findBuiltIn(start.value)!.scenario);
    start.value = "";
    store.replace(chosen);
    hooks.rebuild();
    hooks.say("Loaded. Your previous scenario is kept: use “Restore previous” to bring it back.");
  });
  const button = (text: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement => {
    const b = h(doc, "button", { type: "button", ...attrs }, text);
    b.addEventListener("click", onClick);
    return b;
  };
  const fileBase = (): string => (store.draft.name.trim() || "scenario").replace(/[^\w.-]+/g, "-");
  return h(
    doc,
    "div",
    { class: "toolbar wrap", role: "toolbar", "aria-label": "Scenario actions" },
    start,
    fileInput,
    h(doc, "label", { for: "import-file", class: "button" }, "Import JSON or CSV…"),
    button("Export JSON", () => download(doc, `${fileBase()}.json`, `${JSON.stringify(draftToInput(store.draft), null, 2)}\n`, "application/json")),
    button("Export CSV", () => {
      const kept = keptRules(store.draft);
      // The CSV layout has no rows for couples or supplemental lists: refuse rather than drop them.
      if (kept.length > 0) hooks.say(`The CSV layout cannot hold ${kept.join(", ")}: export this scenario as JSON instead.`);
      else if (store.validation.ok) download(doc, `${fileBase()}.csv`, scenarioToCsv(store.validation.scenario), "text/csv");
      else hooks.say("Fix the errors first: the CSV layout needs a valid scenario.");
    }),
    button("Results CSV", () => (hooks.fullRun() !== null ? hooks.say("Results CSV covers simple markets; use Results JSON for couples and supplemental lists.") : withRun((run) => download(doc, `${fileBase()}-results.csv`, resultsToCsv(run), "text/csv")))),
    button("Results JSON", () => {
      const full = hooks.fullRun();
      if (full !== null) return download(doc, `${fileBase()}-results.json`, `${JSON.stringify({ rothPeranson: full.result, stable: full.stable, blocking: full.blocking }, null, 2)}\n`, "application/json");
      return withRun((run) => download(doc, `${fileBase()}-results.json`, `${JSON.stringify({ applicantProposing: run.applicant.result, programProposing: run.program.result }, null, 2)}\n`, "application/json"));
    }),
    button("Share link", () => {
      const code = encodeShare(store.draft);
      if (code === null) return hooks.say("This scenario is too large for a link: export it as JSON instead.");
      const loc = doc.defaultView!.location;
      // formatHash percent-encodes the code: lz-string's alphabet has '+', which a query string reads as a space.
      shareOut.value = `${loc.origin}${loc.pathname}${formatHash("workbench", { share: code })}`;
      shareOut.hidden = false;
      shareOut.select();
      hooks.say("Link ready. The scenario travels in the part after #, which browsers never send to a server.");
    }),
    button("Restore previous", () => {
      const previous = store.previous();
      if (previous === null) return hooks.say("There is no previous scenario to restore.");
      store.replace(previous);
      hooks.rebuild();
      hooks.say("Restored the previous scenario.");
    }),
    h(doc, "a", { href: "#/theater?scenario=workbench", class: "button" }, "Watch it in the theater →"),
  );
}
