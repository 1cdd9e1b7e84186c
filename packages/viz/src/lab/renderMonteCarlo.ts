import type { MonteCarloReport, StrategySummary } from "@matchlab/core";
import { axisBottom, axisLeft, line, scaleLinear } from "d3";
import { h } from "../shell/dom.ts";
import { create, palette, type RenderContext } from "../svg.ts";
import type { CurvePoint } from "./strategies.ts";

/** Outcome bands of the distribution chart, best first, with Okabe–Ito colours (ordered light to dark by meaning). */
export const BANDS = [
  { label: "1st choice", colour: palette.blue },
  { label: "2nd", colour: palette.sky },
  { label: "3rd", colour: palette.green },
  { label: "4th or lower", colour: palette.orange },
  { label: "unmatched", colour: palette.vermillion },
] as const;

/** Shares of draws per band: 1st, 2nd, 3rd, 4th+, unmatched. */
export function bandShares(s: StrategySummary, draws: number): number[] {
  const at = (k: number): number => s.rankCounts[k] ?? 0;
  const rest = s.rankCounts.slice(3).reduce((x, y) => x + y, 0);
  return [at(0), at(1), at(2), rest, s.unmatched].map((c) => c / draws);
}

const pct = (x: number): string => `${Math.round(100 * x)} %`;

/** One stacked bar per strategy: where she matched over the draws. */
export function renderDistributions(report: MonteCarloReport, strategies: readonly StrategySummary[], ctx: RenderContext): SVGSVGElement {
  const width = 560;
  const left = 170;
  const row = 30;
  const height = strategies.length * row + 44;
  const x = scaleLinear().domain([0, 1]).range([left, width - 10]);
  const svg = create("svg", ctx)
    .attr("class", "mc-distributions")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img")
    .attr("aria-label", `Where you match over ${report.draws} drawn markets, by strategy: ${strategies.map((s) => `${s.label}: ${BANDS.map((b, i) => `${b.label} ${pct(bandShares(s, report.draws)[i]!)}`).join(", ")}`).join("; ")}`);
  const g = svg.selectAll("g.strategy").data(strategies).join("g").attr("class", "strategy").attr("transform", (_, i) => `translate(0,${i * row + 4})`);
  g.append("text").attr("x", left - 8).attr("y", row / 2 - 2).attr("dy", "0.35em").attr("text-anchor", "end").text((s) => s.label);
  // Each band as [start, end) of the bar, in shares of draws.
  const segments = (s: StrategySummary): Array<{ from: number; to: number; band: number }> => {
    let at = 0;
    return bandShares(s, report.draws).map((share, band) => ({ from: at, to: (at += share), band }));
  };
  g.selectAll("rect")
    .data(segments)
    .join("rect")
    .attr("x", (d) => x(d.from))
    .attr("y", 2)
    .attr("height", row - 8)
    .attr("width", (d) => Math.max(0, x(d.to) - x(d.from)))
    .attr("fill", (d) => BANDS[d.band]!.colour);
  const legend = svg.append("g").attr("transform", `translate(${left - 150},${strategies.length * row + 18})`);
  BANDS.forEach((band, i) => {
    const item = legend.append("g").attr("transform", `translate(${i * 88},0)`);
    item.append("rect").attr("width", 10).attr("height", 10).attr("y", -9).attr("fill", band.colour);
    item.append("text").attr("x", 14).text(band.label);
  });
  return svg.node()!;
}

/**
 * "Charting outcomes": the probability of matching against the number of programs ranked, for her (her first k
 * programs, over the draws) and, dashed, for the other applicants of her type in the same markets (`peers`, empty
 * to leave out).
 */
