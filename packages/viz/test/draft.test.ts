import { parseScenario } from "@matchlab/core";
import { describe, expect, it } from "vitest";
import { findBuiltIn } from "../src/scenarios.ts";
import { draftFromScenario, draftToInput, isDraft, keptRules, setQuota } from "../src/workbench/draft.ts";

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
