import { compileMarket } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossRanks } from "../../packages/core/src/crossRanks.ts";
import { createWorkspace } from "../../packages/core/src/workspace.ts";
import { simpleScenario } from "../arbitraries/market.ts";

describe("crossRanks(…, blockEntries)", () => {
  // compileMarket uses blocks of about 16k entries, so small markets form a single block; shrinking the block
  // size sends the same markets through many blocks (down to one program each) and several sizes of one workspace.
  it("should give every entry the other side's rank (by indexOf on the ids) whatever the block size", () => {
    const workspace = createWorkspace();
    fc.assert(
      fc.property(simpleScenario({ applicants: { min: 0, max: 12 }, programs: { min: 0, max: 9 } }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (scenario, blockEntries, reuse) => {
        const m = compileMarket(scenario);
        const ranks = crossRanks(m.nA, m.nP, m.appStart, m.appRol, m.progStart, m.progRol, reuse ? workspace : undefined, blockEntries);
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
});
