// Regenerates scenarios/scenario.schema.json from the zod schema (`pnpm schema`); a test fails when it is stale.
import { scenarioJsonSchema } from "@matchlab/core";
import { writeFileSync } from "node:fs";

const target = new URL("../scenarios/scenario.schema.json", import.meta.url);
writeFileSync(target, JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
process.stdout.write(`wrote ${target.pathname}\n`);
