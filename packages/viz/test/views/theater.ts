import { compileMarket, EventKind } from "@matchlab/core";
import { runScenario } from "../../src/engine/runScenario.ts";
import { findBuiltIn } from "../../src/scenarios.ts";
import { moveApplicant } from "../../src/theater/breakIt.ts";
import { layoutBipartite } from "../../src/theater/layout.ts";
import { renderBipartite } from "../../src/theater/renderBipartite.ts";
import { scene } from "../../src/theater/scene.ts";

/**
 * The theater gallery: each function builds one picture from a built-in scenario, through the same `scene` and
 * `renderBipartite` calls as the app. The snapshot test renders them under jsdom (the function name is the
 * snapshot name) and gallery.html shows them in the browser.
 */
function theaterAt(doc: Document, key: string, side: "applicant" | "program", pick: (kinds: Uint8Array) => number, options: { width?: number; hand?: (m: Int32Array) => Int32Array; selected?: number } = {}): SVGSVGElement {
  const scenario = findBuiltIn(key)!.scenario;
  const market = compileMarket(scenario);
  const run = runScenario(scenario);
  const sideRun = side === "applicant" ? run.applicant : run.program;
  const differs = new Uint8Array(market.nA).map((_, a) => (run.applicant.matchOf[a] === run.program.matchOf[a] ? 0 : 1));
  const now = scene({
    market,
    quota: run.quota,
    run: sideRun,
    differs,
    step: pick(sideRun.trace!.kind),
    hand: options.hand === undefined ? null : options.hand(sideRun.matchOf),
    selected: options.selected ?? -1,
  });
  const { scales, dims } = layoutBipartite(market.nA, run.quota, options.width ?? 640);
  return renderBipartite(now.data, scales, dims, { document: doc, idPrefix: "t" });
}

const firstOf = (kind: number) => (kinds: Uint8Array) => kinds.indexOf(kind) + 1;
const end = (kinds: Uint8Array): number => kinds.length;

export const runAMatchStart = (doc: Document) => theaterAt(doc, "run-a-match", "applicant", () => 0);
export const runAMatchFirstBump = (doc: Document) => theaterAt(doc, "run-a-match", "applicant", firstOf(EventKind.bump));
export const runAMatchRejectFull = (doc: Document) => theaterAt(doc, "run-a-match", "applicant", firstOf(EventKind.rejectFull));
export const runAMatchEnd = (doc: Document) => theaterAt(doc, "run-a-match", "applicant", end);
export const shortListRejectUnranked = (doc: Document) => theaterAt(doc, "short-list", "applicant", firstOf(EventKind.rejectUnranked));
export const shortListExhausted = (doc: Document) => theaterAt(doc, "short-list", "applicant", firstOf(EventKind.exhausted));
export const shortListProgramExhausted = (doc: Document) => theaterAt(doc, "short-list", "program", firstOf(EventKind.exhausted));
export const whoProposesProgramSidePhone = (doc: Document) => theaterAt(doc, "who-proposes", "program", end, { width: 360 });
/** APPIC with Y moved by hand to unmatched: Y + B and Y + A both block. */
export const appicBrokenByHand = (doc: Document) => theaterAt(doc, "appic-2x2", "applicant", end, { hand: (m) => moveApplicant(m, 0, -1), selected: 0 });

