import { parseScenarioText } from "@matchlab/core";
import { describe, expect, it } from "vitest";
import { importScenario } from "../src/workbench/importFile.ts";

describe("importScenario", () => {
  it("importScenario(json) reports core's issues, the same the CLI prints", () => {
    const text = JSON.stringify({ programs: [{ id: "City", quota: -1, rol: ["Ann", "Ann"] }], applicants: [{ id: "Ann", rol: [] }] });
    const cli = parseScenarioText(text);
    const app = importScenario("s.json", text);
    expect(app.ok).toBe(false);
    expect(!app.ok && app.issues).toEqual(!cli.ok && cli.issues);
  });

  it("importScenario(csv) is recognised by extension or by its header", () => {
    const csv = "list_owner,kind,rank,ranked_id\nCity,quota,1,\nCity,program,1,Ann\nAnn,applicant,1,City\n";
    for (const name of ["market.csv", "market.txt"]) {
      const result = importScenario(name, csv);
      expect(result.ok && result.draft.programs).toEqual([{ id: "City", quota: "1", rol: ["Ann"] }]);
    }
  });

  it("importScenario keeps couples in the draft (the workbench runs them on the full engine)", () => {
    const text = JSON.stringify({
      programs: [{ id: "P", quota: 2, rol: ["a", "b"] }],
      applicants: [{ id: "a", rol: [] }, { id: "b", rol: [] }],
      couples: [{ members: ["a", "b"], rol: [["P", "P"]] }],
    });
    const result = importScenario("c.json", text);
    expect(result.ok && result.draft.couples).toEqual([{ members: ["a", "b"], rol: [["P", "P"]] }]);
  });

  it("importScenario(csv) names the missing quota row", () => {
    const result = importScenario("m.csv", "list_owner,kind,rank,ranked_id\nCity,program,1,Ann\nAnn,applicant,1,City\n");
    expect(!result.ok && result.issues).toEqual([{ path: "City", message: 'program City has no quota row; add one such as "City,quota,1,"' }]);
  });
});