export function renderMatchCurve(points: readonly CurvePoint[], peers: readonly CurvePoint[], peerLabel: string, ctx: RenderContext): SVGSVGElement {
  const width = 560;
  const height = 240;
  const m = { top: 12, right: 16, bottom: 58, left: 48 };
  const all = [...points, ...peers];
  const x = scaleLinear()
    .domain([Math.min(1, ...all.map((p) => p.ranked)), Math.max(2, ...all.map((p) => p.ranked))])
    .range([m.left, width - m.right]);
  const y = scaleLinear().domain([0, 1]).range([height - m.bottom, m.top]);
  const svg = create("svg", ctx)
    .attr("class", "mc-curve")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img")
    .attr(
      "aria-label",
      `Probability of matching by programs ranked. You: ${points.map((p) => `${p.ranked}: ${pct(p.probability)}`).join(", ")}.` +
        (peers.length === 0 ? "" : ` ${peerLabel}: ${peers.map((p) => `${p.ranked}: ${pct(p.probability)}`).join(", ")}.`),
    );
  svg.append("g").attr("transform", `translate(0,${height - m.bottom})`).call(axisBottom(x).ticks(Math.min(12, x.domain()[1]! - x.domain()[0]!)).tickFormat((v) => String(v)));
  svg.append("g").attr("transform", `translate(${m.left},0)`).call(axisLeft(y).ticks(5).tickFormat((v) => pct(Number(v))));
  svg.append("text").attr("class", "axis-note").attr("x", (m.left + width - m.right) / 2).attr("y", height - m.bottom + 32).attr("text-anchor", "middle").text("programs ranked");
  const series = [
    { key: "you", label: "you, ranking your first k programs", data: points, colour: palette.blue, dash: null },
    { key: "peers", label: peerLabel, data: peers, colour: palette.orange, dash: "6 4" },
  ].filter((s) => s.data.length > 0);
  const path = line<CurvePoint>((p) => x(p.ranked), (p) => y(p.probability));
  for (const s of series) {
    const g = svg.append("g").attr("class", `series ${s.key}`);
    g.append("path").attr("fill", "none").attr("stroke", s.colour).attr("stroke-width", 2).attr("stroke-dasharray", s.dash).attr("d", path(s.data as CurvePoint[]));
    g.selectAll("circle")
      .data(s.data)
      .join("circle")
      .attr("cx", (p) => x(p.ranked))
      .attr("cy", (p) => y(p.probability))
      .attr("r", s.key === "you" ? 4 : 3)
      .attr("fill", s.colour)
      .append("title")
      .text((p) => `${s.label}, ${p.ranked} programs: ${pct(p.probability)}`);
  }
  const legend = svg.append("g").attr("transform", `translate(${m.left},${height - 8})`);
  series.forEach((s, i) => {
    const item = legend.append("g").attr("transform", `translate(${i * 250},0)`);
    item.append("line").attr("x1", 0).attr("x2", 20).attr("y1", -4).attr("y2", -4).attr("stroke", s.colour).attr("stroke-width", 2).attr("stroke-dasharray", s.dash);
    item.append("text").attr("x", 26).text(s.label);
  });
  return svg.node()!;
}

/** The same figures as a table, for screen readers and exact numbers. */
export function distributionTable(doc: Document, report: MonteCarloReport, strategies: readonly StrategySummary[]): HTMLElement {
  const head = h(doc, "tr", {}, h(doc, "th", { scope: "col" }, "Strategy"), h(doc, "th", { scope: "col" }, "P(match)"), ...BANDS.map((b) => h(doc, "th", { scope: "col" }, b.label)), h(doc, "th", { scope: "col" }, "vs true list: better / same / worse"));
  const body = h(doc, "tbody", {});
  for (const s of strategies) {
    body.append(
      h(
        doc,
        "tr",
        { "data-strategy": s.label },
        h(doc, "th", { scope: "row" }, s.label),
        h(doc, "td", {}, pct(s.matchProbability)),
        ...bandShares(s, report.draws).map((share) => h(doc, "td", {}, pct(share))),
        h(doc, "td", {}, `${s.vsTruthful.better} / ${s.vsTruthful.equal} / ${s.vsTruthful.worse}`),
      ),
    );
  }
  return h(doc, "table", { class: "matching mc-table" }, h(doc, "caption", {}, `Over ${report.draws} markets (seed ${report.seed})`), h(doc, "thead", {}, head), body);
}
