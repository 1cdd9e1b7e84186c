import { checkStability, compileMarket, parseScenario, parseScenarioText, solve, type ParseResult } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../arbitraries/market.ts";

/** Every outcome is a usable scenario (which then solves to a stable matching) or issues that say where and what. */
function expectValidOutcome(result: ParseResult): void {
  if (result.ok) {
    const market = compileMarket(result.scenario);
    expect(checkStability(market, solve(market).matchOf).stable).toBe(true);
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.path).toMatch(/\S/);
    expect(issue.message).toMatch(/\S/);
  }
}

/** Replaces, deletes or duplicates the value at a random place in a JSON-like tree. */
function mutate(value: unknown, choices: number[], replacement: unknown): unknown {
  const [choice = 0, ...rest] = choices;
  if (Array.isArray(value) && value.length > 0) {
    const i = choice % value.length;
    const copy = [...value];
    if (rest.length === 0) {
      if (choice % 3 === 0) copy.splice(i, 1);
      else if (choice % 3 === 1) copy.splice(i, 0, copy[i]);
      else copy[i] = replacement;
    } else copy[i] = mutate(copy[i], rest, replacement);
    return copy;
  }
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const key = keys[choice % keys.length]!;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (rest.length === 0) {
      if (choice % 2 === 0) delete copy[key];
      else copy[key] = replacement;
    } else copy[key] = mutate(copy[key], rest, replacement);
    return copy;
  }
  return replacement;
}

describe("parseScenario under fuzzing", () => {
  it("should answer any JSON value with a scenario or clear issues, never an exception", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectValidOutcome(parseScenario(value))));
  });

  it("should answer mutations of valid scenarios with a scenario or clear issues", () => {
    const mutated = fc.tuple(simpleScenario(), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.oneof(fc.jsonValue(), fc.constantFrom("__proto__", "", -1, 1.5, "2", null)));
    fc.assert(fc.property(mutated, ([scenario, choices, replacement]) => expectValidOutcome(parseScenario(mutate(scenario, choices, replacement)))), { numRuns: 1000 });
  });

  it("should answer any text with a scenario or clear issues", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.json()), (text) => expectValidOutcome(parseScenarioText(text))));
  });
});
