// @vitest-environment jsdom
import { compileMarket, createPlacedDrawer, createStrategyAnalyzer, listCount, PLACED_APPLICANT_ID, runMonteCarlo, summarizeMonteCarlo, UNMATCHED, whatIf, type MonteCarloOptions, type Scenario } from "@matchlab/core";
import seedrandom from "seedrandom";
import { describe, expect, it, vi } from "vitest";
import { curvePoints, labStrategies, peerPoints } from "../src/lab/strategies.ts";
import { runLabMonteCarlo } from "../src/lab/monteCarlo.ts";
import { mythCards } from "../src/lab/myths.ts";
import { explainExhaustive, outcomeRows, renderExhaustive } from "../src/lab/renderExhaustive.ts";
import { distributionTable, renderDistributions, renderMatchCurve } from "../src/lab/renderMonteCarlo.ts";
import { mythCards as renderMythCards } from "../src/lab/renderMyths.ts";
import { outcomePair } from "../src/lab/renderOutcome.ts";
import { LabSession } from "../src/lab/session.ts";

/**
 * Three programs of one position. A ranks "rival" above her and rival wants A, so A never takes her; B and C rank
 * her and no one else. Her budget set is {B, C}: her true list [A, B, C] places her at B, her 2nd choice.
 */
const market: Scenario = {
  programs: [
    { id: "A", quota: 1, rol: ["rival", "her"] },
    { id: "B", quota: 1, rol: ["her"] },
    { id: "C", quota: 1, rol: ["her"] },
  ],
  applicants: [
    { id: "her", rol: ["A", "B", "C"] },
    { id: "rival", rol: ["A"] },
  ],
};
const session = (): LabSession => new LabSession(compileMarket(market), 0);
const ctx = { document, idPrefix: "t" };

describe("LabSession", () => {
  it("whatIf should place her at the first program of her list that would take her", () => {
    const s = session();
    expect(s.whatIf(["A", "B", "C"], ["A", "B", "C"])).toEqual({ truthful: { program: "B", trueRank: 2 }, submitted: { program: "B", trueRank: 2 }, verdict: "same" });
    // C first: C takes her, her 3rd choice.
    expect(s.whatIf(["A", "B", "C"], ["C", "A", "B"]).submitted).toEqual({ program: "C", trueRank: 3 });
    expect(s.whatIf(["A", "B", "C"], ["A"]).verdict).toBe("worse");
  });

  it("whatIf should agree with core's whatIf on the market's own true list", () => {
    const compiled = compileMarket(market);
    const core = whatIf(createStrategyAnalyzer(compiled, { applicant: 0 }), [2, 1]);
    const lab = session().whatIf(["A", "B", "C"], ["C", "B"]);
    expect(lab.submitted.program).toBe(compiled.programIds[core.submitted.program]);
    expect(lab.verdict).toBe(core.verdict);
  });

  it("should judge by the true order she edits, not the market's copy of her list", () => {
    // She now prefers C to B: her true list places her at C, her 2nd choice, and [B] is worse.
    const s = session();
    expect(s.whatIf(["C", "B", "A"], ["B"])).toEqual({ truthful: { program: "C", trueRank: 1 }, submitted: { program: "B", trueRank: 2 }, verdict: "worse" });
  });

  it("exhaustive should count every list by its outcome", () => {
    const check = session().exhaustive(["A", "B", "C"]);
    expect(check.listsTried).toBe(listCount(3));
    // Unmatched: lists of A alone, i.e. [] and [A] (2). B first among B, C: [B…] and [A, B…]: (1 + 2 + 2) + (1 + 1) = 7 … by symmetry C also 7.
    expect(check.byOutcome).toEqual([0, 7, 7, 2]);
    expect({ better: check.better, ties: check.ties, worse: check.worse }).toEqual({ better: 0, ties: 7, worse: 9 });
    expect(check.wouldTakeYou).toEqual([false, true, true]);
  });

  it("should refuse the exhaustive check beyond 17 programs with a message", () => {
    const ids = Array.from({ length: 18 }, (_, i) => `P${i}`);
    const big: Scenario = { programs: ids.map((id) => ({ id, quota: 1, rol: ["her"] })), applicants: [{ id: "her", rol: ids }] };
    expect(() => new LabSession(compileMarket(big), 0).exhaustive(ids)).toThrow(/up to 17/);
  });
});

