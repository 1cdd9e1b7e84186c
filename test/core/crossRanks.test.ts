import { compileMarket } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossRanks } from "../../packages/core/src/crossRanks.ts";
import { createWorkspace } from "../../packages/core/src/workspace.ts";
import { groupQueries } from "../../packages/core/src/ownerRanks.ts";
import { simpleScenario } from "../arbitraries/market.ts";

describe("crossRanks(…, blockEntries)", () => {
  // compileMarket uses blocks of about 16k entries, so small markets form a single block; shrinking the block
  // size sends the same markets through many blocks (down to one program each) and several sizes of one workspace.
  it("should give every entry the other side's rank (by indexOf on the ids) whatever the block size", () => {
    const workspace = createWorkspace();
    fc.assert(
      fc.property(simpleScenario({ applicants: { min: 0, max: 12 }, programs: { min: 0, max: 9 } }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (scenario, blockEntries, reuse) => {
        const m = compileMarket(scenario);
        const ranks = crossRanks(m.nA, m.nP, m.appStart, m.appRol, m.progStart, m.progRol, { workspace: reuse ? workspace : undefined, blockEntries });
        scenario.applicants.forEach((a, i) => {
          a.rol.forEach((programId, j) => {
            const program = scenario.programs.find((p) => p.id === programId)!;
            expect(ranks.appRolProgRank[m.appStart[i]! + j]).toBe(program.rol.indexOf(a.id));
          });
        });
        scenario.programs.forEach((p, i) => {
          p.rol.forEach((applicantId, j) => {
            const applicant = scenario.applicants.find((a) => a.id === applicantId)!;
            expect(ranks.progRolAppRank[m.progStart[i]! + j]).toBe(applicant.rol.indexOf(p.id));
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  // Couples' pairs and supplemental lists ask programs about applicants whose own list may not name them (or who
  // have no list at all), often the same (owner, program) many times: the answers must be each program's rank of
  // the owner, found by indexOf, and -1 where it did not rank her or there is no program.
  it("should answer owner queries in the same walk, whatever the block size and however often a query repeats", () => {
    const workspace = createWorkspace();
    const market = simpleScenario({ applicants: { min: 1, max: 12 }, programs: { min: 1, max: 9 } });
    const queries = (nA: number, nP: number) => fc.array(fc.tuple(fc.nat(nA - 1), fc.integer({ min: -1, max: nP - 1 })), { maxLength: 90 });
    fc.assert(
      fc.property(market.chain((s) => fc.tuple(fc.constant(s), queries(s.applicants.length, s.programs.length))), fc.integer({ min: 1, max: 40 }), fc.boolean(), ([scenario, asked], blockEntries, reuse) => {
        const m = compileMarket(scenario);
        const rankQueries = { owners: Uint32Array.from(asked, ([a]) => a), programs: Int32Array.from(asked, ([, p]) => p) };
        const ws = reuse ? workspace : undefined;
        const ownerQueries = groupQueries(m.nA, m.nP, rankQueries, ws);
        const plain = crossRanks(m.nA, m.nP, m.appStart, m.appRol, m.progStart, m.progRol, { blockEntries });
        const expected = { appRolProgRank: plain.appRolProgRank.slice(), progRolAppRank: plain.progRolAppRank.slice() };
        const ranks = crossRanks(m.nA, m.nP, m.appStart, m.appRol, m.progStart, m.progRol, { workspace: ws, blockEntries, ownerQueries });
        // The owners' bits must not disturb the ordinary cross ranks.
        expect(ranks.appRolProgRank).toEqual(expected.appRolProgRank);
        expect(ranks.progRolAppRank).toEqual(expected.progRolAppRank);
        asked.forEach(([a, p], i) => {
          const want = p < 0 ? -1 : scenario.programs[p]!.rol.indexOf(m.applicantIds[a]!);
          expect(ownerQueries.answers[i]).toBe(want);
        });
      }),
      { numRuns: 300 },
    );
  });
});
