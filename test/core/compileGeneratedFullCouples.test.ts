import { compileGeneratedFull, compileFullMarket, createWorkspace, generateMarket, rothPeranson, toScenario, type FullMarket } from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { firstPairAt } from "../../packages/core/src/rules/couplePairIndex.ts";

const plain = (market: FullMarket) => {
  // firstPair is defined only where coupleEntries has its bit (a workspace leaves the rest stale): compare that.
  const { base, track, firstPair, ...rest } = market;
  const firstPairs = Array.from({ length: base.progStart[base.nP]! }, (_, entry) => firstPairAt(market, entry));
  const arrays = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, ArrayBuffer.isView(value) ? Array.from(value as Uint32Array) : value]));
  const { applicantIds, programIds, ...lists } = base;
  return { ...arrays, firstPairs, ids: [applicantIds, programIds], base: Object.fromEntries(Object.entries(lists).map(([key, value]) => [key, ArrayBuffer.isView(value) ? Array.from(value as Uint32Array) : value])) };
};

describe("compileGeneratedFull(market)", () => {
  it("should compile a generated couples market exactly as compileFullMarket(toScenario(market)) does", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.integer({ min: 2, max: 400 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (seed, applicants, couplesShare) => {
        const generated = generateMarket({ applicants, couplesShare }, seedrandom(seed));
        const direct = compileGeneratedFull(generated);
        const viaScenario = compileFullMarket(toScenario(generated));
        expect(plain(direct)).toEqual(plain(viaScenario));
        // toScenario does not carry tracks (all categorical there); the direct path keeps the generated column.
        expect(Array.from(direct.track)).toEqual(Array.from(generated.programs!.track));
      }),
      { numRuns: 25 },
    );
  });

  it("should compile a uniform market with couples and supplemental lists exactly as compileFullMarket(toScenario(market)) does, tracks included", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 6 }), fc.integer({ min: 2, max: 300 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 0.1, 0.3), fc.constantFrom(0, 0.1, 0.3),
        (seed, applicants, quota, couplesShare, supplementalShare) => {
          const generated = generateMarket({ preset: "uniform", applicants, quota, listLength: 6, couplesShare, supplementalShare }, seedrandom(seed));
          const direct = compileGeneratedFull(generated);
          const viaScenario = compileFullMarket(toScenario(generated));
          expect(plain(direct)).toEqual(plain(viaScenario));
          expect(Array.from(direct.track)).toEqual(Array.from(viaScenario.track));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("should compile the same market with a workspace another market left dirty", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.integer({ min: 2, max: 300 }), fc.integer({ min: 2, max: 300 }), (seed, before, applicants) => {
        const workspace = createWorkspace();
        compileGeneratedFull(generateMarket({ applicants: before, couplesShare: 0.2, supplementalShare: 0.3 }, seedrandom(`${seed}-before`)), { workspace });
        const generated = generateMarket({ applicants, couplesShare: 0.2, supplementalShare: 0.3 }, seedrandom(seed));
        expect(plain(compileGeneratedFull(generated, { workspace }))).toEqual(plain(compileGeneratedFull(generated)));
      }),
      { numRuns: 15 },
    );
  });

  it("should give the same Roth–Peranson matching as the scenario path", () => {
    const generated = generateMarket({ applicants: 2000, couplesShare: 0.1 }, seedrandom("rp"));
    const direct = rothPeranson(compileGeneratedFull(generated), { rng: seedrandom("1") });
    const viaScenario = rothPeranson(compileFullMarket(toScenario(generated)), { rng: seedrandom("1") });
    expect(Array.from(direct.primaryOf)).toEqual(Array.from(viaScenario.primaryOf));
    expect(Array.from(direct.couplePair)).toEqual(Array.from(viaScenario.couplePair));
    expect(direct.proposals).toBe(viaScenario.proposals);
  });

  it("should compile a market without couples as one whose couple arrays are empty", () => {
    const market = compileGeneratedFull(generateMarket({ applicants: 50 }, seedrandom("none")));
    expect(market.nC).toBe(0);
    expect(Array.from(market.singlesOrder)).toEqual([...Array(market.base.nA).keys()]);
  });
});
