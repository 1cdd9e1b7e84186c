import { replayFullTrace, type FullTraceEvent, type Scenario } from "@matchlab/core";
import type { FullRun } from "../engine/runFull.ts";

/** One position of a program as drawn at some step. */
export interface FullSlot {
  /** Holder's id, or null when open. */
  applicant: string | null;
  /** True when she holds it as her PGY-1 year (from a supplemental list). */
  pgy1: boolean;
  /** False for a drawn position the program does not have now (reverted away, or cut by an even-number request). */
  open: boolean;
}

/** What the full-rules theater draws after `step` events of the engine's trace. */
export interface FullFrame {
  /** Applicants top to bottom: singles, then each couple's two members next to each other. */
  applicants: string[];
  programs: string[];
  /** Couples as pairs of indices into `applicants` (adjacent). */
  couples: Array<[number, number]>;
  /** Per program, its slots: as many as the largest quota it ever has in the run. */
  slots: FullSlot[][];
  /** Per program, its quota now. */
  quota: number[];
  /** The event just played (null at step 0). */
  event: FullTraceEvent | null;
  narration: string;
  /** Applicants and programs of the loop just detected, to highlight. */
  inLoop: Set<string>;
}

/** Applicants in drawing order: singles in scenario order, then couple members pairwise. */
export function applicantOrder(scenario: Scenario): { applicants: string[]; couples: Array<[number, number]> } {
  const members = new Set((scenario.couples ?? []).flatMap((c) => c.members));
  const applicants = scenario.applicants.map((a) => a.id).filter((id) => !members.has(id));
  const couples: Array<[number, number]> = [];
  for (const c of scenario.couples ?? []) {
    couples.push([applicants.length, applicants.length + 1]);
    applicants.push(c.members[0], c.members[1]);
  }
  return { applicants, couples };
}

/** The largest quota each program reaches during the trace (so slots gained by reversion have a place). */
export function slotCapacity(run: FullRun): Map<string, number> {
  const initial = new Map(run.initialQuota);
  const most = new Map(initial);
  const now = new Map(initial);
  for (const e of run.events) {
    if (e.kind === "attempt" || e.kind === "fallback") for (const [p, q] of initial) now.set(p, q);
    else if (e.kind === "quota") {
      now.set(e.program!, e.count!);
      most.set(e.program!, Math.max(most.get(e.program!)!, e.count!));
    } else if (e.kind === "reversion" || e.kind === "reclaim") {
      const to = e.kind === "reversion" ? e.other! : e.program!;
      now.set(to, now.get(to)! + e.count!);
      now.set(e.kind === "reversion" ? e.program! : e.other!, now.get(e.kind === "reversion" ? e.program! : e.other!)! - e.count!);
      most.set(to, Math.max(most.get(to)!, now.get(to)!));
    }
  }
  return most;
}

/** The frame after `step` events (0 … run.events.length). */
export function fullFrame(scenario: Scenario, run: FullRun, capacity: ReadonlyMap<string, number>, step: number): FullFrame {
  const { applicants, couples } = applicantOrder(scenario);
  const initial = new Map(run.initialQuota);
  const state = replayFullTrace(run.events, initial, step);
  const programs = scenario.programs.map((p) => p.id);
  const slots = scenario.programs.map((p) => {
    // Holders in the program's order of preference, so a slot's occupant moves only when someone better arrives.
    const rank = new Map(p.rol.map((a, i) => [a, i]));
    const holders: FullSlot[] = [];
    for (const [a, q] of state.primary) if (q === p.id) holders.push({ applicant: a, pgy1: false, open: true });
    for (const [a, q] of state.supplemental) if (q === p.id) holders.push({ applicant: a, pgy1: true, open: true });
    holders.sort((x, y) => (rank.get(x.applicant!) ?? 0) - (rank.get(y.applicant!) ?? 0));
    const quota = state.quota.get(p.id) ?? p.quota;
    const drawn = Math.max(capacity.get(p.id) ?? p.quota, p.quota, holders.length);
    for (let k = holders.length; k < drawn; k++) holders.push({ applicant: null, pgy1: false, open: k < quota });
    return holders;
  });
  const event = step > 0 ? run.events[step - 1]! : null;
  const inLoop = new Set<string>(event?.loop === null || event === null ? [] : [...event.loop.applicants, ...event.loop.programs]);
  return {
    applicants,
    programs,
    couples,
    slots,
    quota: programs.map((p) => state.quota.get(p) ?? 0),
    event,
    narration: event === null ? "Press Play or step forward to watch the Roth–Peranson algorithm." : event.text,
    inLoop,
  };
}
