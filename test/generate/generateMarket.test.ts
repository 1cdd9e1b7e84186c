import {
  MARKET_PRESETS, compileGenerated, compileMarket, createWorkspace, encodeMarketFile, generateMarket, parseScenario, scenarioJsonChunks, toScenario,
  type GenerateMarketOptions, type GeneratedMarket,
} from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";

const small: Record<(typeof MARKET_PRESETS)[number], GenerateMarketOptions> = {
  "nrmp-2025": { preset: "nrmp-2025", applicants: 300 },
  "nrmp-2024": { preset: "nrmp-2024", applicants: 300 },
  uniform: { preset: "uniform", applicants: 60, programs: 40, quota: 2, listLength: 5 },
  correlated: { preset: "correlated", applicants: 60, programs: 40, quota: 2, listLength: 5, correlation: 0.7 },
};
const presetArb = fc.constantFrom(...MARKET_PRESETS);
const seedArb = fc.string({ maxLength: 8 });

describe("generateMarket(options, rng)", () => {
  it("should give byte-identical output for the same seed, in binary and in JSON", () => {
    fc.assert(
      fc.property(presetArb, seedArb, (preset, seed) => {
        const a = generateMarket(small[preset], seedrandom(seed));
        const b = generateMarket(small[preset], seedrandom(seed));
        expect(encodeMarketFile(a)).toEqual(encodeMarketFile(b));
        expect(JSON.stringify(toScenario(a))).toBe(JSON.stringify(toScenario(b)));
      }),
      { numRuns: 20 },
    );
  });

  it("should depend on the seed", () => {
    for (const preset of MARKET_PRESETS) {
      const a = encodeMarketFile(generateMarket(small[preset], seedrandom("1")));
      const b = encodeMarketFile(generateMarket(small[preset], seedrandom("2")));
      expect(a).not.toEqual(b);
    }
  });

  it("should produce scenarios that pass validation, for every preset and size", () => {
    fc.assert(
      fc.property(presetArb, seedArb, fc.integer({ min: 1, max: 400 }), (preset, seed, applicants) => {
        const scenario = toScenario(generateMarket({ ...small[preset], applicants }, seedrandom(seed)));
        const parsed = parseScenario(scenario);
        expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("scenarioJsonChunks should spell out toScenario exactly, couples included, in chunks of whole lines", () => {
    for (const options of [...Object.values(small), { applicants: 2500, couplesShare: 0.1 }]) {
      const market = generateMarket(options, seedrandom("chunks"));
      const chunks = [...scenarioJsonChunks(market)];
      expect(JSON.parse(chunks.join(""))).toEqual(toScenario(market));
      expect(chunks.every((chunk) => chunk.endsWith("\n"))).toBe(true);
    }
  });

  it("should compile in index form exactly as its scenario form compiles", () => {
    fc.assert(
      fc.property(presetArb, seedArb, (preset, seed) => {
        const generated = generateMarket(small[preset], seedrandom(seed));
        const direct = compileGenerated(generated);
        const viaScenario = compileMarket(toScenario(generated));
        expect([...direct.appRol]).toEqual([...viaScenario.appRol]);
        expect([...direct.progRol]).toEqual([...viaScenario.progRol]);
        expect([...direct.appRolProgRank]).toEqual([...viaScenario.appRolProgRank]);
        expect([...direct.quota]).toEqual([...viaScenario.quota]);
      }),
      { numRuns: 20 },
    );
  });

  it("compileGenerated(market, { workspace }) should give the same market as without, reusing the rank arrays", () => {
    const workspace = createWorkspace();
    let previous: Int32Array | undefined;
    for (const seed of ["a", "b", "a"]) {
      const generated = generateMarket(small["nrmp-2025"], seedrandom(seed));
      const reused = compileGenerated(generated, { workspace });
      const fresh = compileGenerated(generated);
      expect([...reused.appRolProgRank]).toEqual([...fresh.appRolProgRank]);
      expect([...reused.progRolAppRank]).toEqual([...fresh.progRolAppRank]);
      // The workspace's buffer is handed out again (a market of the same size or smaller).
      if (previous !== undefined && previous.length >= reused.appRolProgRank.length) expect(reused.appRolProgRank.buffer).toBe(previous.buffer);
      expect(fresh.appRolProgRank.buffer).not.toBe(reused.appRolProgRank.buffer);
      previous = reused.appRolProgRank;
    }
  });

  it("should let both sides rank exactly their mutual interviewees (every entry is ranked back)", () => {
    fc.assert(
      fc.property(presetArb, seedArb, (preset, seed) => {
        const market = compileGenerated(generateMarket(small[preset], seedrandom(seed)));
        expect(market.appRolProgRank.every((r) => r >= 0)).toBe(true);
        expect(market.progRolAppRank.every((r) => r >= 0)).toBe(true);
        expect(market.appStart[market.nA]).toBe(market.progStart[market.nP]);
      }),
      { numRuns: 20 },
    );
  });

  it("should refuse options out of range, naming the function and the option", () => {
    const rng = seedrandom("1");
    expect(() => generateMarket({ applicants: 0 }, rng)).toThrow("generateMarket: applicants must be an integer in [1, 5000000], got 0");
    expect(() => generateMarket({ preset: "uniform", quota: 1.5 }, rng)).toThrow("generateMarket: quota must be an integer");
    expect(() => generateMarket({ preset: "correlated", correlation: 2 }, rng)).toThrow("generateMarket: correlation must be in [0, 1], got 2");
    expect(() => generateMarket({ couplesShare: 1 }, rng)).toThrow("generateMarket: couplesShare must be in [0, 1), got 1");
    expect(() => generateMarket({ preset: "nope" as "uniform" }, rng)).toThrow('generateMarket: unknown preset "nope"');
    expect(() => generateMarket({ preset: "uniform", applicants: 1_000_000, listLength: 1000 }, rng)).toThrow(
      "generateMarket: applicants × listLength is 1000000000, over the limit of 200000000 rank list entries",
    );
    expect(() => generateMarket({ listLength: 0 }, rng)).toThrow("generateMarket: listLength must be in (0, 40] for NRMP presets, got 0");
  });

  it("generateMarket({ listLength }) should scale the interviews NRMP applicants seek", () => {
    // Doubling the sought interviews cannot double the lists exactly (screens, caps and duplicates refuse some),
    // but 2,000 applicants average over enough draws for the ratio to sit well above 1.5.
    const entries = (listLength: number) => {
      const market = generateMarket({ applicants: 2000, listLength }, seedrandom("k"));
      return market.appStart[market.nA]!;
    };
    expect(entries(26) / entries(13)).toBeGreaterThan(1.5);
  });

  it("should accept shares of 0 and refuse supplemental lists and reversions where the preset has no model of them", () => {
    expect(generateMarket({ applicants: 10, couplesShare: 0, supplementalShare: 0, reversionShare: 0 }, seedrandom("1")).nA).toBe(10);
    expect(() => generateMarket({ supplementalShare: 1 }, seedrandom("1"))).toThrow("generateMarket: supplementalShare must be in [0, 1), got 1");
    expect(() => generateMarket({ preset: "correlated", supplementalShare: 0.1 }, seedrandom("1"))).toThrow("generateMarket: supplementalShare needs an NRMP preset or uniform");
    expect(() => generateMarket({ preset: "correlated", reversionShare: 0.1 }, seedrandom("1"))).toThrow("generateMarket: reversionShare needs an NRMP preset");
    expect(() => generateMarket({ preset: "uniform", reversionShare: 0.1 }, seedrandom("1"))).toThrow("generateMarket: reversionShare needs an NRMP preset");
  });

  it("should refuse couples in the correlated preset, which has no couples model", () => {
    expect(() => generateMarket({ preset: "correlated", couplesShare: 0.1 }, seedrandom("1"))).toThrow("generateMarket: couplesShare needs an NRMP preset or uniform");
  });
});

describe("research presets", () => {
  const lists = (market: GeneratedMarket, side: "app" | "prog"): number[][] => {
    const [start, rol, n] = side === "app" ? [market.appStart, market.appRol, market.nA] : [market.progStart, market.progRol, market.nP];
    return Array.from({ length: n }, (_, i) => [...rol.subarray(start[i]!, start[i + 1]!)]);
  };

  it("generateMarket({ preset: 'uniform' }) should give every applicant k distinct programs and every program quota 1 by default", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 12 }), seedArb, (n, k, seed) => {
        const market = generateMarket({ preset: "uniform", applicants: n, listLength: k }, seedrandom(seed));
        expect(market.nP).toBe(n);
        expect([...market.quota].every((q) => q === 1)).toBe(true);
        for (const list of lists(market, "app")) {
          expect(list.length).toBe(Math.min(k, n));
          expect(new Set(list).size).toBe(list.length);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("generateMarket({ preset: 'uniform' }) should draw programs uniformly (each program's share of list entries near k/n)", () => {
    // 2,000 applicants × 10 ranks over 100 programs: each program expects 200 entries, sd ≈ √(200 × 0.99) ≈ 14;
    // ±5 sd = ±70 fails with probability far below 1e-6 per program.
    const market = generateMarket({ preset: "uniform", applicants: 2000, programs: 100, listLength: 10 }, seedrandom("uniformity"));
    for (let p = 0; p < 100; p++) expect(Math.abs(market.progStart[p + 1]! - market.progStart[p]! - 200)).toBeLessThan(70);
  });

  it("generateMarket({ preset: 'correlated', correlation: 1 }) should give everyone the same order of programs and of applicants", () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const market = generateMarket({ preset: "correlated", applicants: 30, programs: 20, listLength: 6, correlation: 1 }, seedrandom(seed));
        for (const side of ["app", "prog"] as const) {
          // With ρ = 1 values are common, so any two lists order their shared members alike.
          const orders = lists(market, side);
          for (const a of orders) for (const b of orders) {
            const shared = a.filter((x) => b.includes(x));
            expect(shared).toEqual(b.filter((x) => a.includes(x)));
          }
        }
      }),
      { numRuns: 10 },
    );
  });
});
