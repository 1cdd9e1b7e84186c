import { EventKind } from "@matchlab/core";
import { create, palette, type RenderContext } from "../svg.ts";
import { applicantTop, type BipartiteData } from "./bipartiteData.ts";
import type { BipartiteDims, BipartiteScales } from "./layout.ts";
import { slotRect } from "./layout.ts";

/**
 * Colour, dash and word per event kind: never colour alone. Indexed by core's `EventKind`. Words are drawn in ink,
 * not in the colour: several Okabe–Ito hues are too light for text on white.
 */
export const eventStyles = [
  { name: "propose", color: palette.blue, dash: null, word: "applies" },
  { name: "hold", color: palette.green, dash: null, word: "holds" },
  { name: "bump", color: palette.vermillion, dash: "6 4", word: "bumped" },
  { name: "rejectUnranked", color: palette.grey, dash: "2 4", word: "✕ not ranked" },
  { name: "rejectFull", color: palette.orange, dash: "8 3 2 3", word: "✕ full" },
  { name: "exhausted", color: palette.purple, dash: null, word: "list exhausted" },
] as const;

export const markerId = (ctx: RenderContext, kind: number): string => `${ctx.idPrefix}-arrow-${eventStyles[kind]!.name}`;

/** Arrowheads, one per event colour (SVG 1.1 markers cannot take the line's colour). */
export function renderDefs(ctx: RenderContext): SVGDefsElement {
  const defs = create("defs", ctx);
  eventStyles.forEach((style, kind) => {
    defs
      .append("marker")
      .attr("id", markerId(ctx, kind))
      .attr("viewBox", "0 0 10 10")
      .attr("refX", 9)
      .attr("refY", 5)
      .attr("markerWidth", 7)
      .attr("markerHeight", 7)
      .attr("orient", "auto-start-reverse")
      .append("path")
      .attr("d", "M0,0L10,5L0,10z")
      .attr("fill", style.color);
  });
  return defs.node()!;
}

/** The arrow (or mark) for the event just played. */
export function renderEvent(data: BipartiteData, scales: BipartiteScales, dims: BipartiteDims, ctx: RenderContext): SVGGElement {
  const g = create("g", ctx).attr("class", "event");
  const event = data.event;
  if (event === null) return g.node()!;
  const style = eventStyles[event.kind]!;
  g.attr("class", `event ${style.name}`);
  const applicantEdge = (a: number): [number, number] => [
    dims.applicantX + dims.applicantWidth + 2,
    applicantTop(scales.applicantY(a)!, scales.applicantY.bandwidth(), dims.boxHeight) + dims.boxHeight / 2,
  ];
  if (event.kind === EventKind.exhausted) {
    // Applicant-proposing: she ran out of programs. Program-proposing: a program ran out of applicants.
    const [x, y] =
      event.applicant >= 0 ? applicantEdge(event.applicant) : [dims.programX + dims.programWidth - 4, scales.programTop[event.program]! + dims.labelHeight - 6];
    g.append("text")
      .attr("class", "event-label")
      .attr("x", event.applicant >= 0 ? x + 6 : x)
      .attr("y", y)
      .attr("dy", "0.35em")
      .attr("text-anchor", event.applicant >= 0 ? "start" : "end")
      .text(event.applicant >= 0 ? "✕ list exhausted" : "✕ no one left to offer");
    return g.node()!;
  }
  const [ax, ay] = applicantEdge(event.applicant);
  const p = event.program;
  let target: [number, number] = [dims.programX - 4, scales.programTop[p]! + dims.labelHeight + dims.boxHeight / 2];
  if (event.kind === EventKind.hold) {
    const k = slotIndexOf(data, p, event.applicant);
    if (k >= 0) {
      const r = slotRect(scales, dims, p, k);
      target = [r.x - 2, r.y + r.h / 2];
    }
  }
  // Which way the arrow points: toward whoever acts on the other. A proposal goes from the proposing side; a bump
  // or rejection comes back to the applicant (applicant-proposing) or goes to the program (program-proposing).
  const towardProgram =
    data.side === "applicant" ? event.kind === EventKind.propose || event.kind === EventKind.hold : event.kind !== EventKind.propose;
  const [x1, y1, x2, y2] = towardProgram ? [ax, ay, target[0], target[1]] : [target[0], target[1], ax, ay];
  const mid = (x1 + x2) / 2;
  g.append("path")
    .attr("class", "arrow")
    .attr("d", `M${x1},${y1}C${mid},${y1} ${mid},${y2} ${x2},${y2}`)
    .attr("fill", "none")
    .attr("stroke", style.color)
    .attr("stroke-width", 2.5)
    .attr("stroke-dasharray", style.dash)
    .attr("marker-end", `url(#${markerId(ctx, event.kind)})`);
  // On a narrow screen the gap between the columns cannot hold a word: the narration line says it instead.
  if (dims.programX - (dims.applicantX + dims.applicantWidth) < 90) return g.node()!;
  const word = data.side === "program" ? programSideWord(event.kind) : style.word;
  const lx = (ax + target[0]) / 2;
  const ly = (ay + target[1]) / 2 - 8;
  g.append("text").attr("class", "event-label halo").attr("x", lx).attr("y", ly).attr("text-anchor", "middle").text(word);
  g.append("text").attr("class", "event-label").attr("x", lx).attr("y", ly).attr("text-anchor", "middle").text(word);
  return g.node()!;
}

function programSideWord(kind: number): string {
  return ["offers", "accepts", "drops", "✕ not ranked", "✕ declines"][kind] ?? "";
}

function slotIndexOf(data: BipartiteData, p: number, a: number): number {
  const { slotStart, slotHolder } = data.frame;
  for (let s = slotStart[p]!, end = slotStart[p + 1]!; s < end; s++) if (slotHolder[s] === a) return s - slotStart[p]!;
  return -1;
}

/** A dotted line for each blocking pair of a hand-edited matching. */
export function renderBlocking(data: BipartiteData, scales: BipartiteScales, dims: BipartiteDims, ctx: RenderContext): SVGGElement {
  const g = create("g", ctx).attr("class", "blocking");
  const bw = scales.applicantY.bandwidth();
  g.selectAll("path")
    .data(data.blocking)
    .join("path")
    .attr("d", ({ applicant, program }) => {
      const x1 = dims.applicantX + dims.applicantWidth + 2;
      const y1 = applicantTop(scales.applicantY(applicant)!, bw, dims.boxHeight) + dims.boxHeight / 2;
      const x2 = dims.programX - 4;
      const y2 = scales.programTop[program]! + dims.labelHeight / 2;
      const mid = (x1 + x2) / 2;
      return `M${x1},${y1}C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
    })
    .attr("fill", "none")
    .attr("stroke", palette.purple)
    .attr("stroke-width", 3)
    .attr("stroke-dasharray", "1 5")
    .attr("stroke-linecap", "round");
  return g.node()!;
}
