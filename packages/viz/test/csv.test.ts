import { parseScenario } from "@matchlab/core";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../../../test/arbitraries/market.ts";
import { runScenario } from "../src/engine/runScenario.ts";
import { resultsToCsv, scenarioFromCsv, scenarioToCsv } from "../src/workbench/csv.ts";

const formulaIds = fc.constantFrom("=1+1", "+SUM(A1)", "-2", "@cmd", "plain", "'quoted", 'with "quotes", and comma');

describe("scenario CSV", () => {
  it("should read back what it writes", () => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const back = scenarioFromCsv(scenarioToCsv(scenario));
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        const parsed = parseScenario(back.value);
        expect(parsed.ok && { programs: parsed.scenario.programs, applicants: parsed.scenario.applicants }).toEqual(scenario);
      }),
    );
  });

  it("should keep ids a spreadsheet would run as formulas inert, and read them back unchanged", () => {
    fc.assert(
      fc.property(formulaIds, formulaIds, (p, a) => {
        fc.pre(p !== a);
        const scenario = { programs: [{ id: p, quota: 1, rol: [a] }], applicants: [{ id: a, rol: [p] }] };
        const csv = scenarioToCsv(scenario);
        for (const row of Papa.parse<string[]>(csv, { skipEmptyLines: true }).data) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
        const back = scenarioFromCsv(csv);
        expect(back.ok && back.value).toEqual(scenario);
      }),
    );
  });

  it("scenarioFromCsv reports the row of each problem", () => {
    const csv = "list_owner,kind,rank,ranked_id\nCity,quota,2,\nCity,program,1,Ann\nCity,program,1,Bo\nAnn,applicant,2,City\nBo,person,1,City\n";
    const result = scenarioFromCsv(csv);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "row 4: City has two entries at rank 1",
      'row 6: kind must be program, applicant or quota, got "person"',
      "Ann: ranks of Ann must run 1, 2, 3, … without gaps; rank 1 is missing",
    ]);
  });

  it("scenarioFromCsv rejects a file without the header", () => {
    const result = scenarioFromCsv("City,quota,2,\n");
    expect(!result.ok && result.issues[0]!.message).toMatch(/^expected the header list_owner,kind,rank,ranked_id/);
  });

  it("resultsToCsv writes one row per applicant and side, formulas defused", () => {
    // papaparse quotes a defused cell: "'=P" is shown by spreadsheets as the text =P.
    const run = runScenario({ programs: [{ id: "=P", quota: 1, rol: ["a"] }], applicants: [{ id: "a", rol: ["=P"] }, { id: "b", rol: [] }] });
    expect(resultsToCsv(run)).toBe("side,applicant,program,rank\r\napplicant-proposing,a,\"'=P\",1\r\napplicant-proposing,b,,\r\nprogram-proposing,a,\"'=P\",1\r\nprogram-proposing,b,,\r\n");
  });
});
