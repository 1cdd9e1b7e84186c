import { describeExplanation, explainApplicant, type CompiledMarket, type ProgramExplanation } from "@matchlab/core";
import { h } from "../shell/dom.ts";
import { explainMatching } from "./breakIt.ts";
import { ordinal } from "./ordinal.ts";

/** One line of "Why not there?": core's sentence, with her choice number and the names of the holders. */
export function whyNotLine(market: CompiledMarket, a: number, explanation: ProgramExplanation): string {
  const start = market.appStart[a]!;
  let choice = 0;
  for (let e = start; e < market.appStart[a + 1]!; e++) if (market.appRol[e] === explanation.program) choice = e - start + 1;
  const holders = explanation.reason === "filled" ? ` (${explanation.filledWith.map((x) => market.applicantIds[x.applicant]!).join(", ")})` : "";
  return `Your ${ordinal(choice)} choice: ${describeExplanation(market, explanation)}${holders}.`;
}

/** "Why not there?" for one applicant in a final matching, from core's `explainApplicant`. */
export function whyNotPanel(doc: Document, market: CompiledMarket, matchOf: ArrayLike<number>, a: number): HTMLElement {
  const id = market.applicantIds[a]!;
  const p = matchOf[a]!;
  const start = market.appStart[a]!;
  let rank = -1;
  for (let e = start; e < market.appStart[a + 1]!; e++) if (market.appRol[e] === p) rank = e - start;
  const where = p < 0 ? `${id} is unmatched.` : `${id} matched at ${market.programIds[p]}, her ${ordinal(rank + 1)} choice.`;
  const explanations = explainApplicant(market, matchOf, { applicant: a });
  const list = h(doc, "ul", { class: "reasons" });
  for (const x of explanations) list.append(h(doc, "li", { class: x.reason }, whyNotLine(market, a, x)));
  return h(
    doc,
    "section",
    { class: "panel why-not", "aria-labelledby": "why-not-title" },
    h(doc, "h3", { id: "why-not-title" }, `Why not there? — ${id}`),
    h(doc, "p", {}, where, explanations.length === 0 ? "" : ` Each program she ranked higher, as the engine explains it to her:`),
    explanations.length === 0 ? h(doc, "p", {}, p < 0 ? "She ranked no programs." : "She got her first choice: there is nothing above it.") : list,
  );
}

export interface BreakItHandlers {
  move(a: number, p: number): void;
  reset(): void;
}

/** "Try to break it": move an applicant by hand and read core's verdict on the new matching. */
export function breakItPanel(
  doc: Document,
  market: CompiledMarket,
  matchOf: ArrayLike<number>,
  selected: number,
  edited: boolean,
  handlers: BreakItHandlers,
): HTMLElement {
  const who = h(doc, "select", { id: "break-applicant" });
  market.applicantIds.forEach((id, a) => who.append(h(doc, "option", { value: a, selected: a === Math.max(selected, 0) }, id)));
  const where = h(doc, "select", { id: "break-program" });
  where.append(h(doc, "option", { value: -1 }, "(unmatched)"));
  market.programIds.forEach((id, p) => where.append(h(doc, "option", { value: p }, id)));
  const move = h(doc, "button", { type: "button", class: "primary" }, "Move");
  move.addEventListener("click", () => handlers.move(Number(who.value), Number(where.value)));
  const reset = h(doc, "button", { type: "button" }, "Reset to the engine's matching");
  reset.addEventListener("click", () => handlers.reset());
  const panel = h(
    doc,
    "section",
    { class: "panel break-it", "aria-labelledby": "break-it-title" },
    h(doc, "h3", { id: "break-it-title" }, "Try to break it"),
    h(doc, "p", { class: "hint" }, "Move an applicant by hand (here, or drag her box onto a program); the theater checks the new matching for blocking pairs."),
    h(doc, "div", { class: "row" }, h(doc, "label", { for: "break-applicant" }, "Move "), who, h(doc, "label", { for: "break-program" }, " to "), where, move),
  );
  if (edited) {
    const { sentences, report } = explainMatching(market, matchOf);
    const verdict = h(doc, "div", { class: report.stable ? "verdict stable" : "verdict unstable", role: "status" });
    verdict.append(h(doc, "strong", {}, report.stable ? "✓ Still stable" : "✕ Unstable"));
    const list = h(doc, "ul", {});
    for (const s of sentences) list.append(h(doc, "li", {}, s));
    verdict.append(list);
    panel.append(verdict, reset);
  }
  return panel;
}
