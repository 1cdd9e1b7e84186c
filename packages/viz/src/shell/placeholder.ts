import { h } from "./dom.ts";
import type { ViewHandle } from "./view.ts";

/** A reserved slot for a view that a later issue fills in. */
export function mountPlaceholder(container: HTMLElement, title: string, text: string): ViewHandle {
  const doc = container.ownerDocument;
  const section = h(
    doc,
    "section",
    { class: "view placeholder", "aria-labelledby": "view-title" },
    h(doc, "h2", { id: "view-title", tabindex: -1 }, title),
    h(doc, "p", {}, text),
    h(doc, "p", {}, "Coming soon. Meanwhile, build a market in the ", h(doc, "a", { href: "#/workbench" }, "workbench"), " and watch it in the ", h(doc, "a", { href: "#/theater" }, "theater"), "."),
  );
  container.append(section);
  return { update() {}, destroy: () => section.remove() };
}
