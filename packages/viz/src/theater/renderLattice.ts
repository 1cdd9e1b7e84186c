import { range } from "d3";
import { create, type RenderContext } from "../svg.ts";
import type { Lattice } from "./lattice.ts";

/** What one picture of the lattice shows; nodes and edges are read by index. */
export interface LatticeData {
  lattice: Lattice;
  /** Accessible name per matching (who is where). */
  nodeLabels: readonly string[];
  /** Who moves where, per rotation. */
  rotationLabels: readonly string[];
  /** The matching shown in the bipartite diagram, or -1 when it shows the engine's run. */
  selected: number;
  /** The matching the engine's run ends in (applicant- or program-optimal). */
  current: number;
}

export interface LatticeScales {
  x: Float64Array;
  y: Float64Array;
}

export interface LatticeDims {
  width: number;
  height: number;
  radius: number;
}

/**
 * Levels from applicant-optimal (top, no rotation applied) to program-optimal (bottom, all applied); within a level,
 * nodes sorted by the mean position of the nodes above them, which keeps most cover edges from crossing.
 */
export function layoutLattice(lattice: Lattice, width: number, rotationLabels: readonly string[] = []): { scales: LatticeScales; dims: LatticeDims } {
  const n = lattice.matchings.length;
  const level = lattice.applied.map((set) => set.length);
  const depth = Math.max(...level);
  const rows: number[][] = Array.from({ length: depth + 1 }, () => []);
  for (let i = 0; i < n; i++) rows[level[i]!]!.push(i);
  const widest = Math.max(...rows.map((r) => r.length));
  const gap = 64;
  // Edge labels start right of the centre line: leave room for the longest (11-px text, about 6 px a character).
  const labelled = lattice.edges.length <= MAX_LABELLED_EDGES ? Math.max(0, ...rotationLabels.map((t) => t.length)) * 6 : 0;
  const dims: LatticeDims = { width: Math.max(width, widest * gap + 40, 2 * (labelled + 40)), height: depth * 70 + 60, radius: 14 };
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const parents: number[][] = Array.from({ length: n }, () => []);
  for (const e of lattice.edges) parents[e.to]!.push(e.from);
  rows.forEach((row, l) => {
    const key = (i: number): number => (parents[i]!.length === 0 ? i : parents[i]!.reduce((s, p) => s + x[p]!, 0) / parents[i]!.length);
    const keys = new Map(row.map((i) => [i, key(i)]));
    row.sort((a, b) => keys.get(a)! - keys.get(b)! || a - b);
    row.forEach((i, k) => {
      x[i] = dims.width / 2 + (k - (row.length - 1) / 2) * gap;
      y[i] = 30 + l * 70;
    });
  });
  return { scales: { x, y }, dims };
}

/** Edge labels get crowded beyond this many edges; then they move into each edge's tooltip only. */
const MAX_LABELLED_EDGES = 24;

/** The Hasse diagram as a detached SVG: one focusable node per stable matching, one labelled edge per rotation step. */
export function renderLattice(data: LatticeData, scales: LatticeScales, dims: LatticeDims, ctx: RenderContext): SVGSVGElement {
  const { lattice } = data;
  const n = lattice.matchings.length;
  const focusable = data.selected >= 0 ? data.selected : data.current;
  const svg = create("svg", ctx)
    .attr("class", "lattice")
    .attr("viewBox", `0 0 ${dims.width} ${dims.height}`)
    .attr("width", dims.width)
    .attr("height", dims.height)
    .attr("role", "group")
    .attr("aria-label", `Lattice of the ${n} stable matching${n === 1 ? "" : "s"}, applicant-optimal at the top, program-optimal at the bottom`);
  const edges = svg.append("g").attr("class", "edges").selectAll("g").data(lattice.edges).join("g").attr("class", "edge");
  edges
    .append("line")
    .attr("x1", (e) => scales.x[e.from]!)
    .attr("y1", (e) => scales.y[e.from]!)
    .attr("x2", (e) => scales.x[e.to]!)
    .attr("y2", (e) => scales.y[e.to]!);
  edges.append("title").text((e) => data.rotationLabels[e.rotation]!);
  if (lattice.edges.length <= MAX_LABELLED_EDGES) {
    edges
      .append("text")
      .attr("x", (e) => (scales.x[e.from]! + scales.x[e.to]!) / 2 + 8)
      .attr("y", (e) => (scales.y[e.from]! + scales.y[e.to]!) / 2)
      .attr("dy", "0.35em")
      .attr("aria-hidden", "true")
      .text((e) => data.rotationLabels[e.rotation]!);
  }
  const node = svg
    .append("g")
    .attr("class", "nodes")
    .selectAll("g")
    .data(range(n))
    .join("g")
    .attr("class", (i) => `matching-node${i === data.selected ? " selected" : ""}${i === data.current ? " current" : ""}`)
    .attr("data-matching", (i) => i)
    .attr("tabindex", (i) => (i === focusable ? 0 : -1))
    .attr("role", "button")
    .attr("aria-pressed", (i) => String(i === data.selected))
    .attr("aria-label", (i) => data.nodeLabels[i]!)
    .attr("transform", (i) => `translate(${scales.x[i]},${scales.y[i]})`);
  node.append("circle").attr("r", dims.radius);
  node
    .append("text")
    .attr("text-anchor", "middle")
    .attr("dy", "0.35em")
    .attr("aria-hidden", "true")
    .text((i) => String(i + 1));
  // Ends named in words as well as by position, outside the nodes so each node's visible text is its number only.
  svg
    .append("g")
    .attr("class", "end-labels")
    .attr("aria-hidden", "true")
    .selectAll("text")
    .data(lattice.programOptimal === 0 ? [0] : [0, lattice.programOptimal])
    .join("text")
    .attr("class", "end-label")
    .attr("x", (i) => scales.x[i]! - dims.radius - 6)
    .attr("y", (i) => scales.y[i]!)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .text((i) => (i === lattice.programOptimal ? (i === 0 ? "the only stable matching" : "program-optimal") : "applicant-optimal"));
  node.append("title").text((i) => data.nodeLabels[i]!);
  return svg.node()!;
}
