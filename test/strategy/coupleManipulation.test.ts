import { readFileSync } from "node:fs";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { checkFullStability, compileFullMarket, coupleOutcome, parseScenarioText, rothPeranson, searchCoupleManipulations, type Scenario } from "@matchlab/core";

const parsed = parseScenarioText(readFileSync(new URL("../../scenarios/couples-truncation-gains.json", import.meta.url), "utf8"));
if (!parsed.ok) throw new Error("couples-truncation-gains.json must be valid");
const scenario: Scenario = parsed.scenario;

describe("a couple that gains by misreporting (issue 6 §4)", () => {
  it("coupleOutcome(truthful) gives the couple its third pair (B, C), a stable matching", () => {
    // Singles are admitted first: s proposes to C (vacant) and holds it. The couple proposes (C, A): C ranks x above
    // s, A is vacant, so x takes C and y takes A; s is displaced, proposes to A, which ranks s above y: y is
    // displaced, so x is withdrawn from C. The couple proposes again from the top: (C, A) fails at A (it holds s,
    // ranked above y), (B, A) fails at A, (B, C) succeeds (both vacant). s cannot go back to C (C ranks y above s).
    const market = compileFullMarket(scenario);
    const matching = rothPeranson(market, { rng: seedrandom("1") });
    expect(checkFullStability(market, matching).stable).toBe(true);
    expect(coupleOutcome(scenario, 0, scenario.couples![0]!.rol)).toEqual({ pair: ["B", "C"], stable: true });
    const s = market.base.programIds[matching.primaryOf[0]!];
    expect(s).toBe("A");
  });

  it("coupleOutcome(submitting only (B, A)) gives the couple its true second pair, also stable for the lists submitted", () => {
    // With (C, A) left off, x never displaces s at C, so s keeps C and the couple's only pair (B, A) has two
    // vacancies. By its true list the couple prefers (B, A) (rank 2) to (B, C) (rank 3): truth-telling was not
    // its best reply. (With its true list the couple would block this matching with (C, A): C prefers x to s and
    // y already holds A; the submitted list hides that pair.)
    expect(coupleOutcome(scenario, 0, [["B", "A"]])).toEqual({ pair: ["B", "A"], stable: true });
  });

  it("searchCoupleManipulations(scenario) finds the gain, and only lists that beat truthful", () => {
    const found = searchCoupleManipulations(scenario);
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) {
      expect(m.truthful).toEqual({ pair: ["B", "C"], rank: 3 });
      expect(m.outcome.rank).toBeLessThan(3);
    }
    expect(found.map((m) => m.submitted)).toContainEqual([["B", "A"]]);
  });

  it("searchCoupleManipulations should find nothing when the couple's truthful outcome is already its first pair", () => {
    // Drop the single: nobody competes, so the couple gets (C, A), its first pair, and no list can do better.
    const alone: Scenario = { ...scenario, applicants: [], programs: scenario.programs.map((p) => ({ ...p, rol: p.rol.filter((a) => a !== "s") })) };
    expect(coupleOutcome(alone, 0, alone.couples![0]!.rol).pair).toEqual(["C", "A"]);
    expect(searchCoupleManipulations(alone)).toEqual([]);
  });

  it("searchCoupleManipulations should refuse an unknown couple and a list longer than maxPairs, naming the function", () => {
    expect(() => searchCoupleManipulations(scenario, { couples: [3] })).toThrow("searchCoupleManipulations: couple must be an index in [0, 1), got 3");
    expect(() => searchCoupleManipulations(scenario, { maxPairs: 2 })).toThrow("searchCoupleManipulations: couple 0 ranks 3 pairs, more than maxPairs (2)");
  });
});
