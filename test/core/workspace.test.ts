import { compileCsr, compileMarket, createWorkspace, solve, type Side } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";

const sides: Side[] = ["applicant", "program"];

describe("createWorkspace()", () => {
  it.each(sides)("should give the same ranks and %s-proposing matching as fresh arrays, run after run, whatever the sizes", (side) => {
    // One workspace serves a sequence of markets of varying sizes: buffers left over from a larger market must not
    // leak into a smaller one, and a buffer too small must grow.
    fc.assert(
      fc.property(fc.array(simpleScenario(), { minLength: 2, maxLength: 4 }), (scenarios) => {
        const workspace = createWorkspace();
        for (const scenario of scenarios) {
          const fresh = compileMarket(scenario);
          const reused = compileCsr(
            { ...fresh, quotas: fresh.quota },
            { workspace },
          );
          expect(Array.from(reused.appRolProgRank)).toEqual(Array.from(fresh.appRolProgRank));
          expect(Array.from(reused.progRolAppRank)).toEqual(Array.from(fresh.progRolAppRank));
          const expected = solve(fresh, { side });
          const actual = solve(reused, { side, workspace });
          expect(Array.from(actual.matchOf)).toEqual(Array.from(expected.matchOf));
          expect(Array.from(actual.matchEntry)).toEqual(Array.from(expected.matchEntry));
          expect(actual.proposals).toBe(expected.proposals);
        }
      }),
    );
  });

  it("compileCsr(lists, { workspace }) shares the workspace's memory, so the next compilation overwrites the ranks", () => {
    const workspace = createWorkspace();
    const lists = { applicantIds: ["A"], programIds: ["P"], appStart: Uint32Array.of(0, 1), appRol: Uint8Array.of(0), progStart: Uint32Array.of(0, 1), progRol: Uint8Array.of(0), quotas: [1] };
    const first = compileCsr(lists, { workspace });
    expect(first.appRolProgRank[0]).toBe(0); // P ranked A first
    compileCsr({ ...lists, progStart: Uint32Array.of(0, 0), progRol: new Uint8Array(0) }, { workspace });
    expect(first.appRolProgRank[0]).toBe(-1); // now P ranks nobody, and the first market's view shows it
  });
});
