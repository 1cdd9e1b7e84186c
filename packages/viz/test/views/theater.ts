import { checkStability, compileMarket, EventKind, solve } from "@matchlab/core";
import { runScenario } from "../../src/engine/runScenario.ts";
import { findBuiltIn } from "../../src/scenarios.ts";
import type { BipartiteData } from "../../src/theater/bipartiteData.ts";
import { moveApplicant } from "../../src/theater/breakIt.ts";
import { layoutBipartite } from "../../src/theater/layout.ts";
import { frameFromMatching, replay } from "../../src/theater/replay.ts";
import { renderBipartite } from "../../src/theater/renderBipartite.ts";

/**
 * The theater gallery: each function builds one picture from a built-in scenario. The snapshot test renders them
 * under jsdom; the function name is the snapshot name.
 */
function theaterAt(doc: Document, key: string, side: "applicant" | "program", pick: (kinds: Uint8Array) => number, width = 640): SVGSVGElement {
  const scenario = findBuiltIn(key)!.scenario;
  const run = runScenario(scenario);
  const sideRun = side === "applicant" ? run.applicant : run.program;
  const trace = sideRun.trace!;
  const step = pick(trace.kind);
  const nA = run.applicantIds.length;
  const differs = new Uint8Array(nA).map((_, a) => (run.applicant.matchOf[a] === run.program.matchOf[a] ? 0 : 1));
  const data: BipartiteData = {
    side,
    applicantIds: run.applicantIds,
    programIds: run.programIds,
    quota: run.quota,
    frame: replay(trace, run.quota, nA, step),
    event: step === 0 ? null : { kind: trace.kind[step - 1]!, applicant: trace.applicant[step - 1]!, program: trace.program[step - 1]!, other: trace.other[step - 1]! },
    differs,
    selected: -1,
    moved: new Uint8Array(nA),
    blocking: [],
  };
  const { scales, dims } = layoutBipartite(nA, run.quota, width);
  return renderBipartite(data, scales, dims, { document: doc, idPrefix: "t" });
}

const firstOf = (kind: number) => (kinds: Uint8Array) => kinds.indexOf(kind) + 1;

export const runAMatchStart = (doc: Document) => theaterAt(doc, "run-a-match", "applicant", () => 0);
export const runAMatchFirstBump = (doc: Document) => theaterAt(doc, "run-a-match", "applicant", firstOf(EventKind.bump));
export const runAMatchRejectFull = (doc: Document) => theaterAt(doc, "run-a-match", "applicant", firstOf(EventKind.rejectFull));
export const runAMatchEnd = (doc: Document) => theaterAt(doc, "run-a-match", "applicant", (k) => k.length);
export const shortListRejectUnranked = (doc: Document) => theaterAt(doc, "short-list", "applicant", firstOf(EventKind.rejectUnranked));
export const shortListExhausted = (doc: Document) => theaterAt(doc, "short-list", "applicant", firstOf(EventKind.exhausted));
export const whoProposesProgramSidePhone = (doc: Document) => theaterAt(doc, "who-proposes", "program", (k) => k.length, 360);

/** APPIC with Y moved by hand to unmatched: two blocking pairs drawn. */
export function appicBrokenByHand(doc: Document): SVGSVGElement {
  const scenario = findBuiltIn("appic-2x2")!.scenario;
  const market = compileMarket(scenario);
  const matchOf = moveApplicant(solve(market).matchOf, 0, -1);
  const quota = Array.from(market.quota);
  const data: BipartiteData = {
    side: "applicant",
    applicantIds: market.applicantIds,
    programIds: market.programIds,
    quota,
    frame: frameFromMatching(matchOf, quota),
    event: null,
    differs: Uint8Array.from([1, 1]),
    selected: 0,
    moved: Uint8Array.from([1, 0]),
    blocking: checkStability(market, matchOf).blockingPairs,
  };
  const { scales, dims } = layoutBipartite(market.nA, quota, 640);
  return renderBipartite(data, scales, dims, { document: doc, idPrefix: "t" });
}
