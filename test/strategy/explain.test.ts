import { compileMarket, deferredAcceptance, explainApplicant, isStable } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";

describe("explainApplicant", () => {
  it("should explain every program above her match by 'not ranked', 'no positions' or 'filled' in a stable matching", () => {
    fc.assert(
      fc.property(simpleScenario({ applicants: { min: 1, max: 8 }, programs: { min: 1, max: 5 } }), (scenario) => {
        const market = compileMarket(scenario);
        const { matchOf } = deferredAcceptance(market);
        for (let a = 0; a < market.nA; a++) {
          for (const e of explainApplicant(market, matchOf, { applicant: a })) {
            expect(e.reason).not.toBe("wouldAccept");
            if (e.reason === "filled") {
              expect(e.filledWith.length).toBe(e.quota);
              for (const h of e.filledWith) expect(h.rank).toBeLessThan(e.yourRank!);
            }
          }
        }
      }),
    );
  });

  it("should flag a program that would take her when the matching is not stable", () => {
    // One program, one position, ranks the only applicant; leaving her unmatched is blocked by that pair.
    const market = compileMarket({ programs: [{ id: "P", quota: 1, rol: ["a"] }], applicants: [{ id: "a", rol: ["P"] }] });
    const unmatched = Int32Array.of(-1);
    expect(isStable(market, unmatched)).toBe(false);
    expect(explainApplicant(market, unmatched, { applicant: 0 })).toEqual([{ program: 0, reason: "wouldAccept", yourRank: 1, quota: 1, filledWith: [] }]);
  });
});
