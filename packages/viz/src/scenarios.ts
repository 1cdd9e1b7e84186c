import { parseScenario, type Scenario } from "@matchlab/core";
import appic from "../../../scenarios/appic-2x2.json";
import runAMatch from "../../../scenarios/run-a-match-5x3.json";
import couplesNoStable from "../../../scenarios/couples-no-stable-matching.json";
import couplesOrder from "../../../scenarios/couples-order-matters.json";
import reversionChain from "../../../scenarios/reversion-chain.json";
import supplementalDerm from "../../../scenarios/supplemental-derm.json";
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
  builtIn(
    "couples-order-matters",
    "Couples: the order of admission matters",
    couplesOrder,
    "Two couples want the same pairs of programs. Both ways of seating them are stable, and neither is better for both couples: the NRMP's engine admits couples in a fixed order, and the couple admitted first takes the pair both prefer.",
  ),
  builtIn(
    "couples-no-stable-matching",
    "Couples: no stable matching",
    couplesNoStable,
    "With couples, a stable matching may not exist at all. In this four-person market every possible matching has a blocking pair or couple, so no algorithm can find a stable one: the engine stops, reports the loop it detected and the blocking case that remains.",
  ),
  builtIn(
    "supplemental-derm",
    "Supplemental list: an advanced position plus a PGY-1 year",
    supplementalDerm,
    "Ana matches the advanced Dermatology program (it starts in the second year) and, through her supplemental list, a preliminary PGY-1 year: bumped from IM-Prelim, she moves down her supplemental list to Surg-Prelim and keeps Dermatology.",
  ),
  builtIn(
    "reversion-chain",
    "Reversions: unfilled positions move on",
    reversionChain,
    "After everyone has applied, a program with unfilled positions can revert them to another program, which may revert its own in turn. Here Neuro-PGY2's unfilled position goes to IM-Prelim, where Eli takes it; FM never gets one.",
  ),
];

export const findBuiltIn = (key: string): BuiltIn | undefined => builtIns.find((b) => b.key === key);
