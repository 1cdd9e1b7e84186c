import type { FullTraceEvent } from "@matchlab/core";
import { create, palette, type RenderContext } from "../svg.ts";
import type { FullFrame } from "./fullScene.ts";
import { layoutBipartite, slotRect } from "./layout.ts";
import { clip } from "./renderApplicants.ts";

/** Arrow styles of the full-rules theater: colour, dash and word (never colour alone). */
export const fullStyles = {
  propose: { color: palette.blue, dash: null, word: "applies" },
  hold: { color: palette.green, dash: null, word: "holds" },
  bump: { color: palette.vermillion, dash: "6 4", word: "bumped" },
  withdraw: { color: palette.purple, dash: "6 3", word: "withdraws" },
  unranked: { color: palette.grey, dash: "2 4", word: "✕ not ranked" },
  full: { color: palette.orange, dash: "8 3 2 3", word: "✕ full" },
  banned: { color: palette.purple, dash: "1 4", word: "✕ set aside (loop)" },
  reconsider: { color: palette.sky, dash: "3 3", word: "proposes again" },
  moves: { color: palette.orange, dash: "4 2", word: "positions move" },
} as const;
type StyleName = keyof typeof fullStyles;
const styles = fullStyles;

/** Which arrow an event draws; null for events drawn as a highlight or a label only. */
function styleOf(e: FullTraceEvent): StyleName | null {
  switch (e.kind) {
    case "propose": case "coupleProposes": case "suppPropose": return "propose";
    case "hold": case "coupleHold": case "suppHold": case "keeps": case "coupleKeeps": return "hold";
    case "bump": case "suppBump": case "evenCut": return "bump";
    case "leave": case "partnerWithdrawn": return "withdraw";
    case "rejectUnranked": return "unranked";
    case "rejectFull": return "full";
    case "rejectBanned": case "loopBroken": return "banned";
    case "coupleRejected": case "suppReject": return e.reason === "unranked" ? "unranked" : e.reason === "banned" ? "banned" : "full";
    case "reconsider": return "reconsider";
    case "reversion": case "reclaim": return "moves";
    default: return null;
  }
}

