import { h } from "../shell/dom.ts";
import type { MythKey, MythResult } from "./myths.ts";
import { describeOutcome } from "./renderOutcome.ts";

/** The myths, as the card asks them before any run. */
export const MYTHS: ReadonlyArray<{ key: MythKey; title: string; question: string }> = [
  { key: "reachFirst", title: "Rank a reach program first", question: "Does a long shot at the top cost you your safety?" },
  { key: "safetyFirst", title: "Rank where you think you'll match higher", question: "Does putting your likeliest program first improve your odds?" },
  { key: "rankFewer", title: "Rank fewer programs", question: "Does a short list show programs you are serious?" },
  { key: "addMore", title: "Add more programs", question: "Can programs at the bottom of your list hurt your chances at the top?" },
];

/**
 * The four myth cards. `results` (null until a card is tried) fills each card with its what-if on her own list:
 * what changed, where it places her, and the lesson. `onTry(key)` runs one.
 */
export function mythCards(doc: Document, results: readonly MythResult[] | null, shown: ReadonlySet<MythKey>, onTry: (key: MythKey) => void): HTMLElement {
  const list = h(doc, "ul", { class: "myth-cards" });
  for (const myth of MYTHS) {
    const result = results?.find((r) => r.key === myth.key);
    const button = h(doc, "button", { type: "button", "data-myth": myth.key }, "Try it on my list");
    button.addEventListener("click", () => onTry(myth.key));
    const body =
      result !== undefined && shown.has(myth.key)
        ? h(
            doc,
            "div",
            { class: `myth-result ${result.applicable ? result.result.verdict : "na"}`, "aria-live": "polite" },
            h(doc, "p", {}, result.change),
            result.applicable ? h(doc, "p", {}, h(doc, "strong", {}, "Result: "), describeOutcome(result.result.submitted), ` (your true list: ${describeOutcome(result.result.truthful)})`) : null,
            h(doc, "p", { class: "lesson" }, result.lesson),
          )
        : null;
    list.append(h(doc, "li", { class: "myth-card", "data-myth": myth.key }, h(doc, "h4", {}, myth.title), h(doc, "p", { class: "question" }, myth.question), button, body));
  }
  return list;
}
