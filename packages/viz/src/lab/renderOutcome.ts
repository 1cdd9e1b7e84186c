import type { Verdict } from "@matchlab/core";
import { h } from "../shell/dom.ts";
import { ordinal } from "../theater/ordinal.ts";
import type { LabOutcome, LabWhatIf } from "./session.ts";

/** "City (your 2nd choice)", "unmatched", or "X (not on your true list)". */
export function describeOutcome(o: LabOutcome): string {
  if (o.program === null) return "unmatched";
  return o.trueRank === null ? `${o.program} (not on your true list)` : `${o.program} (your ${ordinal(o.trueRank)} choice)`;
}

const verdictWords: Record<Verdict, string> = {
  better: "better than your true list",
  same: "the same as your true list",
  worse: "worse than your true list",
};

/**
 * The submitted list's outcome beside the true list's, and the verdict in words (colour only repeats it).
 * `ms`: how long the engine took to answer, shown so the speed claim can be checked.
 */
export function outcomePair(doc: Document, result: LabWhatIf, ms: number): HTMLElement {
  const card = (cls: string, title: string, o: LabOutcome): HTMLElement =>
    h(doc, "div", { class: `outcome-card ${cls}`, "data-program": o.program ?? "" }, h(doc, "p", { class: "outcome-title" }, title), h(doc, "p", { class: "outcome-value" }, describeOutcome(o)));
  return h(
    doc,
    "div",
    { class: "outcome-pair", "data-verdict": result.verdict, "data-ms": ms.toFixed(1) },
    card("submitted", "Your submitted list places you at", result.submitted),
    card("truthful", "Your true list places you at", result.truthful),
    h(doc, "p", { class: `verdict ${result.verdict}` }, `Submitted list: ${verdictWords[result.verdict]}.`, h(doc, "span", { class: "hint" }, ` Answered in ${ms < 1 ? "under 1" : Math.round(ms)} ms.`)),
  );
}
