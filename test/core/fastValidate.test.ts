import { parseScenario, parseScenarioText } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastValidScenario } from "../../packages/core/src/fastValidate.ts";
import { simpleScenario } from "../arbitraries/market.ts";
import { mutateJson as mutate } from "../support/mutateJson.ts";

/** A JSON round trip: the fast path only ever sees values made by JSON.parse. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Optional attribute fields as generated markets write them, to exercise every branch of the fast path. */
const withAttributes = simpleScenario().map((s) => ({
  ...s,
  name: "m",
  programs: s.programs.map((p, i) => ({ ...p, name: `P${i}`, specialty: "IM", visa: (["none", "j1", "h1b"] as const)[i % 3]!, scoreScreen: 200 + i, imgFriendly: i % 2 === 0, region: "West", track: (["categorical", "preliminary", "advanced", "primary"] as const)[i % 4]! })),
  applicants: s.applicants.map((a, i) => ({ ...a, type: "us-md" as const, step2ck: 250, needsVisa: false, usceMonths: i, region: "South", specialties: ["IM"] })),
}));

const replacements = fc.oneof(fc.jsonValue(), fc.constantFrom("__proto__", "", -1, 0.5, 301, 1_000_001, "2", "j2", "us-dx", "pgy2", null, true, [], {}));

describe("fastValidScenario(value) (the fast path of parseScenarioText)", () => {
  it("should accept valid scenarios and return exactly what zod returns", () => {
    fc.assert(
      fc.property(fc.oneof(simpleScenario(), withAttributes), (scenario) => {
        const value = viaJson(scenario);
        const zod = parseScenario(value);
        expect(zod.ok).toBe(true);
        expect(fastValidScenario(value)).toEqual(zod.ok ? zod.scenario : undefined);
      }),
    );
  });

  it("should never accept a value zod rejects, nor differ from zod's result when it accepts (mutated scenarios)", () => {
    const mutated = fc.tuple(fc.oneof(simpleScenario(), withAttributes), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), replacements);
    fc.assert(
      fc.property(mutated, ([scenario, choices, replacement]) => {
        const value = viaJson(mutate(scenario, choices, replacement));
        const fast = fastValidScenario(value);
        if (fast === undefined) return; // "don't know": zod decides
        const zod = parseScenario(value);
        expect(zod.ok).toBe(true);
        if (zod.ok) expect(fast).toEqual(zod.scenario);
      }),
      { numRuns: 2000 },
    );
  });

  it("should take the fast path on a generated NRMP market with tracks (preliminary programs)", () => {
    const value = viaJson({ programs: [{ id: "P", quota: 1, rol: ["A"], track: "preliminary" }], applicants: [{ id: "A", rol: ["P"] }] });
    expect(fastValidScenario(value)).toBe(value);
    expect(fastValidScenario(viaJson({ programs: [{ id: "P", quota: 1, rol: [], track: "pgy2" }], applicants: [] }))).toBeUndefined();
  });

  it("should leave to zod what it does not handle: couples, expected results, unknown keys", () => {
    const base = { programs: [{ id: "P", quota: 1, rol: ["A"] }], applicants: [{ id: "A", rol: ["P"] }] };
    expect(fastValidScenario(base)).toBe(base);
    expect(fastValidScenario({ ...base, couples: [{ members: ["A", "B"], rol: [] }] })).toBeUndefined();
    expect(fastValidScenario({ ...base, expected: {} })).toBeUndefined();
    expect(fastValidScenario({ ...base, extra: 1 })).toBeUndefined(); // zod strips it, so the value is not returned as is
    expect(fastValidScenario({ ...base, applicants: [{ id: "A", rol: ["P", "P"] }] })).toBeUndefined(); // ranked twice
  });

  it("parseScenarioText(text) should report the same issues as before: errors still come from zod", () => {
    const result = parseScenarioText('{"programs":[{"id":"P","quota":1.5,"rol":["Z"]}],"applicants":[{"id":"A","rol":["P","P"]}]}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toEqual(["programs[0].quota", "applicants[0].rol[1]", "programs[0].rol[0]"]);
    }
  });
});
