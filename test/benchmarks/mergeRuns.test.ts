import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolPhases, poolResults } from "../../benchmarks/src/mergeRuns.ts";
import type { PhaseStats } from "../../benchmarks/src/stats.ts";

const phase = (samples: number[]): PhaseStats => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[sorted.length >> 1]!, min: sorted[0]!, max: sorted[sorted.length - 1]!, samples: sorted };
};

describe("poolPhases(phases) and poolResults(results, phases) (pnpm bench --processes)", () => {
  it("should give the median, min and max of every sample of every process", () => {
    // Process 1 ran fast (10, 11, 12), process 2 slow (20, 21, 22, 23): pooled, the middle of seven is 20.
    const pooled = poolPhases([phase([12, 10, 11]), phase([21, 20, 23, 22])]);
    expect(pooled).toEqual({ median: 20, min: 10, max: 23, samples: [10, 11, 12, 20, 21, 22, 23] });
    // An even count: the mean of the two middle samples.
    expect(poolPhases([phase([1, 2]), phase([3, 4])]).median).toBe(2.5);
  });

  // Samples in whole microseconds, as the suite keeps them (stats.ts rounds to 3 decimals of a ms).
  it("should agree with a sort of the concatenated samples, whatever their split into processes", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 1e7 }).map((us) => us / 1000), { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 5 }), (split) => {
        const all = split.flat().sort((a, b) => a - b);
        const pooled = poolPhases(split.map(phase));
        expect(pooled.samples).toEqual(all);
        expect(pooled.min).toBe(all[0]);
        expect(pooled.max).toBe(all[all.length - 1]);
        expect(pooled.median).toBeGreaterThanOrEqual(all[(all.length - 1) >> 1]! - 1e-3);
        expect(pooled.median).toBeLessThanOrEqual(all[all.length >> 1]! + 1e-3);
      }),
    );
  });

  it("should pool the named phases, keep the first process's other fields and the largest peak memory", () => {
    const a = { market: "m", proposals: 7, compileMs: phase([1, 2, 3]), solveMs: phase([5]), peakRssMB: 100 };
    const b = { market: "m", proposals: 7, compileMs: phase([4, 5, 6]), solveMs: phase([6]), peakRssMB: 120 };
    const pooled = poolResults([a, b], ["compileMs"]);
    expect(pooled.compileMs.samples).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pooled.solveMs).toBe(a.solveMs);
    expect(pooled.proposals).toBe(7);
    expect(pooled.peakRssMB).toBe(120);
    // One process: returned as it is (tinybench's own median).
    expect(poolResults([a], ["compileMs"])).toBe(a);
    expect(() => poolPhases([{ median: 0, min: 0, max: 0, samples: [] }])).toThrow(/no samples/);
  });
});
