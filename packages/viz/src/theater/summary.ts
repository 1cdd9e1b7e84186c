import type { CompiledMarket } from "@matchlab/core";
import { h } from "../shell/dom.ts";
import { palette } from "../svg.ts";
import { eventStyles } from "./renderEvent.ts";

const legendText = ["proposal", "tentative hold", "bump", "rejected: not ranked", "rejected: full", "list exhausted"];

/** What the arrow colours and dashes mean (each also carries a word on the diagram). */
export function legend(doc: Document): HTMLElement {
  const list = h(doc, "ul", { class: "legend", "aria-label": "Legend" });
  eventStyles.forEach((style, kind) => {
    const swatch = h(doc, "span", { class: `swatch ${style.name}`, "aria-hidden": "true" });
    swatch.style.borderTopColor = style.color;
    list.append(h(doc, "li", {}, swatch, legendText[kind]!));
  });
  const differs = h(doc, "span", { class: "swatch-text", "aria-hidden": "true" }, "≠");
  differs.style.color = palette.blue;
  list.append(h(doc, "li", {}, differs, "outcome differs by proposing side"));
  const blocking = h(doc, "span", { class: "swatch blocking", "aria-hidden": "true" });
  blocking.style.borderTopColor = palette.purple;
  list.append(h(doc, "li", {}, blocking, "blocking pair"));
  return list;
}

/** Applicant → program table for the matching shown; the caption says whether it is final. */
export function resultTable(doc: Document, market: CompiledMarket, matchOf: ArrayLike<number>, caption: string, differs: Uint8Array): HTMLTableElement {
  const body = h(doc, "tbody", {});
  for (let a = 0; a < market.nA; a++) {
    const p = matchOf[a]!;
    body.append(
      h(
        doc,
        "tr",
        { "data-applicant": market.applicantIds[a]!, class: differs[a] === 1 ? "differs" : null },
        h(doc, "th", { scope: "row" }, market.applicantIds[a]!, differs[a] === 1 ? " ≠" : ""),
        h(doc, "td", {}, p >= 0 ? market.programIds[p]! : "—"),
      ),
    );
  }
  return h(
    doc,
    "table",
    { class: "matching" },
    h(doc, "caption", {}, caption),
    h(doc, "thead", {}, h(doc, "tr", {}, h(doc, "th", { scope: "col" }, "Applicant"), h(doc, "th", { scope: "col" }, "Program"))),
    body,
  );
}
