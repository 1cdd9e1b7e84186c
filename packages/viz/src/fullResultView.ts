import type { FullRun } from "./engine/runFull.ts";
import { h } from "./shell/dom.ts";

/** Rows shown per table (the same cap as the workbench's simple results). */
const MAX_ROWS = 300;

type Blocking = FullRun["blocking"][number];

/** One sentence per blocking case found by core's `checkFullStability` (ids from `describeBlocking`). */
export function blockingSentence(b: Blocking): string {
  const where = (p: string | null): string => p ?? "No Match";
  if (b.kind === "couple" && b.members !== undefined && b.pair !== undefined) {
    return `Couple ${b.members[0]} + ${b.members[1]} and the pair (${where(b.pair[0])}, ${where(b.pair[1])}) would rather be matched together than as they are.`;
  }
  if (b.kind === "supplemental") return `${b.applicant} and the PGY-1 program ${where(b.program)} (from her supplemental list) would both rather be matched to each other.`;
  return `${b.applicant} and ${where(b.program)} would both rather be matched to each other.`;
}

/** The engine's verdict on its matching: stable, or which cases block it and what the loop detector saw. */
function verdict(doc: Document, run: FullRun): HTMLElement {
  const { result } = run;
  const box = h(doc, "div", { class: run.stable ? "verdict stable" : "verdict unstable", role: "status" });
  if (run.stable) {
    box.append(h(doc, "strong", {}, "✓ Stable"), h(doc, "p", {}, "checkFullStability finds no blocking single, couple or supplemental case in this matching."));
  } else {
    box.append(h(doc, "strong", {}, "✕ No stable matching found"));
    const list = h(doc, "ul", {});
    for (const b of run.blocking) list.append(h(doc, "li", {}, blockingSentence(b)));
    for (const v of run.violations) list.append(h(doc, "li", {}, `${v}.`));
    box.append(list);
  }
  if (result.loopsDetected > 0 || result.loop !== null) {
    const loop = result.loop;
    box.append(
      h(
        doc,
        "p",
        { class: "loop" },
        `Loop report: ${result.loopsDetected} loop${result.loopsDetected === 1 ? "" : "s"} detected, ${result.loopsBroken} broken, ${result.reorderings} re-ordering${result.reorderings === 1 ? "" : "s"} tried.`,
        loop === null ? "" : ` Last loop: applicants ${loop.applicants.join(", ")}; programs ${loop.programs.join(", ")}.`,
      ),
    );
  }
  return box;
}

const header = (doc: Document, ...names: string[]): HTMLElement => h(doc, "thead", {}, h(doc, "tr", {}, ...names.map((n) => h(doc, "th", { scope: "col" }, n))));
const ranked = (p: string | null, rank: number | null): string => (p === null ? "—" : rank === null ? p : `${p} (#${rank})`);

/**
 * The final matching of the full Roth–Peranson engine, for scenarios with couples, supplemental lists, reversions
 * or even-number requests: verdict, couples side by side, each applicant's PGY-2/categorical and PGY-1 positions,
 * programs with their quota after reversions.
 */
export function fullResultView(doc: Document, run: FullRun, options: { hasCouples: boolean }): HTMLElement {
  const { result } = run;
  const root = h(doc, "div", { class: "full-result" }, verdict(doc, run));
  if (options.hasCouples) {
    root.append(
      h(
        doc,
        "p",
        { class: "hint" },
        "With couples a stable matching may not exist at all: then no algorithm can find one, and the NRMP's engine reports the loop it could not resolve (the built-in “Couples: no stable matching” shows such a market).",
      ),
    );
  }
  if (result.couples.length > 0) {
    const body = h(doc, "tbody", {});
    for (const c of result.couples.slice(0, MAX_ROWS)) {
      body.append(
        h(
          doc,
          "tr",
          { "data-couple": `${c.members[0]}+${c.members[1]}` },
          h(doc, "th", { scope: "row" }, `${c.members[0]} + ${c.members[1]}`),
          h(doc, "td", {}, c.pair === null ? "—" : c.pair[0] ?? "No Match"),
          h(doc, "td", {}, c.pair === null ? "—" : c.pair[1] ?? "No Match"),
          h(doc, "td", {}, c.rank === null ? "unmatched" : `pair #${c.rank}`),
        ),
      );
    }
    root.append(h(doc, "table", { class: "matching couples" }, h(doc, "caption", {}, "Couples (side by side)"), header(doc, "Couple", "First partner", "Second partner", "Rank"), body));
  }
  const withSupplemental = result.applicants.some((a) => a.supplemental !== null);
  const applicants = h(doc, "tbody", {});
  for (const a of result.applicants.slice(0, MAX_ROWS)) {
    applicants.append(
      h(
        doc,
        "tr",
        { "data-applicant": a.id },
        h(doc, "th", { scope: "row" }, a.id),
        h(doc, "td", {}, ranked(a.program, a.rank)),
        withSupplemental ? h(doc, "td", { class: "pgy1" }, ranked(a.supplemental, a.supplementalRank)) : null,
      ),
    );
  }
  root.append(
    h(
      doc,
      "table",
      { class: "matching full" },
      h(doc, "caption", {}, "Final matching (full rules)"),
      withSupplemental ? header(doc, "Applicant", "Program (PGY-2 when advanced)", "PGY-1 (supplemental list)") : header(doc, "Applicant", "Program"),
      applicants,
    ),
  );
  const programs = h(doc, "tbody", {});
  for (const p of result.programs.slice(0, MAX_ROWS)) {
    const quota = p.quota === p.originalQuota ? String(p.quota) : `${p.originalQuota} → ${p.quota}`;
    programs.append(h(doc, "tr", { "data-program": p.id }, h(doc, "th", { scope: "row" }, p.id), h(doc, "td", {}, quota), h(doc, "td", {}, p.matched.join(", ") || "—")));
  }
  root.append(h(doc, "table", { class: "matching programs" }, h(doc, "caption", {}, "Programs (positions after reversions)"), header(doc, "Program", "Positions", "Matched applicants"), programs));
  if (result.reversions.length > 0) {
    const list = h(doc, "ul", { class: "reversions" });
    for (const r of result.reversions) list.append(h(doc, "li", {}, `Round ${r.round}: ${r.from} reverted ${r.positions} unfilled position${r.positions === 1 ? "" : "s"} to ${r.to}.`));
    root.append(h(doc, "h4", {}, "Reversions applied"), list);
  }
  if (result.evenCuts.length > 0) {
    const list = h(doc, "ul", { class: "even-cuts" });
    for (const c of result.evenCuts) list.append(h(doc, "li", {}, `Round ${c.round}: ${c.program} asked for an even number of positions; its quota became ${c.quota} and ${c.removed} was let go.`));
    root.append(h(doc, "h4", {}, "Even-number requests"), list);
  }
  if (result.applicants.length > MAX_ROWS || result.programs.length > MAX_ROWS) root.append(h(doc, "p", { class: "hint" }, `Tables show the first ${MAX_ROWS} rows.`));
  return root;
}
