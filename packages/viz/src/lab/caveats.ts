import { h } from "../shell/dom.ts";

/** What the lab's guarantee does not cover, stated once beside the results. */
export function caveatsBox(doc: Document): HTMLElement {
  return h(
    doc,
    "aside",
    { class: "caveats", "aria-labelledby": "lab-caveats-title" },
    h(doc, "h3", { id: "lab-caveats-title" }, "What this does not promise"),
    h(
      doc,
      "ul",
      {},
      h(doc, "li", {}, "The guarantee is for a single applicant when applicants propose, as in the NRMP's algorithm: no list beats your true preferences, whatever the others do."),
      h(doc, "li", {}, "Couples have no such guarantee: with couples' paired lists, a stable matching may not even exist, and a couple can sometimes gain by ranking differently."),
      h(doc, "li", {}, "Programs have no such guarantee either: a program can sometimes do better by ranking applicants other than in its true order, or by offering fewer positions."),
      h(doc, "li", {}, "A simulated market is not a prediction of your real Match. The generated markets follow the NRMP's published 2025 figures, but your interviews, the other applicants and the programs' tastes are drawn by a model."),
    ),
  );
}
