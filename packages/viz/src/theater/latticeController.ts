import type { CompiledMarket } from "@matchlab/core";
import { h } from "../shell/dom.ts";
import { buildLattice, movedBetween, type LatticeResult } from "./lattice.ts";
import { latticePanel, matchingLabel } from "./latticePanel.ts";
import type { StableShown } from "./scene.ts";

/** The theater's "All stable matchings" area: which matching is picked, and its panel. */
export interface LatticeController {
  area: HTMLElement;
  /** A new simple market (null: none, e.g. a full-rules scenario); forgets the pick. */
  load(market: CompiledMarket | null): void;
  /** Back to the engine's run (the theater calls it when the user steps or plays). */
  unpick(): void;
  /** The picked matching, or null when the run is shown. */
  pickedMatching(): Int32Array | null;
  /** What the scene shows for the pick: the matching, who moved in the last step, its label. */
  sceneStable(): StableShown | null;
  /** Redraws the panel if the pick or the proposing side changed. */
  draw(side: "applicant" | "program"): void;
}

/** `onPicked` runs after a pick changes (the theater jumps to the end of its run and redraws). */
export function createLatticeController(doc: Document, onPicked: () => void): LatticeController {
  const area = h(doc, "div", { class: "lattice-area" });
  let market: CompiledMarket | null = null;
  let lattice: LatticeResult | null = null;
  let picked = -1;
  let before = -1;
  let side: "applicant" | "program" = "applicant";
  let drawn = "";

  /** The matching the engine's run ends in: applicant-optimal (0) or program-optimal. */
  const current = (): number => (lattice?.ok === true && side === "program" ? lattice.lattice.programOptimal : 0);

  function pick(i: number): void {
    if (lattice?.ok !== true || i === picked) return;
    const focusWasIn = area.contains(doc.activeElement);
    before = i < 0 ? -1 : picked >= 0 ? picked : current();
    picked = i;
    onPicked();
    if (focusWasIn && i >= 0) area.querySelector<SVGGElement>(`[data-matching="${i}"]`)?.focus();
  }

  return {
    area,
    load(next) {
      market = next;
      lattice = next === null ? null : buildLattice(next);
      picked = -1;
      drawn = "";
    },
    unpick() {
      picked = -1;
    },
    pickedMatching: () => (picked >= 0 && lattice?.ok === true ? lattice.lattice.matchings[picked]! : null),
    sceneStable() {
      if (picked < 0 || lattice?.ok !== true || market === null) return null;
      const { matchings } = lattice.lattice;
      return { matchOf: matchings[picked]!, moved: movedBetween(matchings[before]!, matchings[picked]!), label: matchingLabel(market, lattice.lattice, picked) };
    },
    draw(nextSide) {
      side = nextSide;
      const key = market === null || lattice === null ? "" : `${side}|${picked}`;
      if (key === drawn) return;
      drawn = key;
      if (market === null || lattice === null) return area.replaceChildren();
      if (!lattice.ok) {
        return area.replaceChildren(
          h(doc, "section", { class: "panel lattice-panel", "aria-labelledby": "lattice-title" }, h(doc, "h3", { id: "lattice-title" }, "All stable matchings"), h(doc, "p", {}, lattice.reason)),
        );
      }
      area.replaceChildren(latticePanel(doc, market, lattice.lattice, picked, current(), { select: pick }));
    },
  };
}
