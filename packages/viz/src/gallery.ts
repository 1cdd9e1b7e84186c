import "./style.css";
import * as dashboard from "../test/views/dashboard.ts";
import * as lattice from "../test/views/lattice.ts";
import * as theater from "../test/views/theater.ts";
import * as fullTheater from "../test/views/fullTheater.ts";

// Dev-only page (`pnpm dev`, then /gallery.html): the same functions the snapshot tests render under jsdom,
// shown with the app's styles. One registry, two uses.
const registry = new Map<string, (doc: Document) => SVGSVGElement>();
for (const [name, view] of [...Object.entries(theater), ...Object.entries(lattice), ...Object.entries(fullTheater), ...Object.entries(dashboard)]) {
  if (registry.has(name)) throw new Error(`gallery: duplicate view name ${name}`);
  registry.set(name, view);
}
const main = document.getElementById("main")!;
for (const [name, view] of registry) {
  const figure = document.createElement("figure");
  const caption = document.createElement("figcaption");
  caption.textContent = name;
  figure.append(caption, view(document));
  main.append(figure);
}
