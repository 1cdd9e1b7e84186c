import { compareIds, compileFullMarket, type Scenario } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

// Ids mixing NRMP-style codes (digits, some zero-padded) and free text, in any order.
const id = fc.oneof(fc.stringMatching(/^0{0,2}\d{1,4}$/), fc.stringMatching(/^[a-z]{1,3}\d{0,3}$/));

describe("compileFullMarket(scenario).singlesOrder", () => {
  it("should admit singles in ascending id order by compareIds", () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 0, maxLength: 40 }), fc.boolean(), (ids, withCouple) => {
        const coupled = withCouple && ids.length >= 2 ? ids.slice(0, 2) : [];
        const scenario: Scenario = {
          programs: [{ id: "P", quota: 1, rol: ids }],
          applicants: ids.filter((x) => !coupled.includes(x)).map((x) => ({ id: x, rol: ["P"] })),
          ...(coupled.length === 2 ? { couples: [{ members: [coupled[0]!, coupled[1]!] as [string, string], rol: [["P", null] as [string, null]] }] } : {}),
        };
        const market = compileFullMarket(scenario);
        const order = [...market.singlesOrder].map((a) => market.base.applicantIds[a]!);
        expect(order).toEqual(ids.filter((x) => !coupled.includes(x)).sort(compareIds));
      }),
    );
  });
});
