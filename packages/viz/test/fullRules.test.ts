// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { runFull } from "../src/engine/runFull.ts";
import { blockingSentence, fullResultView } from "../src/fullResultView.ts";
import { findBuiltIn } from "../src/scenarios.ts";

const view = (key: string): HTMLElement => {
  const scenario = findBuiltIn(key)!.scenario;
  return fullResultView(document, runFull(scenario), { hasCouples: (scenario.couples ?? []).length > 0 });
};
const rows = (root: HTMLElement, table: string): string[][] =>
  [...root.querySelectorAll(`table.${table} tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent ?? ""));

describe("fullResultView (full Roth–Peranson engine)", () => {
  it("fullResultView(couples-order-matters) seats couple X, admitted first, at its first pair (A, B) side by side", () => {
    // Couples are admitted by their lower member id: X1 < Y1, so X takes (A, B) and Y gets (C, D), its 2nd pair.
    const root = view("couples-order-matters");
    expect(rows(root, "couples")).toEqual([
      ["X1 + X2", "A", "B", "pair #1"],
      ["Y1 + Y2", "C", "D", "pair #2"],
    ]);
    expect(root.querySelector(".verdict strong")!.textContent).toBe("✓ Stable");
    expect(root.textContent).toContain("With couples a stable matching may not exist at all");
  });

  it("fullResultView(couples-no-stable-matching) reports no stable matching, the blocking case and the loop", () => {
    // Every one of the four feasible matchings is blocked (see the scenario's description), so the verdict must
    // be negative whatever the engine returns, and the loop detector must have fired.
    const scenario = findBuiltIn("couples-no-stable-matching")!.scenario;
    const run = runFull(scenario);
    expect(run.stable).toBe(false);
    expect(run.result.loopsDetected).toBeGreaterThan(0);
    const root = view("couples-no-stable-matching");
    expect(root.querySelector(".verdict strong")!.textContent).toBe("✕ No stable matching found");
    expect([...root.querySelectorAll(".verdict li")].map((li) => li.textContent)).toEqual([...run.blocking.map(blockingSentence), ...run.violations.map((v) => `${v}.`)]);
    expect(root.querySelectorAll(".verdict li").length).toBeGreaterThan(0);
    expect(root.querySelector(".loop")!.textContent).toMatch(/^Loop report: \d+ loops? detected/);
  });

  it("fullResultView(supplemental-derm) shows Ana's PGY-2 and PGY-1 positions", () => {
    // From the scenario: Ana Derm + Surg-Prelim (her 2nd supplemental choice), Ben IM-Prelim, FM unfilled.
    const root = view("supplemental-derm");
    const ana = rows(root, "full").find((r) => r[0] === "Ana")!;
    expect(ana.slice(1)).toEqual(["Derm (#1)", "Surg-Prelim (#2)"]);
    expect(rows(root, "full").find((r) => r[0] === "Ben")![1]).toBe("IM-Prelim (#1)");
    expect(root.textContent).not.toContain("With couples");
  });

  it("fullResultView(reversion-chain) applies the reversion: IM-Prelim grows to 2 positions and Eli takes one", () => {
    const root = view("reversion-chain");
    expect(rows(root, "programs").find((r) => r[0] === "IM-Prelim")).toEqual(["IM-Prelim", "1 → 2", "Dee, Eli"]);
    expect([...root.querySelectorAll(".reversions li")].map((li) => li.textContent)).toEqual(["Round 1: Neuro-PGY2 reverted 1 unfilled position to IM-Prelim."]);
    expect(rows(root, "full").find((r) => r[0] === "Fay")![1]).toBe("—");
  });

  it("blockingSentence names the couple and the pair it would rather have", () => {
    expect(blockingSentence({ kind: "couple", applicant: "A1", program: "H1", members: ["A1", "A2"], pair: ["H1", null] })).toBe(
      "Couple A1 + A2 and the pair (H1, No Match) would rather be matched together than as they are.",
    );
  });
});
