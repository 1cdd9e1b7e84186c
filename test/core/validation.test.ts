import { parseScenario, parseScenarioText } from "@matchlab/core";
import { describe, expect, it } from "vitest";

const messages = (input: unknown): string[] => {
  const result = parseScenario(input);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
};

describe("parseScenario(input)", () => {
  it("accepts the minimal form other tools emit, couples included", () => {
    const minimal = {
      programs: [{ id: "City", quota: 2, rol: ["Eastman", "Anderson", "A1"] }, { id: "Mercy", quota: 1, rol: ["A2"] }],
      applicants: [{ id: "Anderson", rol: ["City"] }, { id: "Eastman", rol: ["City"] }],
      couples: [{ members: ["A1", "A2"], rol: [["City", "Mercy"], [null, "City"]] }],
    };
    expect(parseScenario(minimal).ok).toBe(true);
  });

  it("accepts the optional attributes and ignores unknown keys", () => {
    const result = parseScenario({
      name: "n", description: "d", generator: { by: "another tool" },
      programs: [{ id: "P", quota: 1, rol: ["A"], name: "City Hospital", specialty: "Internal Medicine" }],
      applicants: [{ id: "A", rol: ["P"], type: "non-us-img", step2ck: 251, needsVisa: true }],
    });
    expect(result.ok).toBe(true);
  });

  it("reports every problem at once, each with its path", () => {
    expect(
      messages({
        programs: [
          { id: "City", quota: 2, rol: ["Anderson", "Anderson", "Nobody"] },
          { id: "City", quota: 1.5, rol: [] },
          { id: "", quota: -1, rol: [7] },
        ],
        applicants: Array.from({ length: 13 }, (_, i) => ({ id: i === 0 ? "Anderson" : `a${i}`, rol: i === 12 ? ["City", "City", "City", "Ctiy"] : [] })),
      }),
    ).toEqual([
      "programs[1].quota: quota must be a non-negative integer (at most 1000000)",
      "programs[2].id: id must not be empty",
      "programs[2].quota: quota must be a non-negative integer (at most 1000000)",
      "programs[2].rol[0]: expected an id (a non-empty string)",
      'programs[1].id: duplicate id "City" (first at programs[0])',
      'applicants[12].rol[1]: "City" is ranked twice in this list (first at rank 1)',
      'applicants[12].rol[2]: "City" is ranked twice in this list (first at rank 1)',
      'applicants[12].rol[3]: unknown program "Ctiy"',
      'programs[0].rol[1]: "Anderson" is ranked twice in this list (first at rank 1)',
      'programs[0].rol[2]: unknown applicant "Nobody"',
    ]);
  });

  it("reports ids that are not strings and duplicate applicant ids", () => {
    expect(messages({ programs: [], applicants: [{ id: 3, rol: [] }, { id: "x", rol: [] }, { id: "x", rol: [] }] })).toEqual([
      "applicants[0].id: expected an id (a non-empty string)",
      'applicants[2].id: duplicate id "x" (first at applicants[1])',
    ]);
  });

  it("reports a missing section and a quota given as a string", () => {
    expect(messages({ programs: [{ id: "P", quota: "2", rol: [] }] })).toEqual([
      'programs[0].quota: quota must be a non-negative integer, got the text "2" (write the number without quotes)',
      "applicants: Invalid input: expected array, received undefined",
    ]);
  });

  it("treats __proto__, constructor and hasOwnProperty as ordinary ids", () => {
    const result = parseScenario(
      JSON.parse('{"programs":[{"id":"__proto__","quota":1,"rol":["constructor","hasOwnProperty"]}],"applicants":[{"id":"constructor","rol":["__proto__"]},{"id":"hasOwnProperty","rol":["__proto__"]}]}'),
    );
    expect(result.ok).toBe(true);
    expect(messages(JSON.parse('{"programs":[],"applicants":[{"id":"__proto__","rol":["toString"]}]}'))).toEqual(['applicants[0].rol[0]: unknown program "toString"']);
  });

  it("checks couples: member in two couples, member with her own list, duplicate pair, both partners No Match", () => {
    expect(
      messages({
        programs: [{ id: "P", quota: 2, rol: [] }],
        applicants: [{ id: "A1", rol: ["P"] }],
        couples: [
          { members: ["A1", "A2"], rol: [["P", null], ["P", null], [null, null]] },
          { members: ["A2", "A3"], rol: [["Q", "P"]] },
        ],
      }),
    ).toEqual([
      "couples[0].rol[2]: at most one partner may be null (No Match)",
      'applicants[0].rol: "A1" is in couples[0]: a couple member has no individual list',
      'couples[1].members[0]: "A2" is already in couples[0]: a member appears in only one couple',
      'couples[0].rol[1]: the pair ["P",null] is ranked twice in this list (first at rank 1)',
      'couples[1].rol[0][0]: unknown program "Q"',
    ]);
  });

  it("refuses a couple list over 300 pairs", () => {
    const programs = Array.from({ length: 18 }, (_, i) => ({ id: `p${i}`, quota: 1, rol: [] }));
    const pairs = programs.flatMap((x) => programs.map((y) => [x.id, y.id])).slice(0, 301);
    expect(messages({ programs, applicants: [], couples: [{ members: ["a", "b"], rol: pairs }] })).toEqual(["couples[0].rol: a couple may rank at most 300 pairs"]);
  });
});

describe("parseScenarioText(text)", () => {
  it("accepts a byte-order mark", () => {
    expect(parseScenarioText('\uFEFF{"programs":[],"applicants":[]}').ok).toBe(true);
  });
  it.each([
    ["", "(file): the file is empty; expected a JSON scenario"],
    ["   \n", "(file): the file is empty; expected a JSON scenario"],
    ["[1, 2]", "(scenario): Invalid input: expected object, received array"],
  ])("reports %j clearly", (text, expected) => {
    const result = parseScenarioText(text);
    expect(result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([expected]);
  });
  it("reports text that is not JSON", () => {
    const result = parseScenarioText("{ programs: ");
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.issues[0]!.message).toMatch(/^not valid JSON: /);
  });
});
