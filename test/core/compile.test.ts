import { applicantRankOf, compileMarket, pointerArrayFor, programRankOf } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";

describe("compileMarket(scenario)", () => {
  it("should lay out both sides' lists as CSR in scenario order", () => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const market = compileMarket(scenario);
        scenario.applicants.forEach((a, i) => {
          const list = Array.from(market.appRol.subarray(market.appStart[i]!, market.appStart[i + 1]!), (p) => market.programIds[p]);
          expect(list).toEqual(a.rol);
        });
        scenario.programs.forEach((p, i) => {
          const list = Array.from(market.progRol.subarray(market.progStart[i]!, market.progStart[i + 1]!), (a) => market.applicantIds[a]);
          expect(list).toEqual(p.rol);
          expect(market.quota[i]).toBe(p.quota);
        });
      }),
    );
  });

  it("should precompute each side's rank of the other for every list entry", () => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const market = compileMarket(scenario);
        scenario.applicants.forEach((a, i) => {
          a.rol.forEach((programId, j) => {
            const program = scenario.programs.find((p) => p.id === programId)!;
            expect(market.appRolProgRank[market.appStart[i]! + j]).toBe(program.rol.indexOf(a.id));
          });
        });
        scenario.programs.forEach((p, i) => {
          p.rol.forEach((applicantId, j) => {
            const applicant = scenario.applicants.find((a) => a.id === applicantId)!;
            expect(market.progRolAppRank[market.progStart[i]! + j]).toBe(applicant.rol.indexOf(p.id));
          });
        });
      }),
    );
  });

  it("should agree with the scanning lookups applicantRankOf and programRankOf", () => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const market = compileMarket(scenario);
        for (let a = 0; a < market.nA; a++) {
          for (let p = 0; p < market.nP; p++) {
            expect(applicantRankOf(market, a, p)).toBe(scenario.applicants[a]!.rol.indexOf(market.programIds[p]!));
            expect(programRankOf(market, p, a)).toBe(scenario.programs[p]!.rol.indexOf(market.applicantIds[a]!));
          }
        }
      }),
    );
  });
});

describe("pointerArrayFor(maxValue)", () => {
  it("picks the narrowest unsigned array", () => {
    expect(pointerArrayFor(255)).toBe(Uint8Array);
    expect(pointerArrayFor(256)).toBe(Uint16Array);
    expect(pointerArrayFor(65_535)).toBe(Uint16Array);
    expect(pointerArrayFor(65_536)).toBe(Uint32Array);
    expect(() => pointerArrayFor(2 ** 32)).toThrow(/pointerArrayFor/);
  });
});
