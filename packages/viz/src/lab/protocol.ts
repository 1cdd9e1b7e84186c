import type { PlacedDrawerOptions, Scenario } from "@matchlab/core";
import type { LabExhaustive, LabWhatIf } from "./session.ts";
import type { MythResult } from "./myths.ts";

/** What the lab asks its engine (in the lab's Web Worker, or inline where there is none). */
export type LabRequest =
  | { kind: "loadScenario"; scenario: Scenario; applicant: string }
  | { kind: "place"; options: PlacedDrawerOptions; seed: number }
  | { kind: "whatIf"; trueList: string[]; submitted: string[] }
  | { kind: "exhaustive"; trueList: string[] }
  | { kind: "myths"; trueList: string[] };

/** The market the lab holds, in ids. */
export interface LabLoaded {
  applicant: string;
  /** Her list in the market: the lab's starting true list. */
  trueList: string[];
  /** Every program id of the market, for the "add a program" suggestions. */
  programIds: string[];
  applicants: number;
  programs: number;
  /** Milliseconds the engine spent building the market and settling it without her. */
  ms: number;
}

export interface LabAnswers {
  loadScenario: LabLoaded;
  place: LabLoaded;
  whatIf: LabWhatIf;
  exhaustive: LabExhaustive;
  myths: MythResult[];
}

export type LabMessage = { id: number; request: LabRequest };

export type LabReply =
  | { id: number; type: "progress"; stage: string; done: number; total: number }
  | { id: number; type: "ok"; value: LabAnswers[LabRequest["kind"]] }
  | { id: number; type: "error"; message: string };
