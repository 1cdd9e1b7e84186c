import { checkFullStability, compileFullMarket, createWorkspace, rothPeranson } from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { firstPairAt } from "../../packages/core/src/rules/couplePairIndex.ts";
import { fullScenario } from "../arbitraries/fullMarket.ts";

const markets = fullScenario({ singles: { min: 0, max: 8 }, couples: { min: 0, max: 4 }, programs: { min: 1, max: 6 }, variations: true });

describe("rothPeranson(market, { workspace })", () => {
  it("should return the same matching as a run without a workspace, whatever ran in the workspace before", () => {
    // Each market in turn reuses buffers the previous (larger or smaller) market left dirty.
    fc.assert(
      fc.property(fc.array(markets, { minLength: 1, maxLength: 4 }), (scenarios) => {
        const workspace = createWorkspace();
        for (const scenario of scenarios) {
          const market = compileFullMarket(scenario);
          const fresh = rothPeranson(market, { rng: seedrandom("7") });
          const warm = rothPeranson(market, { rng: seedrandom("7"), workspace });
          expect(warm).toEqual(fresh);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("the compiled couple pair index (firstPairAt)", () => {
  it("should give, per program-list entry, the first pair of her couple naming that program for her", () => {
    fc.assert(
      fc.property(markets, (scenario) => {
        const m = compileFullMarket(scenario);
        const { nP, progStart, progRol } = m.base;
        for (let p = 0; p < nP; p++) {
          for (let entry = progStart[p]!; entry < progStart[p + 1]!; entry++) {
            const a = progRol[entry]!;
            const c = m.coupleOf[a]!;
            let expected = -1;
            if (c >= 0) {
              const side = m.coupleMembers[2 * c] === a ? 0 : 1;
              // The scan the repair step did before the index: the couple's pairs in preference order.
              for (let j = m.pairStart[c]!; j < m.pairStart[c + 1]! && expected < 0; j++) if (m.pairProg[2 * j + side] === p) expected = j;
            }
            expect(firstPairAt(m, entry)).toBe(expected);
          }
        }
      }),
    );
  });
});

describe("checkFullStability(market, { primaryEntry })", () => {
  it("should report the same as a check that scans the lists, whether the entries are right or garbage", () => {
    fc.assert(
      fc.property(markets, fc.infiniteStream(fc.integer({ min: -2, max: 40 })), (scenario, noise) => {
        const m = compileFullMarket(scenario);
        // Stop after one attempt, so the matching is often unstable and blocking cases are compared too.
        const x = rothPeranson(m, { maxReorderings: 0, maxKprOrders: 0, maxWalkSteps: 0 });
        const { primaryEntry, ...scanned } = x;
        const reference = checkFullStability(m, scanned);
        expect(checkFullStability(m, x)).toEqual(reference);
        const garbage = Int32Array.from(primaryEntry, () => noise.next().value as number);
        expect(checkFullStability(m, { ...scanned, primaryEntry: garbage })).toEqual(reference);
      }),
    );
  });
});
