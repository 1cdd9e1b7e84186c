import { h } from "../shell/dom.ts";
import type { BarsDims } from "./barsWithMarks.ts";

/**
 * The table behind a chart, in a disclosure under it: the same numbers for screen readers, keyboard users and
 * anyone who wants exact figures. Numeric columns (all but the first) are right-aligned. The table is built when
 * the disclosure first opens: most readers never open it, and the panels then draw in half the main-thread time.
 */
export function chartTable(doc: Document, caption: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): HTMLDetailsElement {
  const scroll = h(doc, "div", { class: "table-scroll", tabindex: 0, role: "region", "aria-label": caption });
  const details = h(doc, "details", { class: "dash-details" }, h(doc, "summary", {}, "Show the numbers as a table"), scroll);
  details.addEventListener("toggle", () => {
    if (!details.open || scroll.childElementCount > 0) return;
    scroll.append(
      h(
        doc,
        "table",
        { class: "dash-table" },
        h(doc, "caption", {}, caption),
        h(doc, "thead", {}, h(doc, "tr", {}, ...header.map((text) => h(doc, "th", { scope: "col" }, text)))),
        h(doc, "tbody", {}, ...rows.map(([first, ...rest]) => h(doc, "tr", {}, h(doc, "th", { scope: "row" }, first ?? ""), ...rest.map((text) => h(doc, "td", {}, text))))),
      ),
    );
  });
  return details;
}

/** One dashboard panel: heading, a sentence that says what to see, the chart, its table. */
export function panel(doc: Document, id: string, title: string, ...body: Array<Node | string>): HTMLElement {
  return h(doc, "section", { class: "panel dash-panel", "aria-labelledby": `${id}-title`, "data-panel": id }, h(doc, "h3", { id: `${id}-title` }, title), ...body);
}

export const barsDims = (width: number, labelWidth = 120): BarsDims => ({ width, labelWidth: Math.min(labelWidth, width * 0.42), barHeight: 26 });

