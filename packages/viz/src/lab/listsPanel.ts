import { h } from "../shell/dom.ts";
import { rankList } from "../workbench/rankList.ts";

export interface LabLists {
  trueList: string[];
  submitted: string[];
}

/** Moves entry `from` to `to` (clamped), as the workbench's rank lists do. */
export function moved(list: readonly string[], from: number, to: number): string[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [id] = out.splice(from, 1);
  out.splice(to, 0, id!);
  return out;
}

/**
 * Her two lists side by side, each editable by drag and drop or keyboard (the workbench's rank-list chips):
 * her true preference order, and the list she submits (a copy until she changes it). `change` receives both
 * lists after an edit, plus a sentence for screen readers. The "add a program" boxes suggest from the datalist
 * `lab-programs` (see `programsDatalist`), built once per market rather than on every edit.
 */
export function listsPanel(doc: Document, lists: LabLists, programIds: readonly string[], change: (lists: LabLists, announce: string) => void, say: (text: string) => void): HTMLElement {
  const known = new Set(programIds);
  const editorFor = (which: keyof LabLists, index: number, owner: string): HTMLElement =>
    rankList(doc, "applicants", index, owner, lists[which], "lab-programs", {
      move: (from, to) => {
        if (to < 0 || to >= lists[which].length) return;
        change({ ...lists, [which]: moved(lists[which], from, to) }, `${lists[which][from]} moved to rank ${to + 1}`);
        // Keep focus on the moved chip (the panel was rebuilt by \`change\`).
        doc.querySelector<HTMLElement>(`[data-focus="applicants-${index}-rol-${to}"]`)?.focus();
      },
      remove: (rank) => change({ ...lists, [which]: lists[which].filter((_, k) => k !== rank) }, `${lists[which][rank]} removed`),
      add: (id) => {
        if (!known.has(id)) return say(`No program ${JSON.stringify(id)} in this market.`);
        if (lists[which].includes(id)) return say(`${id} is already on ${owner}.`);
        change({ ...lists, [which]: [...lists[which], id] }, `${id} added at rank ${lists[which].length + 1}`);
      },
    });
  const reset = h(doc, "button", { type: "button", "data-focus": "lab-reset" }, "Copy my true list into the submitted list");
  reset.addEventListener("click", () => change({ ...lists, submitted: [...lists.trueList] }, "Submitted list reset to your true list"));
  return h(
    doc,
    "section",
    { class: "lab-panel lists", "aria-labelledby": "lab-lists-title" },
    h(doc, "h3", { id: "lab-lists-title" }, "Your lists"),
    h(doc, "p", { class: "hint" }, "Drag a program to reorder, or focus it and press Alt+↑/↓ (Delete removes it). Your true list is the order you really prefer; the submitted list is what you would send to the NRMP."),
    h(
      doc,
      "div",
      { class: "list-columns" },
      h(doc, "div", { class: "list-column", "data-list": "true" }, h(doc, "h4", {}, "True preference order"), editorFor("trueList", 0, "your true order")),
      h(doc, "div", { class: "list-column", "data-list": "submitted" }, h(doc, "h4", {}, "Submitted list"), editorFor("submitted", 1, "your submitted list"), reset),
    ),
  );
}

/** Suggestions for the "add a program" boxes: the market's program ids (the first 2,000, to keep the page light). */
export function programsDatalist(doc: Document, programIds: readonly string[]): HTMLDataListElement {
  return h(doc, "datalist", { id: "lab-programs" }, ...programIds.slice(0, 2000).map((id) => h(doc, "option", { value: id })));
}
