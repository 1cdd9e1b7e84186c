import { ScenarioError, compileGenerated, decodeMarketFile, encodeMarketFile, generateMarket, parseScenario, toScenario } from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";

const withCouples = (seed: string, applicants = 300, couplesShare = 0.1) => generateMarket({ applicants, couplesShare }, seedrandom(seed));

describe("generateMarket({ couplesShare })", () => {
  it("should pair round(share × applicants / 2) couples of distinct applicants", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.double({ min: 0.01, max: 0.9, noNaN: true }), fc.string({ maxLength: 6 }), (applicants, share, seed) => {
        const market = withCouples(seed, applicants, share);
        const members = [...market.couples!.members];
        expect(members.length).toBe(2 * Math.min(Math.floor(applicants / 2), Math.round((share * applicants) / 2)));
        expect(new Set(members).size).toBe(members.length);
      }),
      { numRuns: 30 },
    );
  });

  it("should produce scenarios with couples that pass validation (members without own lists, no pair twice, ≤ 300 pairs)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (seed) => {
        const parsed = parseScenario(toScenario(withCouples(seed)));
        expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it("should pair programs of the same region, best rank sum first, then No Match fallbacks down both partners' lists", () => {
    // Couples are formed last, so the same seed with no couples gives the partners' original lists.
    const market = withCouples("regions");
    const original = generateMarket({ applicants: 300 }, seedrandom("regions"));
    const listOf = (a: number): number[] => [...original.appRol.subarray(original.appStart[a]!, original.appStart[a + 1]!)];
    const region = market.programs!.region;
    const { members, start, rol } = market.couples!;
    for (let c = 0; c + 1 < start.length; c++) {
      const [lx, ly] = [listOf(members[2 * c]!), listOf(members[2 * c + 1]!)];
      expect(market.appStart[members[2 * c]! + 1]! - market.appStart[members[2 * c]!]!).toBe(0);
      const pairs = Array.from({ length: start[c + 1]! - start[c]! }, (_, k) => [rol[2 * (start[c]! + k)]!, rol[2 * (start[c]! + k) + 1]!]);
      const joint = pairs.filter(([x, y]) => x! >= 0 && y! >= 0);
      const sameRegion = lx.flatMap((x) => ly.filter((y) => region[x] === region[y])).length;
      expect(joint.length).toBe(Math.min(300, sameRegion));
      let lastSum = -1;
      for (const [x, y] of joint) {
        expect(region[x!]).toBe(region[y!]);
        const sum = lx.indexOf(x!) + ly.indexOf(y!);
        expect(lx.indexOf(x!) >= 0 && ly.indexOf(y!) >= 0).toBe(true);
        expect(sum).toBeGreaterThanOrEqual(lastSum);
        lastSum = sum;
      }
      const fallbacks = pairs.slice(joint.length);
      // Alternating: x's 1st alone, y's 1st alone, x's 2nd alone, … (each partner's whole list), within the cap.
      const alternating = Array.from({ length: Math.max(lx.length, ly.length) }, (_, k) => [
        ...(k < lx.length ? [[lx[k], -1]] : []),
        ...(k < ly.length ? [[-1, ly[k]]] : []),
      ]).flat();
      expect(fallbacks).toEqual(alternating.slice(0, 300 - joint.length));
    }
  });

  it("should leave the market unchanged apart from couples when the share is 0 (couples come last in the stream)", () => {
    const plain = generateMarket({ applicants: 300 }, seedrandom("same"));
    const zero = generateMarket({ applicants: 300, couplesShare: 0 }, seedrandom("same"));
    expect(encodeMarketFile(zero)).toEqual(encodeMarketFile(plain));
    expect(zero.couples).toBeUndefined();
  });

  it("compileGenerated should refuse a market with couples, as compileMarket does", () => {
    expect(() => compileGenerated(withCouples("refuse"))).toThrow(ScenarioError);
  });

  it("should round-trip couples through .mlm files", () => {
    const market = withCouples("file");
    const back = decodeMarketFile(encodeMarketFile(market));
    expect([...back.couples!.members]).toEqual([...market.couples!.members]);
    expect([...back.couples!.start]).toEqual([...market.couples!.start]);
    expect([...back.couples!.rol]).toEqual([...market.couples!.rol]);
  });
});
