import { EventKind } from "@matchlab/core";
import { range } from "d3";
import { create, type RenderContext } from "../svg.ts";
import type { BipartiteData } from "./bipartiteData.ts";
import { slotRect, type BipartiteDims, type BipartiteScales } from "./layout.ts";
import { clip } from "./renderApplicants.ts";

/** Each program as a label and one box per position; a held applicant's name sits in her slot. */
export function renderPrograms(data: BipartiteData, scales: BipartiteScales, dims: BipartiteDims, ctx: RenderContext): SVGGElement {
  const { frame, event } = data;
  const g = create("g", ctx).attr("class", "programs");
  const block = g
    .selectAll<SVGGElement, number>("g")
    .data(range(data.programIds.length))
    .join("g")
    .attr("class", (p) => (event !== null && event.program === p ? "program active" : "program"))
    .attr("data-program", (p) => p);
  block
    .append("text")
    .attr("class", "program-label")
    .attr("x", dims.programX)
    .attr("y", (p) => scales.programTop[p]! + dims.labelHeight - 6)
    .text((p) => `${clip(data.programIds[p]!, dims.programWidth - 90)} · ${data.quota[p]} position${data.quota[p] === 1 ? "" : "s"}`);
  block.each(function (this: SVGGElement, p) {
    const start = frame.slotStart[p]!;
    const slots = Array.from({ length: frame.slotStart[p + 1]! - start }, (_, k) => k);
    const cells = create("g", ctx).attr("class", "slots");
    const cell = cells
      .selectAll("g")
      .data(slots)
      .join("g")
      .attr("class", (k) => slotClass(data, p, frame.slotHolder[start + k]!))
      .attr("transform", (k) => {
        const r = slotRect(scales, dims, p, k);
        return `translate(${r.x},${r.y})`;
      });
    cell.append("rect").attr("width", dims.slotWidth).attr("height", dims.boxHeight).attr("rx", 4);
    cell
      .append("text")
      .attr("x", 8)
      .attr("y", dims.boxHeight / 2)
      .attr("dy", "0.35em")
      .text((k) => {
        const a = frame.slotHolder[start + k]!;
        return a >= 0 ? clip(data.applicantIds[a]!, dims.slotWidth - 12) : "open";
      });
    const waiting = frame.waiting[p]!;
    if (waiting >= 0) {
      // The instant between a hold at a full program and the bump it causes (or a hand-made overfull program):
      // the newcomer waits in a dashed box at the right end of the label row.
      const w = cells.append("g").attr("class", "slot waiting").attr("transform", `translate(${dims.programX + dims.programWidth - dims.slotWidth * 0.6},${scales.programTop[p]! - 2})`);
      w.append("rect").attr("width", dims.slotWidth * 0.6).attr("height", dims.labelHeight).attr("rx", 4);
      w.append("text").attr("x", 6).attr("y", dims.labelHeight / 2).attr("dy", "0.35em").text(`+ ${clip(data.applicantIds[waiting]!, dims.slotWidth * 0.6 - 20)}`);
    }
    this.appendChild(cells.node()!);
  });
  return g.node()!;
}

function slotClass(data: BipartiteData, p: number, a: number): string {
  if (a < 0) return "slot open";
  const e = data.event;
  const arriving = e !== null && e.kind === EventKind.hold && e.program === p && e.applicant === a;
  return `slot filled${arriving ? " arriving" : ""}${data.moved[a] === 1 ? " moved" : ""}${a === data.selected ? " selected" : ""}`;
}
