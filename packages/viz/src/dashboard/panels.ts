import { NRMP_2025 } from "@matchlab/core";
import { h } from "../shell/dom.ts";
import type { RenderContext } from "../svg.ts";
import { renderBarsWithMarks } from "./barsWithMarks.ts";
import { count, ordinal, pct, share, signed, typeName } from "./format.ts";
import type { DashboardSummary } from "./protocol.ts";
import { renderRankHistogram } from "./rankHistogram.ts";
import { barsDims, chartTable, panel } from "./table.ts";

export function ratesPanel(s: DashboardSummary, width: number, ctx: RenderContext): HTMLElement {
  const doc = ctx.document;
  const rates = s.types.map((r) => share(r.matched, r.applicants));
  const chart = renderBarsWithMarks(
    {
      labels: s.types.map((r) => typeName(r.type)),
      values: rates,
      references: s.types.map((r) => r.publishedPct),
      format: (x) => pct(x),
      domainMax: 100,
      title: `Match rate by applicant type: ${s.types.map((r, i) => `${typeName(r.type)} ${pct(rates[i]!)}${r.publishedPct === null ? "" : ` (NRMP ${pct(r.publishedPct)})`}`).join("; ")}`,
    },
    barsDims(width),
    ctx,
  );
  const rows = s.types.map((r, i) => [typeName(r.type), count(r.applicants), count(r.matched), pct(rates[i]!), r.publishedPct === null ? "–" : pct(r.publishedPct), r.publishedPct === null ? "–" : signed(rates[i]! - r.publishedPct)]);
  return panel(
    doc, "rates", "Match rate by applicant type",
    h(doc, "p", { class: "hint" }, "Bars: this simulated market. Black ticks: the NRMP's published 2025 rates."),
    chart,
    chartTable(doc, "Match rate by applicant type", ["applicants", "in market", "matched", "simulated", "NRMP 2025", "difference (points)"], rows),
  );
}

export function ranksPanel(s: DashboardSummary, width: number, ctx: RenderContext): HTMLElement {
  const doc = ctx.document;
  const matched = s.singleRanks.reduce((sum, c) => sum + c, 0);
  const first = s.singleRanks[0] ?? 0;
  const top3 = (s.singleRanks[0] ?? 0) + (s.singleRanks[1] ?? 0) + (s.singleRanks[2] ?? 0);
  const text = `Of ${count(s.singles)} single applicants, ${count(matched)} matched: ${pct(share(first, matched))} to their first choice, ${pct(share(top3, matched))} to one of their top three; ${count(s.singles - matched)} did not match.`;
  const chart = renderRankHistogram(s.singleRanks, `Histogram of the choice single applicants matched to. ${text}`, { width, height: 200 }, ctx);
  const rows = Array.from(s.singleRanks, (c, r) => [ordinal(r + 1), count(c), pct(share(c, matched))]);
  return panel(
    doc, "ranks", "Where single applicants matched on their lists",
    h(doc, "p", { class: "hint" }, text, " Couples rank pairs of programs; their pair ranks are in the couples panel."),
    chart,
    chartTable(doc, "Single applicants by the choice they matched to", ["choice", "applicants", "share of matched"], rows),
  );
}

export function unfilledPanel(s: DashboardSummary, width: number, ctx: RenderContext): HTMLElement {
  const doc = ctx.document;
  const { names, positions, filled } = s.specialties;
  const unfilled = names.map((_, k) => positions[k]! - filled[k]!);
  // NRMP's unfilled count, scaled: positions × (1 − published fill rate), where a fill rate is published.
  const published = names.map((name, k) => {
    const fill = NRMP_2025.specialties.find((f) => f.name === name)?.fillPct;
    return fill === null || fill === undefined ? null : Math.round(positions[k]! * (1 - fill / 100));
  });
  const total = unfilled.reduce((sum, u) => sum + u, 0);
  const chart = renderBarsWithMarks(
    { labels: names, values: unfilled, references: published, format: (x) => count(x), title: `Unfilled positions by specialty, ${count(total)} in all: ${names.map((n, k) => `${n} ${count(unfilled[k]!)}`).join("; ")}` },
    barsDims(width, 170),
    ctx,
  );
  const rows = names.map((n, k) => [n, count(positions[k]!), count(filled[k]!), count(unfilled[k]!), published[k] === null ? "–" : count(published[k]!)]);
  return panel(
    doc, "unfilled", "Unfilled positions by specialty",
    h(doc, "p", { class: "hint" }, `${count(total)} of ${count(s.positions)} positions are left unfilled (they would go to the SOAP). Ticks: what the NRMP's published 2025 fill rate would leave unfilled at this size, where it is published.`),
    chart,
    chartTable(doc, "Unfilled positions by specialty", ["specialty", "positions", "filled", "unfilled", "NRMP 2025 (scaled)"], rows),
  );
}

export function imgPanel(s: DashboardSummary, width: number, ctx: RenderContext): HTMLElement {
  const doc = ctx.document;
  const { names, filled, imgFilled, referenceImgPct } = s.specialties;
  const shares = names.map((_, k) => share(imgFilled[k]!, filled[k]!));
  const chart = renderBarsWithMarks(
    { labels: names, values: shares, references: referenceImgPct, format: (x) => pct(x, 0), domainMax: Math.max(60, ...shares), title: `IMG share of filled positions by specialty: ${names.map((n, k) => `${n} ${pct(shares[k]!, 0)}`).join("; ")}` },
    barsDims(width, 170),
    ctx,
  );
  const rows = names.map((n, k) => [n, count(filled[k]!), count(imgFilled[k]!), pct(shares[k]!), pct(referenceImgPct[k]!)]);
  return panel(
    doc, "img", "IMG share of filled positions by specialty",
    h(doc, "p", { class: "hint" }, "International medical graduates (U.S. and non-U.S. citizens). Ticks: the figures the generator is calibrated to (published where the NRMP publishes them, estimated otherwise)."),
    chart,
    chartTable(doc, "IMG share of filled positions by specialty", ["specialty", "filled", "by IMGs", "IMG share", "reference"], rows),
  );
}
