import { readFileSync } from "node:fs";
import { checkStability, collectResult, compileCsr, scanSimpleScenario, solve, parseScenarioTextResolved, compileMarket } from "@matchlab/core";
import { runCli } from "../packages/core/src/cli/program.ts";
import { processIo } from "../packages/core/src/cli/io.ts";
const file = process.argv[2]!;
const t = (label: string, f: () => unknown) => { const c0 = process.cpuUsage(); const t0 = performance.now(); const v = f(); const c = process.cpuUsage(c0); console.log(label.padEnd(12), (performance.now() - t0).toFixed(1).padStart(7), "ms wall", ((c.user + c.system) / 1000).toFixed(1).padStart(7), "ms cpu"); return v; };
for (let rep = 0; rep < 3; rep++) {
  console.log("--", rep);
  const bytes = t("read", () => readFileSync(file)) as Buffer;
  const s = t("scan", () => scanSimpleScenario(bytes))!;
  const m = t("compileCsr", () => compileCsr(s));
  const mt = t("solve", () => solve(m));
  t("stability", () => checkStability(m, mt.matchOf));
  t("collect", () => collectResult(m, mt));
  for (const args of [[], ["--json"]]) {
    let out = 0;
    t("cli " + args.join(""), () => runCli(["match", file, ...args], { ...processIo, stdout: (x) => void (out += x.length) }));
  }
  if (rep === 0) { const text = bytes.toString("latin1"); t("old parse", () => parseScenarioTextResolved(text)); }
}