describe("mythCards", () => {
  it("should show that a reach first costs nothing and a safety first costs her 2nd choice", () => {
    const cards = mythCards(session(), ["A", "B", "C"]);
    const by = Object.fromEntries(cards.map((c) => [c.key, c]));
    expect(by["reachFirst"]!.submitted).toEqual(["A", "B", "C"]);
    expect(by["reachFirst"]!.result.verdict).toBe("same");
    // Her safety is C, the lowest program that would take her: ranked first, she gets C instead of B.
    expect(by["safetyFirst"]!.submitted).toEqual(["C", "A", "B"]);
    expect(by["safetyFirst"]!.result.submitted.program).toBe("C");
    expect(by["safetyFirst"]!.lesson).toMatch(/instead of B/);
    // Keeping her first 1 of 3 (A) leaves her unmatched.
    expect(by["rankFewer"]!.result.submitted.program).toBeNull();
    expect(by["addMore"]!.applicable).toBe(false);
    expect(by["addMore"]!.lesson).toMatch(/^Programs rank only applicants they interviewed/);
  });

  it("should add programs that rank her to a list that leaves her unmatched", () => {
    const cards = mythCards(session(), ["A"]);
    const add = cards.find((c) => c.key === "addMore")!;
    expect(add.trueList).toEqual(["A", "B", "C"]);
    expect(add.result.submitted.program).toBe("B");
    expect(add.lesson).toMatch(/instead of unmatched/);
  });
});

describe("lab render functions under jsdom", () => {
  it("outcomePair should show both outcomes and the verdict in words", () => {
    const el = outcomePair(document, session().whatIf(["A", "B", "C"], ["C"]), 2.4);
    expect(el.getAttribute("data-verdict")).toBe("worse");
    expect(el.querySelector(".submitted .outcome-value")!.textContent).toBe("C (your 3rd choice)");
    expect(el.querySelector(".truthful .outcome-value")!.textContent).toBe("B (your 2nd choice)");
    expect(el.querySelector(".verdict")!.textContent).toContain("worse than your true list");
  });

  it("renderExhaustive should draw one labelled bar per reachable outcome and mark the truthful one", () => {
    const check = session().exhaustive(["A", "B", "C"]);
    const svg = renderExhaustive(check, ctx);
    expect(svg.querySelectorAll(".outcome-row").length).toBe(3); // A (1st choice) is reached by no list
    expect([...svg.querySelectorAll(".outcome-row")].map((g) => g.getAttribute("class"))).toEqual(["outcome-row same", "outcome-row worse", "outcome-row worse"]);
    expect(svg.querySelector(".outcome-row .row-label")!.textContent).toBe("▶ 2nd choice: B");
    expect(svg.getAttribute("aria-label")).toContain("16 lists by where they place you");
    expect(outcomeRows(check).map((r) => r.count)).toEqual([7, 7, 2]);
    expect(explainExhaustive(check)).toMatch(/^Of all 16 lists .* 0 do better than your true list, 7 do as well and 9 do worse\. .*programs that would take you are B, C/);
  });

  it("renderMyths should fill only the cards that were tried", () => {
    const results = mythCards(session(), ["A", "B", "C"]);
    const el = renderMythCards(document, results, new Set(["safetyFirst"]), () => {});
    expect(el.querySelectorAll(".myth-card").length).toBe(4);
    expect(el.querySelectorAll(".myth-result").length).toBe(1);
    expect(el.querySelector('[data-myth="safetyFirst"] .lesson')!.textContent).toMatch(/rank by what you want/);
  });

  it("should chart Monte Carlo distributions and the match curve from a report", () => {
    const strategies = labStrategies(["P1", "P2", "P3"]);
    const options: MonteCarloOptions = { applicant: "you", draws: 2, seed: 1, strategies };
    // Strategies: truthful, safety first, reaches only, truncate 1, truncate 2; two draws (rows).
    const scores = Int32Array.from([0, 2, 0, 0, 0, 1, 2, UNMATCHED, UNMATCHED, 1]);
    const report = summarizeMonteCarlo(options, scores);
    const svg = renderDistributions(report, report.strategies, ctx);
    expect(svg.querySelectorAll("g.strategy").length).toBe(5);
    expect(svg.querySelectorAll("g.strategy")[0]!.querySelectorAll("rect").length).toBe(5);
    expect(curvePoints(report, 3)).toEqual([
      { ranked: 1, probability: 0.5 },
      { ranked: 2, probability: 1 },
      { ranked: 3, probability: 1 },
    ]);
    const peers = peerPoints({ applicants: [5, 40, 10, 30], matched: [0, 20, 10, 27] });
    // Lengths held by fewer than 20 peers (0 and 2 here) are left out; length 0 always is.
    expect(peers).toEqual([
      { ranked: 1, probability: 0.5 },
      { ranked: 3, probability: 0.9 },
    ]);
    const curve = renderMatchCurve(curvePoints(report, 3), peers, "other U.S. MD seniors", ctx);
    expect(curve.querySelectorAll(".series.you circle").length).toBe(3);
    expect(curve.querySelectorAll(".series.peers circle").length).toBe(2);
    expect(curve.getAttribute("aria-label")).toContain("other U.S. MD seniors: 1: 50 %, 3: 90 %.");
    const table = distributionTable(document, report, report.strategies);
    expect(table.querySelector('[data-strategy="truncate after 1"] td')!.textContent).toBe("50 %");
  });
});

