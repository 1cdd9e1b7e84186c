import * as z from "zod";
import { Scenario } from "./schema.ts";

/** The JSON Schema of the scenario format, generated from the zod schema (input side: what a file may contain). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Scenario, { io: "input", unrepresentable: "any" }),
    $id: "https://matchlab.dev/scenario.schema.json",
    title: "matchlab scenario",
    description: "Applicants and programs of an NRMP-style match, with their rank order lists. Generated from the zod schema in packages/core/src/schema.ts: do not edit by hand.",
  };
}
