import appic from "../../../scenarios/appic-2x2.json";
import runAMatch from "../../../scenarios/run-a-match-5x3.json";

/** Built-in scenarios, bundled with the app (validated again at load like any user file). */
export const builtInScenarios: ReadonlyArray<{ key: string; label: string; data: unknown }> = [
  { key: "run-a-match", label: "Run A Match (NRMP): 5 applicants, 3 programs", data: runAMatch },
  { key: "appic-2x2", label: "APPIC 2×2: the proposing side matters", data: appic },
];
