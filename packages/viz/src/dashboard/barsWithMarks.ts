import { max, range, scaleBand, scaleLinear, select } from "d3";
import { create, type RenderContext } from "../svg.ts";

/** One horizontal bar per label, read by index, with an optional reference mark per bar (a published figure). */
export interface BarsData {
  labels: readonly string[];
  values: ArrayLike<number>;
  /** Reference value per bar (drawn as a tick across it), or null where there is none. */
  references?: ReadonlyArray<number | null>;
  /** Text at the end of each bar, e.g. "93.6 %". */
  format: (value: number, i: number) => string;
  /** Name of the whole chart for assistive technology (the table beside it carries the numbers). */
  title: string;
  /** Right end of the scale; defaults to the largest value or reference. */
  domainMax?: number;
}

export interface BarsDims {
  width: number;
  /** Room for the labels on the left. */
  labelWidth: number;
  barHeight: number;
}

/** Horizontal bars in the Okabe–Ito blue, reference ticks in ink: a detached SVG (Plot-style render function). */
export function renderBarsWithMarks(data: BarsData, dims: BarsDims, ctx: RenderContext): SVGSVGElement {
  const n = data.labels.length;
  const refs = data.references ?? [];
  const top = 4;
  const valueRoom = 64; // the value text right of the longest bar
  const height = top + n * dims.barHeight + 22;
  const domainMax = data.domainMax ?? Math.max(1, max(range(n), (i) => Math.max(data.values[i]!, refs[i] ?? 0)) ?? 1);
  const x = scaleLinear().domain([0, domainMax]).range([dims.labelWidth, Math.max(dims.labelWidth + 40, dims.width - valueRoom)]);
  const y = scaleBand<number>().domain(range(n)).range([top, top + n * dims.barHeight]).padding(0.25);
  const svg = create("svg", ctx)
    .attr("class", "dash-chart bars")
    .attr("viewBox", `0 0 ${dims.width} ${height}`)
    .attr("width", dims.width)
    .attr("height", height)
    .attr("role", "img")
    .attr("aria-label", data.title);
  const row = svg
    .append("g")
    .selectAll("g")
    .data(range(n))
    .join("g")
    .attr("class", "bar-row")
    .attr("transform", (i) => `translate(0,${y(i)})`);
  const label = row
    .append("text")
    .attr("class", "bar-label")
    .attr("x", dims.labelWidth - 6)
    .attr("y", y.bandwidth() / 2)
    .attr("text-anchor", "end");
  // A label too long for its room (a phone) goes on two lines, split at the space nearest its middle.
  label.each(function (i) {
    const lines = splitLabel(data.labels[i]!, dims.labelWidth - 6);
    const text = select(this);
    lines.forEach((line, k) => {
      text
        .append("tspan")
        .attr("x", dims.labelWidth - 6)
        .attr("dy", k === 0 ? `${0.35 - 0.55 * (lines.length - 1)}em` : "1.1em")
        .text(line);
    });
  });
  row
    .append("rect")
    .attr("class", "bar")
    .attr("x", x(0))
    .attr("width", (i) => Math.max(0, x(data.values[i]!) - x(0)))
    .attr("height", y.bandwidth());
  // The reference tick reaches past the bar on both sides, so it reads even where the bar ends on it.
  const marked = row.filter((i) => refs[i] !== null && refs[i] !== undefined);
  marked
    .append("line")
    .attr("class", "reference")
    .attr("x1", (i) => x(refs[i]!))
    .attr("x2", (i) => x(refs[i]!))
    .attr("y1", -3)
    .attr("y2", y.bandwidth() + 3);
  row
    .append("text")
    .attr("class", "bar-value")
    .attr("x", (i) => Math.max(x(data.values[i]!), refs[i] === null || refs[i] === undefined ? 0 : x(refs[i]!)) + 5)
    .attr("y", y.bandwidth() / 2)
    .attr("dy", "0.35em")
    .text((i) => data.format(data.values[i]!, i));
  const axis = svg.append("g").attr("class", "axis").attr("aria-hidden", "true").attr("transform", `translate(0,${top + n * dims.barHeight + 4})`);
  axis.append("line").attr("x1", x(0)).attr("x2", x(domainMax)).attr("y1", 0).attr("y2", 0);
  const ticks = axis.selectAll("g").data(x.ticks(4)).join("g").attr("transform", (t) => `translate(${x(t)},0)`);
  ticks.append("line").attr("y2", 4);
  ticks.append("text").attr("y", 15).attr("text-anchor", "middle").text((t) => x.tickFormat(4)(t));
  return svg.node()!;
}

/** About how wide 12-px text is per character (the charts' label size), to decide on wrapping without measuring. */
const CHAR_WIDTH = 6.4;

/** The label as one line, or two split at the space nearest its middle when it is wider than `room` pixels. */
export function splitLabel(label: string, room: number): string[] {
  if (label.length * CHAR_WIDTH <= room) return [label];
  let best = -1;
  for (let k = label.indexOf(" "); k >= 0; k = label.indexOf(" ", k + 1)) {
    if (best < 0 || Math.abs(k - label.length / 2) < Math.abs(best - label.length / 2)) best = k;
  }
  return best < 0 ? [label] : [label.slice(0, best), label.slice(best + 1)];
}
