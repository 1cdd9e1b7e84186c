import { parseScenario } from "@matchlab/core";
import { describe, expect, it } from "vitest";

// Programs rank nobody here: only the applicants' side is under test.
const programs = [
  { id: "Derm", quota: 1, track: "advanced", rol: [] },
  { id: "Rad", quota: 1, track: "advanced", rol: [] },
  { id: "IM-P", quota: 1, track: "preliminary", rol: [] },
  { id: "FM", quota: 1, rol: [] },
];
const issuesOf = (value: unknown) => {
  const parsed = parseScenario(value);
  return parsed.ok ? [] : parsed.issues;
};

describe("parseScenario(scenario) with reversions", () => {
  it("should accept a reversion chain and reject unknown targets, self-reversion and cycles, each at its path", () => {
    const base = { applicants: [], programs: [{ id: "A", quota: 1, rol: [], revertsTo: "B" }, { id: "B", quota: 1, rol: [] }] };
    expect(issuesOf(base)).toEqual([]);
    expect(issuesOf({ ...base, programs: [{ id: "A", quota: 1, rol: [], revertsTo: "Z" }] })).toEqual([{ path: "programs[0].revertsTo", message: 'unknown program "Z"' }]);
    expect(issuesOf({ ...base, programs: [{ id: "A", quota: 1, rol: [], revertsTo: "A" }] })).toEqual([{ path: "programs[0].revertsTo", message: "a program cannot revert positions to itself" }]);
    const cycle = issuesOf({ applicants: [], programs: [{ id: "A", quota: 1, rol: [], revertsTo: "B" }, { id: "B", quota: 1, rol: [], revertsTo: "A" }] });
    expect(cycle.map((i) => i.path)).toEqual(["programs[0].revertsTo", "programs[1].revertsTo"]);
    expect(cycle[0]!.message).toMatch(/cycle/);
  });
});

describe("parseScenario(scenario) with supplemental lists", () => {
  const valid = {
    programs,
    applicants: [{ id: "ana", rol: ["Derm", "Rad", "FM"], supplemental: [{ rol: ["IM-P"], linkedTo: ["Derm", "Rad"] }] }],
  };

  it("should accept a supplemental list of preliminary programs linked to advanced programs on her list", () => {
    expect(issuesOf(valid)).toEqual([]);
  });

  it("should reject each broken rule with the path of the offending entry", () => {
    const broken = {
      programs,
      applicants: [
        {
          id: "ana",
          rol: ["Derm", "FM"],
          supplemental: [
            { rol: ["IM-P", "FM", "Nope", "IM-P"], linkedTo: ["Derm", "Rad", "FM", "Nope"] },
            { rol: ["IM-P"], linkedTo: ["Derm"] },
          ],
        },
      ],
    };
    expect(issuesOf(broken)).toEqual([
      { path: "applicants[0].supplemental[0].rol[1]", message: '"FM" is a categorical program; a supplemental list ranks preliminary (PGY-1) programs' },
      { path: "applicants[0].supplemental[0].rol[2]", message: 'unknown program "Nope"' },
      { path: "applicants[0].supplemental[0].rol[3]", message: '"IM-P" is ranked twice in this list (first at rank 1)' },
      { path: "applicants[0].supplemental[0].linkedTo[1]", message: '"Rad" is not on her primary list: a supplemental list links to advanced programs she ranked' },
      { path: "applicants[0].supplemental[0].linkedTo[2]", message: '"FM" is a categorical program; supplemental lists link to advanced (PGY-2) programs' },
      { path: "applicants[0].supplemental[0].linkedTo[3]", message: 'unknown program "Nope"' },
      { path: "applicants[0].supplemental[1].linkedTo[0]", message: '"Derm" is already linked to supplemental[0]: each advanced program has at most one supplemental list' },
    ]);
  });

  it("should let a couple member link a supplemental list to an advanced program on her side of the couple's list", () => {
    const couple = {
      programs,
      applicants: [{ id: "m1", rol: [], supplemental: [{ rol: ["IM-P"], linkedTo: ["Derm"] }] }],
      couples: [{ members: ["m1", "m2"], rol: [["Derm", "FM"]] }],
    };
    expect(issuesOf(couple)).toEqual([]);
    const wrongSide = { ...couple, couples: [{ members: ["m1", "m2"], rol: [["FM", "Derm"]] }] };
    expect(issuesOf(wrongSide).map((i) => i.path)).toEqual(["applicants[0].supplemental[0].linkedTo[0]"]);
  });

  it("should require at least one linked program", () => {
    const none = { programs, applicants: [{ id: "ana", rol: ["Derm"], supplemental: [{ rol: ["IM-P"], linkedTo: [] }] }] };
    expect(issuesOf(none)).toEqual([{ path: "applicants[0].supplemental[0].linkedTo", message: "a supplemental list must be linked to at least one advanced program" }]);
  });
});

describe("parseScenario(scenario) with couples", () => {
  const base = { programs: [{ id: "A", quota: 2, rol: [] }, { id: "B", quota: 1, rol: [] }], applicants: [] as Array<{ id: string; rol: string[] }> };

  it("should reject more than 300 pairs, a duplicate pair, a member in two couples and a member with her own list", () => {
    const many = Array.from({ length: 301 }, (_, i) => (i % 2 === 0 ? ["A", null] : [null, "A"]));
    expect(issuesOf({ ...base, couples: [{ members: ["x", "y"], rol: many }] }).map((i) => i.message)).toContain("a couple may rank at most 300 pairs");
    expect(issuesOf({ ...base, couples: [{ members: ["x", "y"], rol: [["A", "B"], ["A", "B"]] }] })).toEqual([
      { path: "couples[0].rol[1]", message: 'the pair ["A","B"] is ranked twice in this list (first at rank 1)' },
    ]);
    expect(issuesOf({ ...base, couples: [{ members: ["x", "y"], rol: [] }, { members: ["y", "z"], rol: [] }] }).map((i) => i.path)).toEqual(["couples[1].members[0]"]);
    expect(issuesOf({ ...base, applicants: [{ id: "x", rol: ["A"] }], couples: [{ members: ["x", "y"], rol: [] }] }).map((i) => i.path)).toEqual(["applicants[0].rol"]);
    expect(issuesOf({ ...base, couples: [{ members: ["x", "y"], rol: [[null, null]] }] }).map((i) => i.message)).toEqual(["at most one partner may be null (No Match)"]);
  });
});
