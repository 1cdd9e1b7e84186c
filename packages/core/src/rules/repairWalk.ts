import type { FullMarket } from "./fullMarket.ts";
import { beginStep } from "./loopDetector.ts";
import { checkFullStability, type FullBlocking } from "./fullStability.ts";
import { snapshot } from "./loopPolicy.ts";
import { drain } from "./repair.ts";
import { restoreRpState, saveRpState } from "./rpSnapshot.ts";
import { NEXT, pushAgent, type RpState } from "./rpState.ts";

/** How the repair walk ended. */
export interface WalkOutcome {
  /** True when the walk reached a matching the checker finds stable (then `s` holds it). */
  stable: boolean;
  /** Steps taken (each satisfies every blocking case of its matching, in a random order). */
  steps: number;
  /** Blocking cases left in the matching `s` holds at the end (the fewest seen). */
  blocking: number;
  proposals: number;
}

/**
 * Last fallback: a randomized walk that satisfies one blocking case at a time (Roth & Vande Vate 1990's random
 * paths to stability, with couples and supplemental lists). Each step checks the matching, lets the agent of
 * every blocking single, couple or supplemental case propose from the entry it blocks with, in a seeded random
 * order, and runs the displacement chains and repairs with a budget of `stepBudget` proposals; a step that
 * cycles (the loop detector fires) or runs out of budget just stops, leaving the displaced applicants unmatched, and the next step's check picks them up.
 * Bound: `maxSteps` × (one O(total list length) check + `stepBudget` proposals). Ends in the matching with the
 * fewest blocking cases seen.
 */
export function repairWalk(m: FullMarket, s: RpState, maxSteps: number, stepBudget: number, rng: () => number): WalkOutcome {
  // Bans from broken loops make a matching unstable on purpose; the walk lifts them.
  s.banList.length = 0;
  s.hasBan.fill(0);
  // A run stopped by a loop may not have admitted everyone; the walk takes everyone in.
  s.admitted.fill(1);
  // Some of them never proposed, so no entry of theirs is marked: every entry becomes a repair candidate.
  s.wants.fill(-1);
  s.marking = true;
  let best = Infinity;
  let bestState = saveRpState(s);
  let proposals = 0;
  for (let step = 0; ; step++) {
    const report = checkFullStability(m, snapshot(s));
    if (report.stable) return { stable: true, steps: step, blocking: 0, proposals };
    const n = report.blocking.length + report.overQuota.length + report.notMutual.length + report.splitCouples.length;
    if (n < best) {
      best = n;
      bestState = saveRpState(s);
    }
    if (step >= maxSteps || report.blocking.length === 0) break;
    // Every blocking case proposes, in a random order (the stack pops the last pushed first); one case at a
    // time would take a step per case after a run that stopped before admitting everyone.
    const cases = report.blocking;
    for (let i = cases.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = cases[i]!;
      cases[i] = cases[j]!;
      cases[j] = t;
    }
    for (const b of cases) satisfy(m, s, b);
    beginStep(s.detector);
    s.stepProposals = 0;
    s.stepVacated = true; // log bumps: the loop detector stops a cycling step long before the budget
    s.proposals = 0;
    drain(m, s, stepBudget);
    proposals += s.proposals;
    restoreStacks(s);
  }
  restoreRpState(s, bestState);
  return { stable: false, steps: maxSteps, blocking: best, proposals };
}

/** Puts the agent of blocking case `b` on the applicant stack, to propose from the entry it blocks with. */
function satisfy(m: FullMarket, s: RpState, b: FullBlocking): void {
  const { nA, appStart, appRol } = m.base;
  const a = b.applicant;
  if (b.kind === "couple") {
    const c = b.couple!;
    s.coupleNext[c] = b.pair!;
    pushAgent(s, nA + c);
  } else if (b.kind === "supplemental") {
    const list = s.suppList[a]!;
    for (let e = m.suppStart[list]!; e < m.suppStart[list + 1]!; e++) if (m.suppRol[e] === b.program) s.suppNext[a] = e;
    pushAgent(s, nA + m.nC + a);
  } else {
    for (let e = appStart[a]!; e < appStart[a + 1]!; e++) if (appRol[e] === b.program) s.app[4 * a + NEXT] = e;
    pushAgent(s, a);
  }
}

/** After a step stopped early: agents still on the stacks stay where they are (unmatched if displaced). */
function restoreStacks(s: RpState): void {
  while (s.appTop > 0) s.onAppStack[s.appStack[--s.appTop]!] = 0;
  while (s.progTop > 0) s.onProgStack[s.progStack[--s.progTop]!] = 0;
  s.looped = false;
}
