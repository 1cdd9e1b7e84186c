// @vitest-environment jsdom
import { compareProposingSides, compileGenerated, generateMarket, NRMP_2025 } from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { couplesPanel, sidesPanel } from "../src/dashboard/outcomePanels.ts";
import { imgPanel, ranksPanel, ratesPanel, unfilledPanel } from "../src/dashboard/panels.ts";
import { runDashboard } from "../src/dashboard/pipeline.ts";
import { STAGES, type Stage } from "../src/dashboard/protocol.ts";
import { DEFAULT_SETTINGS, settingsFromParams } from "../src/dashboard/settings.ts";
import { compareSides } from "../src/dashboard/sides.ts";
import { couplesSummary, type MatchColumns } from "../src/dashboard/summarize.ts";

const small = { seed: "dash", applicants: 3000, couplesShare: 0.1, listLength: 13 };
const sum = (xs: ArrayLike<number>): number => Array.from(xs).reduce((s, x) => s + x, 0);

describe("runDashboard(settings)", () => {
  const stages: Stage[] = [];
  const summary = runDashboard(small, (stage) => stages.push(stage));

  it("runDashboard reports every stage once, in order", () => {
    expect(stages).toEqual([...STAGES]);
  });

  it("should count every applicant once by type, and every matched applicant once by specialty", () => {
    const all = summary.types.at(-1)!;
    expect(all.type).toBe("all applicants");
    expect(all.applicants).toBe(summary.applicants);
    expect(sum(summary.types.slice(0, -1).map((r) => r.applicants))).toBe(summary.applicants);
    expect(sum(summary.types.slice(0, -1).map((r) => r.matched))).toBe(all.matched);
    expect(sum(summary.specialties.filled)).toBe(all.matched);
    expect(sum(summary.specialties.positions)).toBe(summary.positions);
    for (let k = 0; k < summary.specialties.names.length; k++) {
      expect(summary.specialties.filled[k]!).toBeLessThanOrEqual(summary.specialties.positions[k]!);
      expect(summary.specialties.imgFilled[k]!).toBeLessThanOrEqual(summary.specialties.filled[k]!);
    }
  });

  it("should split matched applicants into singles by rank and couple members by pair", () => {
    const { couples } = summary;
    expect(couples.couples).toBe(Math.round((small.couplesShare * small.applicants) / 2));
    expect(couples.both + couples.one + couples.neither).toBe(couples.couples);
    expect(sum(couples.pairRankBuckets)).toBe(couples.both + couples.one);
    expect(summary.singles).toBe(summary.applicants - 2 * couples.couples);
    expect(sum(summary.singleRanks) + 2 * couples.both + couples.one).toBe(summary.types.at(-1)!.matched);
  });

  it("should compare the proposing sides over the singles when the market has couples", () => {
    expect(summary.sides.basis).toBe("singles");
    expect(summary.sides.compared).toBe(summary.singles);
    expect(summary.sides.differ).toBeLessThanOrEqual(summary.sides.compared);
  });

  it("should be deterministic for given settings", () => {
    const again = runDashboard(small);
    expect({ ...again, timings: null }).toEqual({ ...summary, timings: null });
  });

  /** Opens a panel's table disclosure, as a click on its summary does (the table is built then). */
  const opened = (panel: HTMLElement): HTMLElement => {
    const details = panel.querySelector("details")!;
    details.open = true;
    details.dispatchEvent(new Event("toggle"));
    return panel;
  };

  it("should build a panel's table only when its disclosure opens, once", () => {
    const panel = ratesPanel(summary, 480, { document, idPrefix: "t" });
    expect(panel.querySelectorAll("table").length).toBe(0);
    opened(panel);
    opened(panel);
    expect(panel.querySelectorAll("table").length).toBe(1);
  });

  it("should draw every panel with a table behind each chart", () => {
    const ctx = { document, idPrefix: "t" };
    const rates = opened(ratesPanel(summary, 480, ctx));
    expect(rates.querySelectorAll("tbody tr").length).toBe(summary.types.length);
    expect(rates.querySelectorAll("line.reference").length).toBe(summary.types.filter((r) => r.publishedPct !== null).length);
    expect(ranksPanel(summary, 480, ctx).querySelectorAll("rect.bar").length).toBe(summary.singleRanks.length);
    const unfilled = opened(unfilledPanel(summary, 480, ctx));
    expect(unfilled.querySelectorAll("tbody tr").length).toBe(summary.specialties.names.length);
    // Ticks only where the NRMP publishes a fill rate.
    expect(unfilled.querySelectorAll("line.reference").length).toBe(NRMP_2025.specialties.filter((f) => f.fillPct !== null).length);
    expect(imgPanel(summary, 480, ctx).querySelectorAll("line.reference").length).toBe(summary.specialties.names.length);
    expect(couplesPanel(summary, 480, ctx).querySelectorAll("svg").length).toBe(2);
    expect(sidesPanel(summary, ctx).textContent).toContain("couples keep the positions the full algorithm gave them");
    for (const panel of [rates, unfilled]) expect(panel.querySelector("details summary")!.textContent).toBe("Show the numbers as a table");
  });
});

