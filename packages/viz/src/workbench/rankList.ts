import { h } from "../shell/dom.ts";
import type { Side } from "./draft.ts";

export interface RankListHandlers {
  move(from: number, to: number): void;
  remove(rank: number): void;
  add(id: string): void;
}

/**
 * One editable rank list: chips reordered by drag and drop or by keyboard (Alt+↑/↓ moves, ↑/↓ walks, Delete
 * removes), and a text box with suggestions (the datalist `datalistId`, shared by the column) to append an id. Each chip carries `data-focus` so the workbench
 * can put focus back after re-rendering, and `data-path` (core's issue path) for inline errors.
 */
export function rankList(doc: Document, side: Side, index: number, owner: string, rol: readonly string[], datalistId: string, handlers: RankListHandlers): HTMLElement {
  const listId = `${side}-${index}-rol`;
  const ol = h(doc, "ol", { class: "rank-list", "aria-label": `Rank list of ${owner}` });
  rol.forEach((id, k) => {
    const remove = h(doc, "button", { type: "button", class: "chip-remove", "aria-label": `Remove ${id} from ${owner}'s list`, tabindex: -1 }, "✕");
    remove.addEventListener("click", () => handlers.remove(k));
    const chip = h(
      doc,
      "li",
      {
        class: "chip",
        draggable: "true",
        tabindex: 0,
        "data-focus": `${listId}-${k}`,
        "data-path": `${side}[${index}].rol[${k}]`,
        "aria-label": `Rank ${k + 1} of ${rol.length}: ${id}. Alt plus arrow keys move it, Delete removes it.`,
      },
      h(doc, "span", { class: "rank" }, `${k + 1}`),
      h(doc, "span", { class: "chip-id" }, id),
      remove,
    );
    chip.addEventListener("keydown", (e) => {
      if ((e.altKey || e.ctrlKey) && (e.key === "ArrowUp" || e.key === "ArrowDown")) handlers.move(k, e.key === "ArrowUp" ? k - 1 : k + 1);
      else if (e.key === "ArrowUp") (chip.previousElementSibling as HTMLElement | null)?.focus();
      else if (e.key === "ArrowDown") (chip.nextElementSibling as HTMLElement | null)?.focus();
      else if (e.key === "Delete" || e.key === "Backspace") handlers.remove(k);
      else return;
      e.preventDefault();
    });
    chip.addEventListener("dragstart", (e) => {
      e.dataTransfer?.setData("application/x-matchlab-rank", `${listId}:${k}`);
      if (e.dataTransfer !== null) e.dataTransfer.effectAllowed = "move";
      chip.classList.add("dragging");
    });
    chip.addEventListener("dragend", () => chip.classList.remove("dragging"));
    chip.addEventListener("dragover", (e) => {
      if (e.dataTransfer?.types.includes("application/x-matchlab-rank")) {
        e.preventDefault();
        chip.classList.add("drop-target");
      }
    });
    chip.addEventListener("dragleave", () => chip.classList.remove("drop-target"));
    chip.addEventListener("drop", (e) => {
      e.preventDefault();
      chip.classList.remove("drop-target");
      const [from, rank] = (e.dataTransfer?.getData("application/x-matchlab-rank") ?? "").split(":");
      if (from === listId && rank !== undefined) handlers.move(Number(rank), k);
    });
    ol.append(chip);
  });
  const input = h(doc, "input", { type: "text", list: datalistId, placeholder: side === "programs" ? "add an applicant…" : "add a program…", "aria-label": `New entry for ${owner}'s list`, "data-focus": `${listId}-add`, class: "add-rank" });
  const add = h(doc, "button", { type: "button", "aria-label": `Add to ${owner}'s list` }, "Add");
  const submit = (): void => {
    const id = input.value.trim();
    if (id !== "") handlers.add(id);
  };
  add.addEventListener("click", submit);
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      submit();
    }
  });
  return h(doc, "div", { class: "rank-editor" }, ol, h(doc, "div", { class: "add-row" }, input, add));
}
