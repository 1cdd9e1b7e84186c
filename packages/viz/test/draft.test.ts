import { parseScenario } from "@matchlab/core";
import { describe, expect, it } from "vitest";
import { findBuiltIn } from "../src/scenarios.ts";
import { draftFromScenario, draftToInput, isDraft, keptRules, renameReferences, setId, setQuota } from "../src/workbench/draft.ts";

describe("workbench drafts of full-rules scenarios", () => {
  it.each(["couples-order-matters", "couples-no-stable-matching", "supplemental-derm", "reversion-chain"])(
    "draftToInput(draftFromScenario(%s)) gives back the same scenario: couples and rules are never dropped",
    (key) => {
      const scenario = findBuiltIn(key)!.scenario;
      const draft = draftFromScenario(scenario);
      expect(isDraft(JSON.parse(JSON.stringify(draft)))).toBe(true);
      const back = parseScenario(draftToInput(draft));
      expect(back.ok).toBe(true);
      if (back.ok) expect(back.scenario).toEqual(scenario);
    },
  );

  it("keptRules names what the editor keeps but does not show", () => {
    expect(keptRules(draftFromScenario(findBuiltIn("couples-order-matters")!.scenario))).toEqual(["couples"]);
    expect(keptRules(draftFromScenario(findBuiltIn("supplemental-derm")!.scenario))).toContain("supplemental lists");
    expect(keptRules(draftFromScenario(findBuiltIn("reversion-chain")!.scenario))).toContain("reversions");
    expect(keptRules(draftFromScenario(findBuiltIn("run-a-match")!.scenario))).toEqual([]);
  });

  it("should keep a program's reversion target through an edit of its quota", () => {
    const draft = draftFromScenario(findBuiltIn("reversion-chain")!.scenario);
    const i = draft.programs.findIndex((p) => p.extra?.["revertsTo"] !== undefined);
    const edited = draftToInput(setQuota(draft, i, "3")) as { programs: Array<{ quota: number; revertsTo?: string }> };
    expect(edited.programs[i]!.quota).toBe(3);
    expect(edited.programs[i]!.revertsTo).toBe(draft.programs[i]!.extra!["revertsTo"]);
  });
});

describe("renameReferences in full-rules drafts", () => {
  it("should rename a couple member in the couple, so the scenario stays valid", () => {
    // couples-order-matters lists its couple members only inside `couples`; list X1 under applicants too, so the
    // editor shows her, then rename her there.
    const scenario = findBuiltIn("couples-order-matters")!.scenario;
    const draft = draftFromScenario({ ...scenario, applicants: [{ id: "X1", rol: [] }] });
    const typed = setId(draft, "applicants", 0, "Xavier");
    const back = parseScenario(draftToInput(renameReferences(typed, "applicants", "X1", "Xavier")));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.scenario.couples![0]!.members).toEqual(["Xavier", "X2"]);
  });

  it("should rename a program in couple pairs, supplemental lists and reversion targets", () => {
    const derm = draftFromScenario(findBuiltIn("supplemental-derm")!.scenario);
    const i = derm.programs.findIndex((p) => p.id === "IM-Prelim");
    const back = parseScenario(draftToInput(renameReferences(setId(derm, "programs", i, "Medicine-Prelim"), "programs", "IM-Prelim", "Medicine-Prelim")));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.scenario.applicants.find((a) => a.id === "Ana")!.supplemental![0]!.rol).toContain("Medicine-Prelim");
    const couples = draftFromScenario(findBuiltIn("couples-order-matters")!.scenario);
    const a = couples.programs.findIndex((p) => p.id === "A");
    const renamed = parseScenario(draftToInput(renameReferences(setId(couples, "programs", a, "Alpha"), "programs", "A", "Alpha")));
    expect(renamed.ok && renamed.scenario.couples![0]!.rol[0]).toEqual(["Alpha", "B"]);
  });
});
