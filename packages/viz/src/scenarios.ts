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
  /** What to watch for, when the scenario's own description is a source note rather than a lesson. */
  intro?: string;
}

function builtIn(key: string, title: string, json: unknown, intro?: string): BuiltIn {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(`built-in scenario ${key} is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return { key, title, scenario: parsed.scenario, ...(intro === undefined ? {} : { intro }) };
}

/** The scenarios shipped with the app, in menu order. */
export const builtIns: readonly BuiltIn[] = [
  builtIn(
    "run-a-match",
    "NRMP Run-A-Match (5 applicants, 3 programs)",
    runAMatch,
    "The NRMP's own teaching example. Press Play: each applicant applies down her rank list; a program tentatively holds the best applicants it ranked, up to its positions, and when full bumps its least-preferred holder, who moves on down her list. Nothing is final until no one has anywhere left to apply. Here both proposing sides reach the same matching, because it is the only stable one.",
  ),
  builtIn(
    "appic-2x2",
    "APPIC 2×2: the proposing side matters",
    appic,
    "The smallest market where it matters who proposes: two applicants and two one-position programs whose preferences cross. Applicant-proposing gives each applicant her first choice; program-proposing gives each program its first choice. Switch the proposing side and both applicants change (marked ≠).",
  ),
  builtIn("who-proposes", "Lesson: who proposes", whoProposes),
  builtIn("long-shot", "Lesson: a long shot costs nothing", longShot),
  builtIn("short-list", "Lesson: a short list can leave you unmatched", shortList),
];

export const findBuiltIn = (key: string): BuiltIn | undefined => builtIns.find((b) => b.key === key);
