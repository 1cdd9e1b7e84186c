import { max, scaleBand, scaleLog } from "d3";
import { create, palette, type RenderContext } from "../svg.ts";
import { ordinal } from "../theater/ordinal.ts";
import type { LabExhaustive } from "./session.ts";

/** Width of the chart's drawing in SVG units; it scales down to fit narrow screens. */
const WIDTH = 560;
const ROW = 26;
const LEFT = 150;
const RIGHT = 130;
/** Bar labels in short form ("60T"); the exact counts are in the accessible name and the explanation. */
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export interface OutcomeRow {
  label: string;
  /** Lists leading to this outcome. */
  count: number;
  verdict: "better" | "same" | "worse";
  /** The outcome of her true list. */
  truthful: boolean;
}

/** One row per outcome, best first: her 1st … nth choice, then unmatched; rows no list reaches are left out. */
export function outcomeRows(view: LabExhaustive): OutcomeRow[] {
  const n = view.trueList.length;
  const truthfulScore = view.truthful.trueRank === null ? n : view.truthful.trueRank - 1;
  return view.byOutcome.flatMap((count, i) => {
    if (count === 0) return [];
    const label = i < n ? `${ordinal(i + 1)} choice: ${view.trueList[i]}` : "unmatched";
    return [{ label, count, verdict: i < truthfulScore ? "better" : i === truthfulScore ? "same" : "worse", truthful: i === truthfulScore } as OutcomeRow];
  });
}

const colour = { better: palette.green, same: palette.blue, worse: palette.vermillion } as const;

/**
 * Every list she could submit, counted by where it places her: a bar per outcome on a log scale (counts span many
 * orders of magnitude), coloured and labelled by how it compares with her true list.
 */
export function renderExhaustive(view: LabExhaustive, ctx: RenderContext): SVGSVGElement {
  const rows = outcomeRows(view);
  const height = rows.length * ROW + 30;
  const x = scaleLog().domain([1, Math.max(10, max(rows, (r) => r.count) ?? 10)]).range([0, WIDTH - LEFT - RIGHT]);
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([0, rows.length * ROW]).padding(0.2);
  const svg = create("svg", ctx)
    .attr("class", "exhaustive-chart")
    .attr("viewBox", `0 0 ${WIDTH} ${height}`)
    .attr("role", "img")
    .attr(
      "aria-label",
      `${view.listsTried.toLocaleString("en-US")} lists by where they place you: ${rows.map((r) => `${r.label}, ${r.count.toLocaleString("en-US")} lists (${r.verdict === "same" ? "as good as" : r.verdict === "better" ? "better than" : "worse than"} your true list)`).join("; ")}`,
    );
  const row = svg.append("g").attr("transform", "translate(0,4)").selectAll("g").data(rows).join("g").attr("class", (r) => `outcome-row ${r.verdict}`).attr("transform", (_, i) => `translate(0,${y(i)})`);
  row.append("text").attr("class", "row-label").attr("x", LEFT - 8).attr("y", y.bandwidth() / 2).attr("dy", "0.35em").attr("text-anchor", "end").text((r) => (r.truthful ? `▶ ${r.label}` : r.label));
  row
    .append("rect")
    .attr("x", LEFT)
    .attr("height", y.bandwidth())
    .attr("width", (r) => Math.max(2, x(r.count)))
    .attr("fill", (r) => colour[r.verdict]);
  row
    .append("text")
    .attr("class", "row-count")
    .attr("x", (r) => LEFT + Math.max(2, x(r.count)) + 6)
    .attr("y", y.bandwidth() / 2)
    .attr("dy", "0.35em")
    .text((r) => `${compact.format(r.count)} ${r.verdict === "same" ? "as good" : r.verdict}`);
  svg
    .append("text")
    .attr("class", "axis-note")
    .attr("x", LEFT)
    .attr("y", height - 6)
    .text("lists (log scale) · ▶ where your true list places you");
  return svg.node()!;
}

/** Why no list beats hers, in plain words, on her own programs. */
export function explainExhaustive(view: LabExhaustive): string {
  const n = view.trueList.length;
  const takers = view.trueList.filter((_, i) => view.wouldTakeYou[i]);
  const count = `Of all ${view.listsTried.toLocaleString("en-US")} lists you could make from your ${n} program${n === 1 ? "" : "s"} (every subset, in every order), ${view.better.toLocaleString("en-US")} do better than your true list, ${view.ties.toLocaleString("en-US")} do as well and ${view.worse.toLocaleString("en-US")} do worse.`;
  if (takers.length === 0) return `${count} None of your programs would take you, whatever the order: every list leaves you unmatched. Only ranking more programs (that would rank you) can change that.`;
  const best = takers[0]!;
  const why =
    `Everyone else's lists fixed, the programs that would take you are ${takers.join(", ")}: you get whichever of them comes first on the list you submit, and the order you write cannot change which programs would take you (applicants propose, so a program only ever compares you with the applicants it holds). ` +
    `Your true list already puts ${best}, your favourite of them, first among them, so no list can do better.`;
  return `${count} ${why}`;
}
