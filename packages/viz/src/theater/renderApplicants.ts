import { EventKind } from "@matchlab/core";
import { range } from "d3";
import { create, type RenderContext } from "../svg.ts";
import { applicantTop, type BipartiteData } from "./bipartiteData.ts";
import { holdersToMatch } from "./replay.ts";
import type { BipartiteDims, BipartiteScales } from "./layout.ts";

/** One focusable box per applicant, saying where she is held; the page wires clicks through `data-applicant`. */
export function renderApplicants(data: BipartiteData, scales: BipartiteScales, dims: BipartiteDims, ctx: RenderContext): SVGGElement {
  const nA = data.applicantIds.length;
  const heldAt = holdersToMatch(data.frame, nA);
  const g = create("g", ctx).attr("class", "applicants");
  const bw = scales.applicantY.bandwidth();
  const box = g
    .selectAll("g")
    .data(range(nA))
    .join("g")
    .attr("class", (a) => applicantClass(data, heldAt, a))
    .attr("data-applicant", (a) => a)
    .attr("tabindex", 0)
    .attr("role", "button")
    .attr("aria-pressed", (a) => String(a === data.selected))
    .attr("aria-label", (a) => applicantLabel(data, heldAt, a))
    .attr("transform", (a) => `translate(${dims.applicantX},${applicantTop(scales.applicantY(a)!, bw, dims.boxHeight)})`);
  box.append("rect").attr("width", dims.applicantWidth).attr("height", dims.boxHeight).attr("rx", 6);
  box
    .append("text")
    .attr("x", 8)
    .attr("y", dims.boxHeight / 2)
    .attr("dy", "0.35em")
    .text((a) => clip(data.applicantIds[a]!, dims.applicantWidth - 26));
  // Shapes as well as colours, so nothing depends on telling hues apart.
  box
    .filter((a) => data.differs[a] === 1)
    .append("text")
    .attr("class", "badge")
    .attr("x", dims.applicantWidth - 8)
    .attr("y", dims.boxHeight / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .text("≠");
  // Moved applicants get a shape cue as well as the fill: a double arrow, left of any ≠ badge.
  box
    .filter((a) => data.moved[a] === 1)
    .append("text")
    .attr("class", "badge moved-badge")
    .attr("x", (a) => dims.applicantWidth - (data.differs[a] === 1 ? 22 : 8))
    .attr("y", dims.boxHeight / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .text("↕");
  box
    .filter((a) => data.frame.exhausted[a] === 1)
    .append("line")
    .attr("class", "strike")
    .attr("x1", 4)
    .attr("x2", dims.applicantWidth - 4)
    .attr("y1", dims.boxHeight / 2)
    .attr("y2", dims.boxHeight / 2);
  box.append("title").text((a) => applicantLabel(data, heldAt, a));
  return g.node()!;
}

function applicantClass(data: BipartiteData, heldAt: Int32Array, a: number): string {
  let c = "applicant";
  if (heldAt[a]! >= 0) c += " held";
  if (data.frame.exhausted[a] === 1) c += " exhausted";
  if (data.differs[a] === 1) c += " differs";
  if (data.moved[a] === 1) c += " moved";
  if (a === data.selected) c += " selected";
  if (data.event !== null && (data.event.applicant === a || (data.side === "applicant" && data.event.kind === EventKind.bump && data.event.other === a))) c += " active";
  return c;
}

function applicantLabel(data: BipartiteData, heldAt: Int32Array, a: number): string {
  const id = data.applicantIds[a]!;
  const p = heldAt[a]!;
  let text = p >= 0 ? `${id}: held at ${data.programIds[p]}` : data.frame.exhausted[a] === 1 ? `${id}: list exhausted, unmatched` : `${id}: not held`;
  if (data.differs[a] === 1) text += " (outcome differs between applicant- and program-proposing)";
  if (data.moved[a] === 1) text += ` (${data.movedNote})`;
  return text;
}

/** Shortens a label to about `px` pixels of 13-px text (about 7.5 px a character). */
export function clip(text: string, px: number): string {
  const max = Math.max(3, Math.floor(px / 7.5));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
