import type { CompiledMarket } from "@matchlab/core";
import { h } from "../shell/dom.ts";
import { describeRotation, type Lattice } from "./lattice.ts";
import { layoutLattice, renderLattice } from "./renderLattice.ts";

export interface LatticeHandlers {
  /** Show stable matching `i` in the diagram; -1 goes back to the engine's run. */
  select(i: number): void;
}

/** "Stable matching 2 of 3 (program-optimal): Y at A, Z at B." */
export function matchingLabel(market: CompiledMarket, lattice: Lattice, i: number): string {
  const n = lattice.matchings.length;
  const end = i === 0 && i === lattice.programOptimal ? " (the only one)" : i === 0 ? " (applicant-optimal)" : i === lattice.programOptimal ? " (program-optimal)" : "";
  const m = lattice.matchings[i]!;
  const who = market.applicantIds.map((id, a) => `${id} at ${m[a]! >= 0 ? market.programIds[m[a]!] : "no program"}`).join(", ");
  return `Stable matching ${i + 1} of ${n}${end}: ${who}.`;
}

/** Neighbours for keyboard stepping: ↓ applies a rotation (first matching below), ↑ undoes one. */
function neighbour(lattice: Lattice, i: number, key: string): number {
  const n = lattice.matchings.length;
  if (key === "ArrowRight") return Math.min(n - 1, i + 1);
  if (key === "ArrowLeft") return Math.max(0, i - 1);
  if (key === "Home") return 0;
  if (key === "End") return lattice.programOptimal;
  const edge = key === "ArrowDown" ? lattice.edges.find((e) => e.from === i) : lattice.edges.find((e) => e.to === i);
  return edge === undefined ? i : key === "ArrowDown" ? edge.to : edge.from;
}

/**
 * The lattice of all stable matchings: Hasse diagram, previous/next buttons and what the last step moved.
 * Keyboard on a node: ←/→ previous/next matching, ↓/↑ along an edge (apply/undo a rotation), Home/End the two ends.
 */
export function latticePanel(doc: Document, market: CompiledMarket, lattice: Lattice, selected: number, current: number, handlers: LatticeHandlers): HTMLElement {
  const n = lattice.matchings.length;
  const at = selected >= 0 ? selected : current;
  const data = {
    lattice,
    nodeLabels: lattice.matchings.map((_, i) => matchingLabel(market, lattice, i)),
    rotationLabels: lattice.rotations.map((moves) => describeRotation(market, moves)),
    selected,
    current,
  };
  const { scales, dims } = layoutLattice(lattice, 320, data.rotationLabels);
  const svg = renderLattice(data, scales, dims, { document: doc, idPrefix: "lattice" });
  const host = h(doc, "div", { class: "lattice-host" }, svg);
  host.addEventListener("click", (e) => {
    const node = (e.target as Element).closest?.("[data-matching]");
    if (node) handlers.select(Number(node.getAttribute("data-matching")));
  });
  host.addEventListener("keydown", (e) => {
    const node = (e.target as Element).closest?.("[data-matching]");
    if (!node) return;
    const i = Number(node.getAttribute("data-matching"));
    if (e.key === "Enter" || e.key === " ") handlers.select(i);
    else if (["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "Home", "End"].includes(e.key)) handlers.select(neighbour(lattice, i, e.key));
    else return;
    // The theater steps through events on ←/→: inside the lattice they step between matchings instead.
    e.preventDefault();
    e.stopPropagation();
  });
  const prev = h(doc, "button", { type: "button", disabled: at <= 0 }, "◀ Previous matching");
  prev.addEventListener("click", () => handlers.select(at - 1));
  const next = h(doc, "button", { type: "button", disabled: at >= n - 1 }, "Next matching ▶");
  next.addEventListener("click", () => handlers.select(at + 1));
  const back = h(doc, "button", { type: "button", disabled: selected < 0 }, "Back to the engine's run");
  back.addEventListener("click", () => handlers.select(-1));
  const intro =
    n === 1
      ? "This market has exactly one stable matching: applicant- and program-proposing must agree."
      : `This market has ${n} stable matchings. Each edge is a rotation: applying it moves every applicant named on it down her list, and each program she moves to gains someone it prefers. Top: applicant-optimal (what applicant-proposing finds); bottom: program-optimal.`;
  return h(
    doc,
    "section",
    { class: "panel lattice-panel", "aria-labelledby": "lattice-title" },
    h(doc, "h3", { id: "lattice-title" }, "All stable matchings"),
    h(doc, "p", {}, intro),
    h(doc, "div", { class: "row" }, prev, next, back),
    h(doc, "p", { class: "lattice-status", role: "status" }, selected >= 0 ? `Showing ${data.nodeLabels[selected]}` : "The diagram shows the engine's run; pick a matching to show it instead."),
    host,
    h(doc, "p", { class: "hint" }, "Keyboard on a matching: ← → previous/next, ↓ ↑ along an edge (apply or undo a rotation), Home/End the two ends, Enter shows it."),
  );
}
