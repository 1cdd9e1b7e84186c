import type { MatchResult, StabilityReport } from "@matchlab/core";

/** Renders the match result as a detached element (the caller attaches it), built through the given document. */
export function renderResultTable(result: MatchResult, stability: StabilityReport, doc: Document): HTMLElement {
  const section = doc.createElement("div");
  const table = doc.createElement("table");
  const caption = table.createCaption();
  caption.textContent = `${result.side === "applicant" ? "Applicant" : "Program"}-proposing deferred acceptance`;
  const head = table.createTHead().insertRow();
  for (const title of ["Program", "Quota", "Matched", "Unfilled"]) {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = title;
    head.append(th);
  }
  const body = table.createTBody();
  for (const program of result.programs) {
    const row = body.insertRow();
    row.insertCell().textContent = program.id;
    row.insertCell().textContent = String(program.quota);
    row.insertCell().textContent = program.matched.join(", ") || "—";
    const unfilled = row.insertCell();
    unfilled.textContent = String(program.unfilled);
    if (program.unfilled > 0) unfilled.className = "unfilled";
  }
  section.append(table);
  const { stats } = result;
  const summary = doc.createElement("p");
  summary.textContent = `${stats.matched} of ${stats.applicants} applicants matched; ${stats.unfilled} of ${stats.positions} positions unfilled; ${stats.proposals} proposals.`;
  const verdict = doc.createElement("p");
  verdict.className = stability.stable ? "stable" : "unstable";
  verdict.textContent = stability.stable ? "Stable: no applicant and program would both rather be matched to each other." : `Unstable: ${stability.blockingPairs.length} blocking pairs.`;
  section.append(summary, verdict);
  return section;
}