describe("compareSides(market, primaryOf, coupleOf)", () => {
  it("should count what compareProposingSides counts when the market has no couples", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.integer({ min: 50, max: 600 }), (seed, applicants) => {
        const market = compileGenerated(generateMarket({ applicants }, seedrandom(seed)));
        const noCouples = new Int32Array(market.nA).fill(-1);
        const primaryOf = new Int32Array(market.nA).fill(-1);
        const sides = compareSides(market, primaryOf, noCouples);
        expect(sides.basis).toBe("market");
        expect(sides.compared).toBe(market.nA);
        expect(sides.differ).toBe(compareProposingSides(market).applicants.length);
      }),
      { numRuns: 15 },
    );
  });
});

describe("couplesSummary(columns)", () => {
  it("couplesSummary sorts couples by outcome and matched pairs into rank buckets", () => {
    // Four couples: matched at pair 1 (both placed), pair 5 (a No Match pair: one placed), unmatched, pair 61.
    // Buckets 1 | 2–5 | 6–20 | 21–50 | 51+ → 1, 1, 0, 0, 1; median of the matched pair ranks [1, 5, 61] is 5.
    const columns: MatchColumns = {
      primaryOf: new Int32Array(0), rankOf: new Int32Array(0), coupleOf: new Int32Array(0),
      pairRank: Int32Array.of(0, 4, -1, 60), partnersPlaced: Uint8Array.of(2, 1, 0, 2),
    };
    const s = couplesSummary(columns);
    expect({ both: s.both, one: s.one, neither: s.neither, median: s.medianPairRank }).toEqual({ both: 2, one: 1, neither: 1, median: 5 });
    expect(Array.from(s.pairRankBuckets)).toEqual([1, 1, 0, 0, 1]);
  });
});

describe("settingsFromParams(params)", () => {
  it("settingsFromParams reads the address and falls back to the 2025 defaults", () => {
    expect(settingsFromParams(new URLSearchParams())).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromParams(new URLSearchParams("seed=7&applicants=20000&couples=0.1&list=10"))).toEqual({ seed: "7", applicants: 20000, couplesShare: 0.1, listLength: 10 });
    expect(settingsFromParams(new URLSearchParams("couples=0.3")).couplesShare).toBe(0.15);
  });

  it("should clamp out-of-range values and ignore non-numbers, so a hand-edited link still runs", () => {
    expect(settingsFromParams(new URLSearchParams("applicants=9e9&couples=-1&list=abc&seed=%20"))).toEqual({ ...DEFAULT_SETTINGS, applicants: 100_000, couplesShare: 0 });
  });
});
