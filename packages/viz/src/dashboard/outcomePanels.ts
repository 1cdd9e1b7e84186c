import { h } from "../shell/dom.ts";
import type { RenderContext } from "../svg.ts";
import { renderBarsWithMarks } from "./barsWithMarks.ts";
import { count, pct, share } from "./format.ts";
import type { DashboardSummary } from "./protocol.ts";
import { barsDims, chartTable, panel } from "./table.ts";

export function couplesPanel(s: DashboardSummary, width: number, ctx: RenderContext): HTMLElement {
  const doc = ctx.document;
  const c = s.couples;
  if (c.couples === 0) {
    return panel(doc, "couples", "Couples", h(doc, "p", {}, "This market has no couples. Set a couples share above and run again to see how couples fare."));
  }
  const labels = ["Both partners matched", "One matched (a No Match pair)", "Neither matched"];
  const values = [c.both, c.one, c.neither];
  const outcomes = renderBarsWithMarks(
    { labels, values, format: (x) => `${count(x)} (${pct(share(x, c.couples), 0)})`, domainMax: c.couples, title: `Outcomes of ${count(c.couples)} couples: ${labels.map((l, i) => `${l} ${count(values[i]!)}`).join("; ")}` },
    barsDims(width, 200),
    ctx,
  );
  const matched = c.both + c.one;
  const ranks = renderBarsWithMarks(
    { labels: c.bucketLabels, values: c.pairRankBuckets, format: (x) => count(x), title: `Rank of the matched pair on the couple's list: ${c.bucketLabels.map((l, i) => `${l} ${count(c.pairRankBuckets[i]!)}`).join("; ")}` },
    barsDims(width, 200),
    ctx,
  );
  const partners = 2 * c.both + c.one;
  return panel(
    doc, "couples", "Couples",
    h(doc, "p", { class: "hint" }, `${count(c.couples)} couples (${count(2 * c.couples)} applicants) rank pairs of programs in the same region, then "No Match" fallbacks in which one partner matches alone. ${count(partners)} of their ${count(2 * c.couples)} partners matched (${pct(share(partners, 2 * c.couples))}); in the 1990s the NRMP matched about 91–93 % of coupled applicants (Roth & Peranson 1999). Recent couples figures are not confirmed, so no tick is drawn.`),
    outcomes,
    h(doc, "h4", {}, "Rank of the matched pair on the couple's list"),
    h(doc, "p", { class: "hint" }, c.medianPairRank === null ? "No couple matched." : `Median rank of the matched pair: ${c.medianPairRank} (of ${count(matched)} matched couples).`),
    ranks,
    chartTable(doc, "Couples' outcomes and pair ranks", ["outcome", "couples", "share"], [
      ...labels.map((l, i) => [l, count(values[i]!), pct(share(values[i]!, c.couples))]),
      ...c.bucketLabels.map((l, i) => [`matched at ${l}`, count(c.pairRankBuckets[i]!), pct(share(c.pairRankBuckets[i]!, matched))]),
    ]),
  );
}

/** The proposing-side comparison: a number and, above all, how it was computed. */
export function sidesPanel(s: DashboardSummary, ctx: RenderContext): HTMLElement {
  const doc = ctx.document;
  const { basis, compared, differ, agreeWithEngine } = s.sides;
  const who = basis === "market" ? "applicants" : "single applicants";
  const how =
    basis === "market"
      ? "Computed on the whole market: applicant-proposing deferred acceptance (what the NRMP runs; with no couples it is the full algorithm) against program-proposing deferred acceptance. Everyone who moves is better off under applicant-proposing, and every program that changes prefers program-proposing."
      : `With couples there is no program-proposing version of the NRMP algorithm to run, so this is a narrower comparison: couples keep the positions the full algorithm gave them, and the singles are matched on the remaining positions by applicant-proposing and by program-proposing deferred acceptance. Check of that basis: applicant-proposing there gives ${count(agreeWithEngine)} of the ${count(compared)} singles the same program as the full algorithm.`;
  return panel(
    doc, "sides", "Who proposes: does it matter?",
    h(doc, "p", { class: "big-number" }, h(doc, "strong", {}, count(differ)), ` of ${count(compared)} ${who} (${pct(share(differ, compared), 2)}) would match differently under program-proposing.`),
    h(doc, "p", { class: "hint" }, how),
    h(doc, "p", { class: "hint" }, "Few move because lists are short and preferences correlated: such markets have few stable matchings (Roth & Peranson 1999 found the same in NRMP data)."),
  );
}
