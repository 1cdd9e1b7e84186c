import { h } from "../shell/dom.ts";
import { addApplicant, addProgram, addRank, moveRank, removeParticipant, removeRank, renameReferences, setId, setQuota, type Draft, type DraftProgram, type Side } from "./draft.ts";
import { rankList } from "./rankList.ts";

/** Participants drawn as cards; beyond this the editor shows a note (use import/export for large markets). */
export const MAX_CARDS = 150;

export interface EditorHandlers {
  /** A structural change: the editor is rebuilt. */
  change(draft: Draft, announce?: string): void;
  /** A keystroke in a text field: saved and validated, without rebuilding (focus stays put). */
  type(draft: Draft): void;
  current(): Draft;
}

/** The two columns of participant cards. */
export function editor(doc: Document, draft: Draft, handlers: EditorHandlers): HTMLElement {
  const column = (side: Side): HTMLElement => {
    const items = draft[side];
    const title = side === "programs" ? "Programs" : "Applicants";
    const addButton = h(doc, "button", { type: "button", class: "add-participant", "data-focus": `add-${side}` }, side === "programs" ? "+ Add program" : "+ Add applicant");
    addButton.addEventListener("click", () => {
      const next = side === "programs" ? addProgram(handlers.current()) : addApplicant(handlers.current());
      handlers.change(next, `Added ${next[side][next[side].length - 1]!.id}`);
    });
    // One suggestion list per column: ids of the other side (a list per card would cost nA × nP options).
    const datalistId = `${side}-options`;
    const datalist = h(doc, "datalist", { id: datalistId });
    for (const other of side === "programs" ? draft.applicants : draft.programs) datalist.append(h(doc, "option", { value: other.id }));
    const cards = items.slice(0, MAX_CARDS).map((item, i) => card(doc, side, i, item.id, side === "programs" ? (item as DraftProgram).quota : null, item.rol, datalistId, handlers));
    return h(
      doc,
      "section",
      { class: `column ${side}`, "aria-labelledby": `${side}-title` },
      h(doc, "h3", { id: `${side}-title` }, `${title} (${items.length})`),
      ...cards,
      items.length > MAX_CARDS ? h(doc, "p", { class: "hint" }, `Showing the first ${MAX_CARDS} of ${items.length}. Edit larger markets as files and import them.`) : null,
      addButton,
      datalist,
    );
  };
  return h(doc, "div", { class: "editor" }, column("programs"), column("applicants"));
}

function card(doc: Document, side: Side, i: number, id: string, quota: string | null, rol: readonly string[], datalistId: string, handlers: EditorHandlers): HTMLElement {
  const kind = side === "programs" ? "Program" : "Applicant";
  const idInput = h(doc, "input", { type: "text", value: id, "aria-label": `${kind} id`, "data-focus": `${side}-${i}-id`, "data-path": `${side}[${i}].id`, class: "id-input", spellcheck: "false" });
  let committed = id;
  idInput.addEventListener("input", () => handlers.type(setId(handlers.current(), side, i, idInput.value)));
  idInput.addEventListener("change", () => {
    // Rename the id on the other side's lists once the edit is committed (blur or Enter).
    const next = renameReferences(handlers.current(), side, committed, idInput.value);
    committed = idInput.value;
    handlers.change(next);
  });
  const remove = h(doc, "button", { type: "button", class: "remove", "aria-label": `Remove ${kind.toLowerCase()} ${id}` }, "Remove");
  remove.addEventListener("click", () => handlers.change(removeParticipant(handlers.current(), side, i), `Removed ${id}`));
  const header = h(doc, "div", { class: "card-head" }, idInput);
  if (quota !== null) {
    const quotaInput = h(doc, "input", { type: "text", inputmode: "numeric", value: quota, "aria-label": `Positions at ${id}`, "data-focus": `${side}-${i}-quota`, "data-path": `${side}[${i}].quota`, class: "quota-input" });
    quotaInput.addEventListener("input", () => handlers.type(setQuota(handlers.current(), i, quotaInput.value)));
    header.append(h(doc, "label", { class: "quota" }, "positions ", quotaInput));
  }
  header.append(remove);
  const list = rankList(doc, side, i, id, rol, datalistId, {
    move: (from, to) => {
      if (to < 0 || to >= rol.length) return;
      handlers.change(moveRank(handlers.current(), side, i, from, to), `${rol[from]} moved to rank ${to + 1} on ${id}'s list`);
      // Keep focus on the moved chip.
      doc.querySelector<HTMLElement>(`[data-focus="${side}-${i}-rol-${to}"]`)?.focus();
    },
    remove: (k) => handlers.change(removeRank(handlers.current(), side, i, k), `Removed ${rol[k]} from ${id}'s list`),
    add: (other) => handlers.change(addRank(handlers.current(), side, i, other), `Added ${other} to ${id}'s list`),
  });
  return h(doc, "article", { class: "card", "data-card": `${side}[${i}]`, "aria-label": `${kind} ${id}` }, header, list, h(doc, "ul", { class: "card-issues", id: `${side}-${i}-issues` }));
}
