import { scenarioJsonSchema } from "@matchlab/core";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("scenarios/scenario.schema.json", () => {
  it("is the JSON Schema generated from the zod schema (run `pnpm schema` after changing it)", () => {
    const checkedIn = JSON.parse(readFileSync(new URL("../../scenarios/scenario.schema.json", import.meta.url), "utf8"));
    expect(checkedIn).toEqual(scenarioJsonSchema());
  });
});