describe("runLabMonteCarlo", () => {
  it("should give core's runMonteCarlo figures for the same drawer and seed", async () => {
    const drawer = { preset: "nrmp-2025" as const, applicants: 300, profile: { type: "us-md" as const, step2ck: 240, specialties: ["FM"] } };
    const draw = createPlacedDrawer(drawer, seedrandom.alea);
    // Her list in one drawn market becomes her fixed true list, as when the lab runs after placing her.
    const placed = draw(5);
    const list = Array.from(createStrategyAnalyzer(placed, { applicant: placed.applicantIds.indexOf(PLACED_APPLICANT_ID) }).trueList, (p) => placed.programIds[p]!);
    expect(list.length).toBeGreaterThan(1);
    const fixed = { ...drawer, profile: { ...drawer.profile, list } };
    const options: MonteCarloOptions = { applicant: PLACED_APPLICANT_ID, draws: 3, seed: 7, strategies: labStrategies(list) };
    const progress: number[] = [];
    const mine = await runLabMonteCarlo(fixed, options, { onProgress: (done) => progress.push(done) }).result;
    expect(mine.report).toEqual(await runMonteCarlo(createPlacedDrawer(fixed, seedrandom.alea), options));
    expect(progress).toEqual([1, 2, 3]);
    // Her peers: the U.S. MD seniors of three 300-applicant markets (she is not counted), each matched at most once.
    const peers = mine.peers.applicants.reduce((x, y) => x + y, 0);
    expect(peers).toBeGreaterThan(0);
    expect(peers).toBeLessThan(3 * 300);
    mine.peers.matched.forEach((m, k) => expect(m).toBeLessThanOrEqual(mine.peers.applicants[k]!));
  });
});

describe("mountLab under jsdom (engine inline)", () => {
  it("should show a new outcome when the submitted list is reordered by keyboard", async () => {
    const { mountLab } = await import("../src/lab/labView.ts");
    const { DraftStore } = await import("../src/shell/store.ts");
    const container = document.createElement("main");
    document.body.append(container);
    const handle = mountLab(container, new DraftStore(null));
    const shown = (which: string): string | null | undefined => container.querySelector(`.outcome-card.${which}`)?.getAttribute("data-program");
    // Ford in Run-A-Match ranks City, General, Mercy and matches General; Mercy would also take her.
    const applicant = container.querySelector<HTMLSelectElement>("#lab-applicant")!;
    applicant.value = "Ford";
    applicant.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(container.querySelector(".lab-who")!.textContent).toContain("Ford"));
    await vi.waitFor(() => expect(shown("submitted")).toBe("General"));
    const mercy = container.querySelector<HTMLElement>('[data-list="submitted"] [data-focus="applicants-1-rol-2"]')!;
    mercy.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowUp", altKey: true, bubbles: true }));
    await vi.waitFor(() => expect(shown("submitted")).toBe("Mercy"));
    expect(shown("truthful")).toBe("General");
    expect(container.querySelector(".outcome-pair")!.getAttribute("data-verdict")).toBe("worse");
    expect(container.querySelector(".lab-exhaustive .explain")!.textContent).toMatch(/^Of all 16 lists .* 0 do better/);
    handle.destroy();
    container.remove();
  });
});
