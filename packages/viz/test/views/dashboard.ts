import { renderBarsWithMarks } from "../../src/dashboard/barsWithMarks.ts";
import { renderRankHistogram } from "../../src/dashboard/rankHistogram.ts";

/**
 * The dashboard gallery: its two chart kinds on fixed, hand-written figures (not a generated market, so a change to
 * the generator never changes these pictures). Rates against reference ticks, one bar without a tick.
 */
export const dashboardRateBars = (doc: Document): SVGSVGElement =>
  renderBarsWithMarks(
    {
      labels: ["U.S. MD seniors", "Non-U.S. IMGs", "No reference"],
      values: [93.9, 59.3, 40],
      references: [93.5, 58, null],
      format: (x) => `${x.toFixed(1)} %`,
      domainMax: 100,
      title: "Match rate by applicant type",
    },
    { width: 420, labelWidth: 120, barHeight: 26 },
    { document: doc, idPrefix: "d" },
  );

/** Singles matched at their 1st … 6th choice. */
export const dashboardRankHistogram = (doc: Document): SVGSVGElement =>
  renderRankHistogram([400, 210, 120, 60, 25, 5], "Where single applicants matched", { width: 360, height: 200 }, { document: doc, idPrefix: "d" });
