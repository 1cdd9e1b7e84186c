import { parseScenario, type Scenario } from "@matchlab/core";
import appic from "../../../scenarios/appic-2x2.json";
import runAMatch from "../../../scenarios/run-a-match-5x3.json";
import longShot from "../../../scenarios/teaching-long-shot.json";
import shortList from "../../../scenarios/teaching-short-list.json";
import whoProposes from "../../../scenarios/teaching-who-proposes.json";

export interface BuiltIn {
  /** Stable key used in the address (`#/theater?scenario=run-a-match`). */
  key: string;
  title: string;
  scenario: Scenario;
}

function builtIn(key: string, title: string, json: unknown): BuiltIn {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(`built-in scenario ${key} is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return { key, title, scenario: parsed.scenario };
}

/** The scenarios shipped with the app, in menu order. */
export const builtIns: readonly BuiltIn[] = [
  builtIn("run-a-match", "NRMP Run-A-Match (5 applicants, 3 programs)", runAMatch),
  builtIn("appic-2x2", "APPIC 2×2: the proposing side matters", appic),
  builtIn("who-proposes", "Lesson: who proposes", whoProposes),
  builtIn("long-shot", "Lesson: a long shot costs nothing", longShot),
  builtIn("short-list", "Lesson: a short list can leave you unmatched", shortList),
];

export const findBuiltIn = (key: string): BuiltIn | undefined => builtIns.find((b) => b.key === key);
