import { compileMarket } from "@matchlab/core";
import { findBuiltIn } from "../../src/scenarios.ts";
import { buildLattice, describeRotation } from "../../src/theater/lattice.ts";
import { matchingLabel } from "../../src/theater/latticePanel.ts";
import { layoutLattice, renderLattice } from "../../src/theater/renderLattice.ts";

/** The lattice gallery: the Hasse diagram of a built-in's stable matchings, through the same calls as the app. */
function latticeOf(doc: Document, key: string, selected: number): SVGSVGElement {
  const market = compileMarket(findBuiltIn(key)!.scenario);
  const built = buildLattice(market);
  if (!built.ok) throw new Error(built.reason);
  const { lattice } = built;
  const data = {
    lattice,
    nodeLabels: lattice.matchings.map((_, i) => matchingLabel(market, lattice, i)),
    rotationLabels: lattice.rotations.map((moves) => describeRotation(market, moves)),
    selected,
    current: 0,
  };
  const { scales, dims } = layoutLattice(lattice, 320, data.rotationLabels);
  return renderLattice(data, scales, dims, { document: doc, idPrefix: "l" });
}

export const latticeAppic = (doc: Document) => latticeOf(doc, "appic-2x2", 1);
export const latticeRunAMatch = (doc: Document) => latticeOf(doc, "run-a-match", -1);
export const latticeWhoProposes = (doc: Document) => latticeOf(doc, "who-proposes", -1);
