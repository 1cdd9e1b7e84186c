import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCliWith } from "../support/cli.ts";

const scenario = (name: string): string => readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), "utf8");
const files = {
  "order.json": scenario("couples-order-matters"),
  "nostable.json": scenario("couples-no-stable-matching"),
  "supp.json": scenario("supplemental-derm"),
  "rev.json": scenario("reversion-chain"),
  "simple.json": scenario("run-a-match-5x3"),
};

describe("matchlab match on scenarios with couples, supplemental lists and reversions", () => {
  it("should keep the JSON contract and add couple pair ranks and loop information", () => {
    const { code, stdout } = runCliWith(["match", "order.json", "--json"], files);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    // Couple members appear in assignments like everyone else.
    expect(out.assignments).toEqual({ X1: "A", X2: "B", Y1: "C", Y2: "D" });
    expect(out.couples).toEqual([
      { members: ["X1", "X2"], pair: ["A", "B"], rank: 1 },
      { members: ["Y1", "Y2"], pair: ["C", "D"], rank: 2 },
    ]);
    expect(out.blockingPairs).toEqual([]);
    expect(out.stable).toBe(true);
    expect(out.loop.detected).toBe(false);
    expect(out.loop.method).toBe("roth-peranson");
    expect(Object.keys(out.timings).sort()).toEqual(["compileMs", "parseMs", "solveMs"]);
    expect(out.programs.A).toEqual({ quota: 1, originalQuota: 1, matched: ["X1"], unfilled: 0 });
  });

  it("should say when the run ended through loop detection, and list the blocking cases", () => {
    const out = JSON.parse(runCliWith(["match", "nostable.json", "--json"], files).stdout);
    expect(out.stable).toBe(false);
    expect(out.loop.detected).toBe(true);
    expect(out.loop.resolved).toBe(false);
    // Every method was tried and failed: the textbook market has no stable matching.
    expect(out.loop.method).toBe("none");
    expect(out.loop.kprOrders).toBeGreaterThan(0);
    expect(out.loop.walkSteps).toBeGreaterThan(0);
    expect(out.blockingPairs.length).toBeGreaterThan(0);
    expect(runCliWith(["match", "nostable.json"], files).stdout).toMatch(/loop: the algorithm cycles/);
  });

  it("should report both positions of a supplemental-list applicant and every reversion", () => {
    const supp = JSON.parse(runCliWith(["match", "supp.json", "--json"], files).stdout);
    expect([supp.assignments.Ana, supp.supplemental.Ana]).toEqual(["Derm", "Surg-Prelim"]);
    const rev = JSON.parse(runCliWith(["match", "rev.json", "--json"], files).stdout);
    expect(rev.reversions).toEqual([{ from: "Neuro-PGY2", to: "IM-Prelim", positions: 1, round: 1 }]);
    expect(runCliWith(["match", "rev.json"], files).stdout).toMatch(/reversion \(round 1\): 1 position of Neuro-PGY2 → IM-Prelim/);
  });

  it("should refuse --side program for the full rules with exit code 2", () => {
    const side = runCliWith(["match", "order.json", "--side", "program"], files);
    expect([side.code, side.stderr]).toEqual([2, expect.stringMatching(/--side program/)]);
  });

  it("should keep the simple path for simple markets", () => {
    const out = JSON.parse(runCliWith(["match", "simple.json", "--json"], files).stdout);
    expect(out.couples).toBeUndefined();
    expect(out.stable).toBe(true);
  });
});

describe("matchlab convert and the Stable Matching Suite format", () => {
  it("should write r, c and p lines, with -1 for No Match", () => {
    const text = "r s1 H1\nc k1 A1 A2 H1 -1 H1 H2\np H1 1 A1 s1\np H2 1 A2\n";
    const json = JSON.parse(runCliWith(["convert", "in.txt"], { "in.txt": text }).stdout);
    expect(json.couples).toEqual([{ id: "k1", members: ["A1", "A2"], rol: [["H1", null], ["H1", "H2"]] }]);
    expect(runCliWith(["convert", "in.json"], { "in.json": JSON.stringify(json) }).stdout).toBe(text);
  });

  it("should round-trip a scenario through the text format", () => {
    const sms = runCliWith(["convert", "order.json"], files).stdout;
    const back = JSON.parse(runCliWith(["convert", "-"], {}, sms).stdout);
    const original = JSON.parse(files["order.json"]);
    expect(back.programs).toEqual(original.programs);
    const pairs = (couples: Array<{ members: string[]; rol: unknown }>) => couples.map((c) => [c.members, c.rol]);
    expect(pairs(back.couples)).toEqual(pairs(original.couples));
  });

  it("should let matchlab match read the text format and print a suite match file", () => {
    const sms = runCliWith(["convert", "order.json"], files).stdout;
    expect(runCliWith(["match", "-", "--sms"], {}, sms).stdout).toBe("m 1\nr X1 A\nr X2 B\nr Y1 C\nr Y2 D\n");
    expect(runCliWith(["match", "nostable.json", "--sms"], files).stdout).toBe("m 0\n");
  });

  it("should warn about what the text format cannot carry, and list it in --json", () => {
    expect(runCliWith(["convert", "rev.json"], files).stderr).toMatch(/no reversions/);
    const json = JSON.parse(runCliWith(["convert", "rev.json", "--json"], files).stdout);
    expect([json.from, json.to, json.programs]).toEqual(["json", "sms", 3]);
    expect(json.warnings.length).toBe(2);
  });

  it("should name the line of every problem and exit with code 2", () => {
    const out = runCliWith(["match", "-"], {}, "r 1 10\nq 2\np 10 x\nc 7 1 2 10\n");
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/line 2: unknown line kind "q"/);
    expect(out.stderr).toMatch(/line 3: expected a capacity/);
    expect(out.stderr).toMatch(/line 4: a couple lists programs in pairs/);
  });
});
