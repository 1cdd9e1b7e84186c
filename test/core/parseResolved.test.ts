import { compileMarket, parseScenarioText, parseScenarioTextResolved } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";

describe("parseScenarioTextResolved(text) then compileMarket(scenario, { resolved })", () => {
  it("should give the same answer as parseScenarioText, and a market equal to compiling the scenario alone", () => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const text = JSON.stringify(scenario);
        const parsed = parseScenarioTextResolved(text);
        if (!parsed.ok) throw new Error("a valid scenario was refused");
        // The fast path accepts every generated simple scenario, so the lists come resolved.
        expect(parsed.resolved?.scenario).toBe(parsed.scenario);
        expect(parsed.scenario).toEqual((parseScenarioText(text) as { scenario: unknown }).scenario);
        const fused = compileMarket(parsed.scenario, parsed.resolved === undefined ? {} : { resolved: parsed.resolved });
        // Typed arrays compare by type and content, so a narrower or wider index array would fail here too.
        expect(fused).toEqual(compileMarket(parsed.scenario));
      }),
    );
  });

  it("should report the same issues as parseScenarioText for duplicate keys and unknown ids", () => {
    const duplicate = '{"programs":[{"id":"P","quota":1,"quota":2,"rol":["A"]}],"applicants":[{"id":"A","rol":["P"]}]}';
    const unknown = '{"programs":[{"id":"P","quota":1,"rol":["B"]}],"applicants":[{"id":"A","rol":["P"]}]}';
    for (const text of [duplicate, unknown]) {
      const parsed = parseScenarioTextResolved(text);
      expect(parsed.ok).toBe(false);
      expect(parsed).toEqual(parseScenarioText(text));
    }
  });

  it("compileMarket should ignore lists resolved for another scenario object (it resolves this one's ids itself)", () => {
    const text = '{"programs":[{"id":"P","quota":1,"rol":["A","B"]},{"id":"Q","quota":1,"rol":["B"]}],"applicants":[{"id":"A","rol":["P"]},{"id":"B","rol":["Q","P"]}]}';
    const first = parseScenarioTextResolved(text);
    const other = parseScenarioTextResolved(text.replace('"rol":["Q","P"]', '"rol":["P","Q"]'));
    if (!first.ok || !other.ok || other.resolved === undefined) throw new Error("both texts are valid");
    // B's list is Q, P in `first`: with `other`'s lists (P, Q) taken by mistake, B's first entry would be P (index 0).
    expect(compileMarket(first.scenario, { resolved: other.resolved }).appRol[1]).toBe(1);
  });
});
