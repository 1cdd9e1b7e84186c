import { format, max, range, scaleBand, scaleLinear } from "d3";
import { create, type RenderContext } from "../svg.ts";

export interface HistogramDims {
  width: number;
  height: number;
}

const MARGIN = { top: 8, right: 8, bottom: 34, left: 52 };

/**
 * Vertical bars: counts[r] applicants matched at their (r + 1)-th choice. Axes in words ("choice", "applicants"),
 * so the picture reads without the table; the table beside it carries the exact counts.
 */
export function renderRankHistogram(counts: ArrayLike<number>, title: string, dims: HistogramDims, ctx: RenderContext): SVGSVGElement {
  const n = counts.length;
  const x = scaleBand<number>().domain(range(n)).range([MARGIN.left, dims.width - MARGIN.right]).padding(0.15);
  const y = scaleLinear()
    .domain([0, Math.max(1, max(range(n), (r) => counts[r]!) ?? 1)])
    .nice()
    .range([dims.height - MARGIN.bottom, MARGIN.top]);
  const svg = create("svg", ctx)
    .attr("class", "dash-chart histogram")
    .attr("viewBox", `0 0 ${dims.width} ${dims.height}`)
    .attr("width", dims.width)
    .attr("height", dims.height)
    .attr("role", "img")
    .attr("aria-label", title);
  svg
    .append("g")
    .selectAll("rect")
    .data(range(n))
    .join("rect")
    .attr("class", "bar")
    .attr("x", (r) => x(r)!)
    .attr("y", (r) => y(counts[r]!))
    .attr("width", x.bandwidth())
    .attr("height", (r) => y(0) - y(counts[r]!));
  const axes = svg.append("g").attr("class", "axis").attr("aria-hidden", "true");
  const base = dims.height - MARGIN.bottom;
  axes.append("line").attr("x1", MARGIN.left).attr("x2", dims.width - MARGIN.right).attr("y1", base).attr("y2", base);
  // Label every k-th choice so the labels never collide on a phone.
  const every = Math.max(1, Math.ceil((n * 22) / (dims.width - MARGIN.left - MARGIN.right)));
  axes
    .selectAll("text.x")
    .data(range(0, n, every))
    .join("text")
    .attr("class", "x")
    .attr("x", (r) => x(r)! + x.bandwidth() / 2)
    .attr("y", base + 14)
    .attr("text-anchor", "middle")
    .text((r) => String(r + 1));
  axes.append("text").attr("x", (MARGIN.left + dims.width - MARGIN.right) / 2).attr("y", dims.height - 4).attr("text-anchor", "middle").text("choice matched (1 = first choice)");
  const ticks = axes.selectAll("g").data(y.ticks(4)).join("g").attr("transform", (t) => `translate(${MARGIN.left},${y(t)})`);
  ticks.append("line").attr("x2", -4);
  ticks.append("text").attr("x", -7).attr("dy", "0.35em").attr("text-anchor", "end").text((t) => format("~s")(t));
  return svg.node()!;
}
