import { compileFullMarket, parseScenarioText, rothPeranson, type Scenario } from "@matchlab/core";
import seedrandom from "seedrandom";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allFeasibleMatchings, naiveFullBlocking } from "../support/naiveCouples.ts";
import { runFull } from "../support/runFull.ts";

function loadScenario(name: string): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return parsed.scenario;
}
const quotaOf = (scenario: Scenario) => (p: string) => scenario.programs.find((x) => x.id === p)!.quota;

describe("rothPeranson on the textbook couples market with no stable matching", () => {
  const scenario = loadScenario("couples-no-stable-matching");

  it("should have no stable matching at all, by brute force", () => {
    const stable = allFeasibleMatchings(scenario).filter((m) => naiveFullBlocking(scenario, m, quotaOf(scenario)).length === 0);
    expect(stable).toEqual([]);
  });

  it("should terminate, report the loop with its applicants and programs, and not claim stability", () => {
    const { result, stable } = runFull(scenario);
    expect(result.completed).toBe(false);
    expect(stable).toBe(false);
    expect(result.loop?.applicants.sort()).toEqual(["A1", "A2", "S"]);
    expect(result.loop?.programs.sort()).toEqual(["H1", "H2"]);
    // One couple: no other order exists, so no re-ordering is tried.
    expect(result.reorderings).toBe(0);
  });
});

describe("rothPeranson on a couples market where processing order matters", () => {
  const scenario = loadScenario("couples-order-matters");
  const market = compileFullMarket(scenario);
  const pairs = (order: number[]) => {
    const { result } = runFull(scenario, { coupleOrder: order });
    return result.couples.map((c) => c.pair);
  };

  it("should give (A, B) to whichever couple is admitted first, both outcomes stable", () => {
    // X first: X takes (A, B); Y then finds A holding X1, whom A prefers, and settles for (C, D).
    expect(pairs([0, 1])).toEqual([["A", "B"], ["C", "D"]]);
    // Y first: Y takes (A, B); X would get A (A prefers X1) but not B (B prefers Y2), so X takes (C, D).
    expect(pairs([1, 0])).toEqual([["C", "D"], ["A", "B"]]);
    for (const order of [[0, 1], [1, 0]]) expect(runFull(scenario, { coupleOrder: order }).stable).toBe(true);
  });

  it("should admit couples by their lower member id in production order", () => {
    expect([...market.couplesOrder]).toEqual([0, 1]);
    expect(pairs([...market.couplesOrder])).toEqual([["A", "B"], ["C", "D"]]);
  });
});

describe("rothPeranson with a supplemental list (scenarios/supplemental-derm.json)", () => {
  const scenario = loadScenario("supplemental-derm");

  it("should keep Ana's advanced match and move her down her supplemental list when bumped from her PGY-1 program", () => {
    const { result, stable } = runFull(scenario);
    const ana = result.applicants.find((a) => a.id === "Ana")!;
    const ben = result.applicants.find((a) => a.id === "Ben")!;
    // Ana: Derm (1st on her primary list) + Surg-Prelim (2nd on her supplemental list), after Ben bumped her from IM-Prelim.
    expect([ana.program, ana.rank, ana.supplemental, ana.supplementalRank]).toEqual(["Derm", 1, "Surg-Prelim", 2]);
    expect(ben.program).toBe("IM-Prelim");
    expect(result.programs.find((p) => p.id === "FM")!.unfilled).toBe(1);
    expect(stable).toBe(true);
  });

  it("should leave her at the advanced program with no PGY-1 position rather than go on down her primary list", () => {
    // Surg-Prelim no longer ranks Ana: no program on her supplemental list takes her. FM would, but a matched
    // advanced applicant is not moved down her primary list (ALGORITHM.md §6.2).
    const variant: Scenario = { ...scenario, programs: scenario.programs.map((p) => (p.id === "Surg-Prelim" ? { ...p, rol: [] } : p)) };
    const { result, stable } = runFull(variant);
    const ana = result.applicants.find((a) => a.id === "Ana")!;
    expect([ana.program, ana.supplemental]).toEqual(["Derm", null]);
    expect(result.programs.find((p) => p.id === "FM")!.matched).toEqual([]);
    expect(stable).toBe(true);
  });
});