/** The full-rules diagram at one step: applicants (couples bracketed), program slots, and the event's arrows. */
export function renderFullScene(frame: FullFrame, width: number, ctx: RenderContext): SVGSVGElement {
  const capacity = frame.slots.map((s) => s.length);
  const { scales, dims } = layoutBipartite(frame.applicants.length, capacity, width);
  const svg = create("svg", ctx)
    .attr("class", "bipartite full")
    .attr("viewBox", `0 0 ${dims.width} ${dims.height}`)
    .attr("width", dims.width)
    .attr("height", dims.height)
    .attr("role", "img")
    .attr("aria-label", `Roth–Peranson run: ${frame.narration}`);
  const defs = svg.append("defs");
  for (const [name, style] of Object.entries(styles)) {
    defs.append("marker").attr("id", `${ctx.idPrefix}-arrow-${name}`).attr("viewBox", "0 0 10 10").attr("refX", 9).attr("refY", 5)
      .attr("markerWidth", 7).attr("markerHeight", 7).attr("orient", "auto-start-reverse")
      .append("path").attr("d", "M0,0L10,5L0,10z").attr("fill", style.color);
  }
  const e = frame.event;
  const involved = new Set<string>([e?.applicant, e?.partner, e?.program, e?.partnerProgram, e?.other].filter((x): x is string => typeof x === "string"));
  // Applicants: a box each, shifted right to leave room for the couples' brackets.
  const inset = 12;
  const ax = dims.applicantX + inset;
  const aw = dims.applicantWidth - inset;
  const rowY = (i: number): number => scales.applicantY(i)! + (scales.applicantY.bandwidth() - dims.boxHeight) / 2;
  const apps = svg.append("g").attr("class", "applicants");
  frame.applicants.forEach((id, i) => {
    const cls = `applicant${involved.has(id) ? " active" : ""}${frame.inLoop.has(id) ? " in-loop" : ""}`;
    const g = apps.append("g").attr("class", cls).attr("data-name", id).attr("transform", `translate(${ax},${rowY(i)})`);
    g.append("rect").attr("width", aw).attr("height", dims.boxHeight).attr("rx", 4);
    g.append("text").attr("x", 8).attr("y", dims.boxHeight / 2).attr("dy", "0.35em").text(clip(id, aw - 12));
  });
  for (const [i, j] of frame.couples) {
    const y1 = rowY(i) + dims.boxHeight / 2;
    const y2 = rowY(j) + dims.boxHeight / 2;
    apps.append("path").attr("class", "couple-link").attr("d", `M${ax - 2},${y1}H${dims.applicantX + 2}V${y2}H${ax - 2}`).attr("fill", "none").attr("stroke", palette.ink).attr("stroke-width", 2)
      .append("title").text(`couple ${frame.applicants[i]} & ${frame.applicants[j]}`);
  }
  // Programs: label with the current quota, then one box per position it ever has.
  const progs = svg.append("g").attr("class", "programs");
  frame.programs.forEach((id, p) => {
    const g = progs.append("g").attr("class", `program${involved.has(id) ? " active" : ""}${frame.inLoop.has(id) ? " in-loop" : ""}`).attr("data-name", id);
    const q = frame.quota[p]!;
    g.append("text").attr("class", "program-label").attr("x", dims.programX).attr("y", scales.programTop[p]! + dims.labelHeight - 6)
      .text(`${clip(id, dims.programWidth - 90)} · ${q} position${q === 1 ? "" : "s"}`);
    frame.slots[p]!.forEach((slot, k) => {
      const r = slotRect(scales, dims, p, k);
      const cls = slot.applicant !== null ? `slot filled${slot.pgy1 ? " pgy1" : ""}${slot.applicant === e?.applicant || slot.applicant === e?.partner ? " arriving" : ""}` : slot.open ? "slot open" : "slot closed";
      const c = g.append("g").attr("class", cls).attr("transform", `translate(${r.x},${r.y})`);
      c.append("rect").attr("width", r.w).attr("height", r.h).attr("rx", 4);
      const text = slot.applicant !== null ? `${slot.applicant}${slot.pgy1 ? " · PGY-1" : ""}` : slot.open ? "open" : "no position";
      c.append("text").attr("x", 8).attr("y", r.h / 2).attr("dy", "0.35em").text(clip(text, r.w - 12));
    });
  });
  if (e === null) return svg.node()!;
  const layer = svg.append("g").attr("class", `event ${e.kind}`);
  const applicantPoint = (id: string | null): [number, number] | null => {
    const i = id === null ? -1 : frame.applicants.indexOf(id);
    return i < 0 ? null : [ax + aw + 2, rowY(i) + dims.boxHeight / 2];
  };
  const programPoint = (id: string | null, holder: string | null): [number, number] | null => {
    const p = id === null ? -1 : frame.programs.indexOf(id);
    if (p < 0) return null;
    const k = frame.slots[p]!.findIndex((s) => s.applicant !== null && s.applicant === holder);
    const r = slotRect(scales, dims, p, Math.max(k, 0));
    return k >= 0 ? [r.x - 2, r.y + r.h / 2] : [dims.programX - 4, scales.programTop[p]! + dims.labelHeight / 2];
  };
  const style = styleOf(e);
  const arrow = (from: [number, number] | null, to: [number, number] | null, name: StyleName, label: boolean): void => {
    if (from === null || to === null) return;
    const s = styles[name];
    const mid = (from[0] + to[0]) / 2;
    layer.append("path").attr("class", `arrow ${name}`).attr("d", `M${from[0]},${from[1]}C${mid},${from[1]} ${mid},${to[1]} ${to[0]},${to[1]}`)
      .attr("fill", "none").attr("stroke", s.color).attr("stroke-width", 2.5).attr("stroke-dasharray", s.dash).attr("marker-end", `url(#${ctx.idPrefix}-arrow-${name})`);
    if (!label || dims.programX - (ax + aw) < 90) return;
    const word = name === "hold" && e.kind.startsWith("supp") ? "holds for PGY-1" : s.word;
    const [lx, ly] = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2 - 8];
    layer.append("text").attr("class", "event-label halo").attr("x", lx).attr("y", ly).attr("text-anchor", "middle").text(word);
    layer.append("text").attr("class", "event-label").attr("x", lx).attr("y", ly).attr("text-anchor", "middle").text(word);
  };
  if (style === "moves") {
    // Positions move between programs: an arc on the right of the program column, giver to receiver.
    const giver = e.kind === "reversion" ? e.program : e.other;
    const taker = e.kind === "reversion" ? e.other : e.program;
    const pg = frame.programs.indexOf(giver ?? "");
    const pt = frame.programs.indexOf(taker ?? "");
    if (pg >= 0 && pt >= 0) {
      const x = dims.width - dims.margin - 2;
      const [y1, y2] = [scales.programTop[pg]! + dims.labelHeight / 2, scales.programTop[pt]! + dims.labelHeight / 2];
      layer.append("path").attr("class", "arrow moves").attr("d", `M${x},${y1}C${x + 40},${y1} ${x + 40},${y2} ${x},${y2}`).attr("fill", "none")
        .attr("stroke", styles.moves.color).attr("stroke-width", 2.5).attr("stroke-dasharray", styles.moves.dash).attr("marker-end", `url(#${ctx.idPrefix}-arrow-moves)`);
      svg.attr("viewBox", `0 0 ${dims.width + 44} ${dims.height}`).attr("width", dims.width + 44);
    }
  } else if (style !== null) {
    const towardProgram = style === "propose" || style === "hold" || style === "reconsider";
    const holder = style === "hold" ? e.applicant : null;
    const pairs: Array<[string | null, string | null, string | null]> = [[e.applicant, e.program, holder]];
    // A couple acts as one: both arrows at once, the second member's to her own program.
    if (e.partner !== null && e.kind !== "reconsider") pairs.push([e.partner, e.partnerProgram, style === "hold" ? e.partner : null]);
    if (e.kind === "reconsider" && e.partner !== null) pairs.push([e.partner, e.program, null]);
    pairs.forEach(([a, p, h], i) => {
      const from = applicantPoint(a);
      const to = programPoint(p, h);
      if (towardProgram) arrow(from, to, style, i === 0);
      else arrow(to, from, style, i === 0);
    });
  }
  if (e.kind === "exhausted" || e.kind === "coupleExhausted" || e.kind === "suppExhausted" || e.kind === "admit") {
    const word = e.kind === "admit" ? "enters" : e.kind === "suppExhausted" ? "✕ no PGY-1 left" : "✕ list exhausted";
    for (const id of [e.applicant, e.partner]) {
      const pt = applicantPoint(id);
      if (pt !== null) layer.append("text").attr("class", "event-label").attr("x", pt[0] + 6).attr("y", pt[1]).attr("dy", "0.35em").text(word);
    }
  }
  return svg.node()!;
}
