import { checkStability, collectResult, compileMarket, formatIssue, parseScenario, solve, type Side } from "@matchlab/core";
import { renderResultTable } from "./resultTable.ts";
import { builtInScenarios } from "./scenarios.ts";

const select = document.querySelector<HTMLSelectElement>("#scenario")!;
const form = document.querySelector<HTMLFormElement>("#controls")!;
const output = document.querySelector<HTMLElement>("#result")!;
const description = document.querySelector<HTMLElement>("#description")!;

for (const { key, label } of builtInScenarios) select.add(new Option(label, key));

function run(): void {
  const chosen = builtInScenarios.find((s) => s.key === select.value) ?? builtInScenarios[0]!;
  const side = (new FormData(form).get("side") ?? "applicant") as Side;
  const parsed = parseScenario(chosen.data);
  if (!parsed.ok) {
    output.textContent = parsed.issues.map(formatIssue).join("\n");
    return;
  }
  description.textContent = parsed.scenario.description ?? "";
  const market = compileMarket(parsed.scenario);
  const matching = solve(market, { side });
  output.replaceChildren(renderResultTable(collectResult(market, matching), checkStability(market, matching.matchOf), document));
}

form.addEventListener("change", run);
run();