describe("rothPeranson with reversions (scenarios/reversion-chain.json)", () => {
  const scenario = loadScenario("reversion-chain");

  it("should revert Neuro-PGY2's unfilled position to IM-Prelim, where Eli takes it, and report it", () => {
    const { result, stable } = runFull(scenario);
    expect(result.reversions).toEqual([{ from: "Neuro-PGY2", to: "IM-Prelim", positions: 1, round: 1 }]);
    const im = result.programs.find((p) => p.id === "IM-Prelim")!;
    expect([im.quota, im.originalQuota, im.matched]).toEqual([2, 1, ["Dee", "Eli"]]);
    expect(result.programs.find((p) => p.id === "Neuro-PGY2")!.quota).toBe(1);
    expect(result.applicants.find((a) => a.id === "Fay")!.program).toBeNull();
    expect(stable).toBe(true);
  });

  it("should pass positions on along the chain when the receiver cannot fill them either", () => {
    // Without Eli, IM-Prelim cannot fill the reverted position: in the same round (IM-Prelim's id sorts before
    // Neuro-PGY2's, so it was already examined) nothing more happens; in round 2 IM-Prelim reverts it to FM, and Fay takes it.
    const variant: Scenario = { ...scenario, applicants: scenario.applicants.filter((a) => a.id !== "Eli"), programs: scenario.programs.map((p) => (p.id === "IM-Prelim" ? { ...p, rol: ["Dee"] } : p)) };
    const { result, stable } = runFull(variant);
    expect(result.reversions).toEqual([
      { from: "Neuro-PGY2", to: "IM-Prelim", positions: 1, round: 1 },
      { from: "IM-Prelim", to: "FM", positions: 1, round: 2 },
    ]);
    expect(result.applicants.find((a) => a.id === "Fay")!.program).toBe("FM");
    expect(stable).toBe(true);
  });
});

describe("rothPeranson with an even-number request (scenarios/even-request.json)", () => {
  it("should cut E from 4 to 2 positions and send Cy, its least-preferred holder, on to F", () => {
    const { result, stable } = runFull(loadScenario("even-request"));
    expect(result.evenCuts).toEqual([{ program: "E", quota: 2, removed: "Cy", round: 1 }]);
    expect(result.programs.map((p) => [p.id, p.quota, p.matched])).toEqual([
      ["E", 2, ["Ava", "Bo"]],
      ["F", 1, ["Cy"]],
    ]);
    expect(stable).toBe(true);
  });

  it("should leave an even number alone", () => {
    // Cy ranks only F: E holds Ava and Bo, 2 of 4, an even number, so nothing is cut.
    const scenario = loadScenario("even-request");
    const { result } = runFull({ ...scenario, applicants: scenario.applicants.map((a) => (a.id === "Cy" ? { ...a, rol: ["F"] } : a)) });
    expect(result.evenCuts).toEqual([]);
    expect(result.programs[0]!.quota).toBe(4);
  });
});

describe("rothPeranson(market, { rng })", () => {
  it("should give the same result for the same seed", () => {
    const scenario = loadScenario("couples-no-stable-matching");
    const twoCouples: Scenario = { ...scenario, couples: [...scenario.couples!, { members: ["B1", "B2"], rol: [["H2", "H1"]] }], programs: scenario.programs.map((p) => ({ ...p, rol: [...p.rol, "B1", "B2"] })) };
    const run = (seed: string) => rothPeranson(compileFullMarket(twoCouples), { rng: seedrandom(seed) });
    expect(run("42")).toEqual(run("42"));
  });
});
