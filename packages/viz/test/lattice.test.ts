// @vitest-environment jsdom
import { checkStability, compileMarket, solve } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../../../test/arbitraries/market.ts";
import { findBuiltIn } from "../src/scenarios.ts";
import { buildLattice, describeRotation, movedBetween } from "../src/theater/lattice.ts";
import * as gallery from "./views/lattice.ts";
import { itMatchesGallerySnapshots } from "./gallerySnapshots.ts";

const market = (key: string) => compileMarket(findBuiltIn(key)!.scenario);

describe("buildLattice", () => {
  it("buildLattice(APPIC 2×2) has two matchings joined by one rotation that swaps Y and Z", () => {
    // Applicant-optimal: Y at B, Z at A (each her 1st choice). Program-optimal: Y at A, Z at B. One rotation
    // moves both applicants down their lists at once.
    const m = market("appic-2x2");
    const built = buildLattice(m);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const { lattice } = built;
    expect(lattice.matchings.length).toBe(2);
    expect(lattice.edges).toEqual([{ from: 0, to: 1, rotation: 0 }]);
    expect(lattice.programOptimal).toBe(1);
    expect(describeRotation(m, lattice.rotations[0]!).split(", ").sort()).toEqual(["Y: B → A", "Z: A → B"]);
    expect(Array.from(movedBetween(lattice.matchings[0]!, lattice.matchings[1]!))).toEqual([1, 1]);
  });

  it("buildLattice(Run-A-Match) has exactly one stable matching", () => {
    const built = buildLattice(market("run-a-match"));
    expect(built.ok && built.lattice.matchings.length).toBe(1);
    expect(built.ok && built.lattice.edges.length).toBe(0);
  });

  it("should refuse markets over the size bounds, saying why", () => {
    const m = market("appic-2x2");
    expect(buildLattice(m, { maxApplicants: 1 })).toEqual({ ok: false, reason: "The lattice is drawn for markets of up to 1 applicants; this one has 2." });
    expect(buildLattice(m, { maxMatchings: 1 })).toEqual({ ok: false, reason: "This market has more than 1 stable matchings: too many to draw." });
  });

  it("should give distinct stable matchings from applicant- to program-optimal, each edge applying its rotation's moves", () => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const m = compileMarket(scenario);
        const built = buildLattice(m, { maxMatchings: 2000 });
        if (!built.ok) return;
        const { matchings, edges, rotations, programOptimal } = built.lattice;
        expect(Array.from(matchings[0]!)).toEqual(Array.from(solve(m, { side: "applicant" }).matchOf));
        expect(Array.from(matchings[programOptimal]!)).toEqual(Array.from(solve(m, { side: "program" }).matchOf));
        expect(new Set(matchings.map((x) => x.join(","))).size).toBe(matchings.length);
        for (const x of matchings) expect(checkStability(m, x).stable).toBe(true);
        for (const e of edges) {
          const next = matchings[e.from]!.slice();
          for (const move of rotations[e.rotation]!) {
            expect(next[move.applicant]).toBe(move.from);
            next[move.applicant] = move.to;
          }
          expect(Array.from(next)).toEqual(Array.from(matchings[e.to]!));
        }
        // Every matching but applicant-optimal is reached by some edge: the diagram is connected from the top.
        const reached = new Set(edges.map((e) => e.to));
        for (let i = 1; i < matchings.length; i++) expect(reached.has(i)).toBe(true);
      }),
    );
  });
});

describe("renderLattice under jsdom", () => {
  it("renderLattice returns a detached SVG with one focusable, labelled node per matching (roving tabindex)", () => {
    const svg = gallery.latticeAppic(document);
    expect(svg.parentNode).toBeNull();
    expect(svg.ownerDocument).toBe(document);
    const nodes = [...svg.querySelectorAll(".matching-node")];
    expect(nodes.length).toBe(2);
    expect(nodes.map((n) => n.getAttribute("tabindex"))).toEqual(["-1", "0"]);
    expect(nodes[1]!.getAttribute("aria-pressed")).toBe("true");
    expect(nodes[1]!.getAttribute("aria-label")).toBe("Stable matching 2 of 2 (program-optimal): Y at A, Z at B.");
    expect([...svg.querySelectorAll(".end-label")].map((t) => t.textContent)).toEqual(["applicant-optimal", "program-optimal"]);
    expect(svg.querySelector(".edge text")!.textContent!.split(", ").sort()).toEqual(["Y: B → A", "Z: A → B"]);
  });

  it("should draw the applicant-optimal matching above the program-optimal one", () => {
    const svg = gallery.latticeWhoProposes(document);
    const y = (i: number) => Number(/translate\([^,]+,([^)]+)\)/.exec(svg.querySelector(`[data-matching="${i}"]`)!.getAttribute("transform")!)![1]);
    const nodes = svg.querySelectorAll(".matching-node").length;
    expect(nodes).toBeGreaterThan(1);
    for (let i = 1; i < nodes; i++) expect(y(i)).toBeGreaterThan(y(0));
  });

  itMatchesGallerySnapshots(gallery);
});
