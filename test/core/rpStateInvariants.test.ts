import { compileFullMarket } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullScenario } from "../arbitraries/fullMarket.ts";
import { runOnce } from "../../packages/core/src/rules/rothPeranson.ts";
import { createRpState, POS, PRIMARY, RANK } from "../../packages/core/src/rules/rpState.ts";
import { hasBit } from "../../packages/core/src/rules/bitset.ts";
import { OPEN } from "../../packages/core/src/rules/slots.ts";

/**
 * The Roth–Peranson state keeps derived copies for speed (rpState.ts): per program a gate line (threshold, list
 * start, holder at its worst rank) and a bitset of held entries; per applicant her program, entry and rank side by
 * side. After a run, each must agree with what it is derived from, whatever the run met (loops, reversions, even
 * requests, supplemental lists).
 */
describe("RpState after a Roth–Peranson run", () => {
  it("should keep gates, held bits and the applicants' slots consistent with counts, quotas and holders", () => {
    const markets = fullScenario({ singles: { min: 1, max: 10 }, couples: { min: 0, max: 5 }, programs: { min: 1, max: 6 }, maxQuota: 3, maxPairs: 6, variations: true });
    fc.assert(
      fc.property(markets, (scenario) => {
        const m = compileFullMarket(scenario);
        const s = createRpState(m);
        const maxStep = 64 * (m.base.appStart[m.base.nA]! + 1000);
        runOnce(m, s, Uint32Array.from(m.singlesOrder), Uint32Array.from(m.couplesOrder), maxStep, [], [], { breakLoops: true, broken: [], attempt: 0 });
        const { nP, nA, progStart, progRol } = m.base;
        const holders = new Map<number, number>(); // applicant → program-list entry, from the held bits
        for (let p = 0; p < nP; p++) {
          let count = 0;
          let worst = -1;
          for (let r = 0; r < progStart[p + 1]! - progStart[p]!; r++) {
            if (!hasBit(s.held, progStart[p]! + r)) continue;
            count++;
            worst = r;
            holders.set(progRol[progStart[p]! + r]!, progStart[p]! + r);
          }
          expect(s.count[p]).toBe(count);
          expect(s.worst[p]).toBe(worst);
          expect(s.gate[4 * p]).toBe(count < s.quota[p]! ? OPEN : worst);
          expect(s.gate[4 * p + 1]).toBe(progStart[p]);
          expect(s.gate[4 * p + 2]).toBe(worst < 0 ? -1 : progRol[progStart[p]! + worst]);
        }
        for (let a = 0; a < nA; a++) {
          const p = s.app[4 * a + PRIMARY]!;
          const supp = s.supp[a]!;
          if (p < 0) {
            expect(s.app[4 * a + POS]).toBe(-1);
            expect(s.app[4 * a + RANK]).toBe(-1);
          } else {
            expect(hasBit(s.held, progStart[p]! + s.app[4 * a + RANK]!)).toBe(true);
            expect(progRol[progStart[p]! + s.app[4 * a + RANK]!]).toBe(a);
          }
          // Every held entry belongs to someone who holds that program (primary or supplemental).
          const entry = holders.get(a);
          if (entry !== undefined && p < 0 && supp < 0) throw new Error(`applicant ${a} is held at entry ${entry} but holds nothing`);
        }
      }),
      { numRuns: 800 },
    );
  });
});
