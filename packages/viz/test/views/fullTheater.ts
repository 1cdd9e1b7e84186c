import type { FullTraceEvent } from "@matchlab/core";
import { runFull } from "../../src/engine/runFull.ts";
import { findBuiltIn } from "../../src/scenarios.ts";
import { fullFrame, slotCapacity } from "../../src/theater/fullScene.ts";
import { renderFullScene } from "../../src/theater/renderFullScene.ts";

/**
 * The full-rules theater gallery: each function draws one step of a full-rules built-in's Roth–Peranson trace,
 * through the same `fullFrame` and `renderFullScene` calls as the app (snapshot test and gallery.html).
 */
function fullTheaterAt(doc: Document, key: string, pick: (events: FullTraceEvent[]) => number, width = 640): SVGSVGElement {
  const scenario = findBuiltIn(key)!.scenario;
  const run = runFull(scenario);
  const frame = fullFrame(scenario, run, slotCapacity(run), pick(run.events));
  return renderFullScene(frame, width, { document: doc, idPrefix: "f" });
}

/** The step right after the first event of `kind` (so that event is the one drawn). */
const after = (kind: FullTraceEvent["kind"]) => (events: FullTraceEvent[]) => events.findIndex((e) => e.kind === kind) + 1;
const end = (events: FullTraceEvent[]): number => events.length;

export const couplesOrderPairProposes = (doc: Document) => fullTheaterAt(doc, "couples-order-matters", after("coupleProposes"));
export const couplesOrderPairRejected = (doc: Document) => fullTheaterAt(doc, "couples-order-matters", after("coupleRejected"));
export const couplesOrderEnd = (doc: Document) => fullTheaterAt(doc, "couples-order-matters", end);
export const noStablePartnerWithdrawn = (doc: Document) => fullTheaterAt(doc, "couples-no-stable-matching", after("partnerWithdrawn"));
export const noStableLoop = (doc: Document) => fullTheaterAt(doc, "couples-no-stable-matching", after("loopBroken"));
export const dermSupplementalBump = (doc: Document) => fullTheaterAt(doc, "supplemental-derm", after("suppBump"));
export const dermEnd = (doc: Document) => fullTheaterAt(doc, "supplemental-derm", end);
export const reversionMoves = (doc: Document) => fullTheaterAt(doc, "reversion-chain", after("reversion"));
export const reversionEndPhone = (doc: Document) => fullTheaterAt(doc, "reversion-chain", end, 360);
