import type { ApplicantOutcome } from "@matchlab/core";
import type { ScenarioRun } from "../engine/runScenario.ts";
import { h } from "../shell/dom.ts";

/** Rows shown per table; the exports carry everything. */
export const MAX_ROWS = 300;

/** Both runs side by side: each applicant's match, then each program's roster (applicant-proposing). */
export function resultsView(doc: Document, run: ScenarioRun): HTMLElement {
  const cell = (o: ApplicantOutcome): string => (o.program === null ? "unmatched" : `${o.program} (#${o.rank})`);
  const applicants = h(doc, "tbody", {});
  run.applicant.result.applicants.slice(0, MAX_ROWS).forEach((a, i) => {
    const b = run.program.result.applicants[i]!;
    const differs = a.program !== b.program;
    applicants.append(
      h(
        doc,
        "tr",
        { "data-applicant": a.id, class: differs ? "differs" : null },
        h(doc, "th", { scope: "row" }, a.id, differs ? " ≠" : ""),
        h(doc, "td", { class: "ap" }, cell(a)),
        h(doc, "td", { class: "pp" }, cell(b)),
      ),
    );
  });
  const programs = h(doc, "tbody", {});
  for (const p of run.applicant.result.programs.slice(0, MAX_ROWS)) {
    programs.append(h(doc, "tr", { "data-program": p.id }, h(doc, "th", { scope: "row" }, p.id), h(doc, "td", {}, `${p.matched.length} / ${p.quota}`), h(doc, "td", {}, p.matched.join(", ") || "—")));
  }
  const s = run.applicant.result.stats;
  const more = (n: number, what: string): HTMLElement | null => (n > MAX_ROWS ? h(doc, "p", { class: "hint" }, `Showing ${MAX_ROWS} of ${n} ${what}; export the results for all of them.`) : null);
  const header = (...names: string[]): HTMLElement => h(doc, "thead", {}, h(doc, "tr", {}, ...names.map((n) => h(doc, "th", { scope: "col" }, n))));
  return h(
    doc,
    "div",
    {},
    h(doc, "p", {}, `${s.matched} of ${s.applicants} applicants matched; ${s.unfilled} of ${s.positions} positions unfilled (applicant-proposing). ≠ marks an applicant placed differently by program-proposing.`),
    h(doc, "table", { class: "matching" }, h(doc, "caption", {}, "Applicants"), header("Applicant", "Applicant-proposing", "Program-proposing"), applicants),
    more(s.applicants, "applicants"),
    h(doc, "table", { class: "matching programs" }, h(doc, "caption", {}, "Programs (applicant-proposing)"), header("Program", "Filled", "Matched applicants"), programs),
    more(run.programIds.length, "programs"),
  );
}
