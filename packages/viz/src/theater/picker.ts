import type { Side } from "@matchlab/core";
import { builtIns } from "../scenarios.ts";
import { h } from "../shell/dom.ts";

export interface Picker {
  root: HTMLElement;
  /** Shows the scenario and side of the current address. */
  set(key: string, side: Side): void;
}

/** Scenario menu and proposing-side toggle; both change the address, so the back button undoes them. */
export function createPicker(doc: Document, navigate: (key: string, side: Side) => void): Picker {
  let key = "";
  let side: Side = "applicant";
  const select = h(doc, "select", { id: "scenario-select" });
  for (const b of builtIns) select.append(h(doc, "option", { value: b.key }, b.title));
  select.append(h(doc, "option", { value: "workbench" }, "Your workbench scenario"));
  select.addEventListener("change", () => navigate(select.value, side));
  const radios = (["applicant", "program"] as const).map((s) => {
    const input = h(doc, "input", { type: "radio", name: "side", value: s, id: `side-${s}` });
    input.addEventListener("change", () => navigate(key, s));
    return { s, input, label: h(doc, "label", { for: `side-${s}` }, `${s === "applicant" ? "Applicant" : "Program"}-proposing`) };
  });
  const root = h(
    doc,
    "div",
    { class: "toolbar" },
    h(doc, "label", { for: "scenario-select" }, "Scenario "),
    select,
    h(doc, "fieldset", { class: "side-toggle" }, h(doc, "legend", {}, "Who proposes"), ...radios.flatMap((r) => [r.input, r.label])),
  );
  return {
    root,
    set(nextKey, nextSide) {
      key = nextKey;
      side = nextSide;
      select.value = key;
      for (const r of radios) r.input.checked = r.s === side;
    },
  };
}
