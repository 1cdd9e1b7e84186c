import type { FullMarket } from "./fullMarket.ts";
import { checkFullStability, type FullAssignment } from "./fullStability.ts";
import { beginStep, loopParticipants } from "./loopDetector.ts";
import { drain } from "./repair.ts";
import { banPair, NEXT, POS, primaries, pushAgent, type RpState } from "./rpState.ts";
import type { LoopReport } from "./rothPeranson.ts";
import { traceLoopBroken } from "./fullTraceHooks.ts";
import { FullEventKind, recordFull } from "./fullTrace.ts";

/**
 * What the Roth–Peranson engine does about loops. A loop is broken by banning the pair that kept repeating (that
 * program no longer takes her) and the step goes on; at the end, `polish` lifts the bans and lets every blocking
 * agent propose again, a few times, since most loops are inessential (Roth & Vande Vate 1990).
 */

/** How a run reacts to a loop: stop (to retry in another order), or break it and go on (the last attempt). */
export interface LoopPolicy {
  breakLoops: boolean;
  /** Loops broken so far in this run, newest last. */
  broken: LoopReport[];
  attempt: number;
}

/** Runs the stacks empty; under `breakLoops` a loop bans its repeating pair and the step goes on. */
export function settle(m: FullMarket, s: RpState, maxStep: number, policy: LoopPolicy): boolean {
  for (;;) {
    if (drain(m, s, maxStep)) return true;
    if (!policy.breakLoops || policy.broken.length >= MAX_BROKEN_LOOPS) return false;
    const d = s.detector;
    policy.broken.push(loopReport(m, s, policy.attempt));
    if (s.trace !== null) traceLoopBroken(s, policy.broken[policy.broken.length - 1]!);
    banPair(s, d.logApplicant[Math.max(d.loopStart, 0)]!, d.logProgram[Math.max(d.loopStart, 0)]!);
    beginStep(d);
    s.looped = false;
    s.stepProposals = 0;
  }
}

/**
 * Loops one run may break before it gives up on its order. A run that keeps meeting loops is rarely rescued by
 * breaking more (2,000-applicant markets with 20 % in couples broke 1,000 in 4 s and still ended with hundreds of
 * blocking cases); a new order or the fallbacks do better, sooner.
 */
const MAX_BROKEN_LOOPS = 64;

/** The loop the detector saw, with the partners of couple members in it (they are withdrawn, not bumped). */
export function loopReport(m: FullMarket, s: RpState, attempt: number): LoopReport {
  const { applicants, programs } = loopParticipants(s.detector);
  for (const a of [...applicants]) {
    const c = m.coupleOf[a]!;
    if (c < 0) continue;
    const partner = m.coupleMembers[2 * c] === a ? m.coupleMembers[2 * c + 1]! : m.coupleMembers[2 * c]!;
    if (!applicants.includes(partner)) applicants.push(partner);
  }
  return { applicants, programs, attempt };
}

/** The current matching as the stability checker reads it (the per-applicant fields copied out of `app`). */
export function snapshot(s: RpState): FullAssignment {
  // primaryPos is a single's appRol entry at her match (a pair index for couple members, which the checker ignores).
  return { primaryOf: primaries(s), supplementalOf: s.supp, couplePair: s.couplePair, quota: s.quota, lent: s.lent, primaryEntry: primaries(s, POS) };
}


/** Polishing rounds after a run that broke loops. */
const POLISH_ROUNDS = 8;

/**
 * After a run that broke loops: lift the bans and let the banned applicants propose again; then, while the
 * matching is unstable, put every blocking agent back on the applicant stack, from the top of her list, and run
 * the stacks (breaking loops again if need be).
 * Returns true once the checker finds the matching stable.
 */
export function polish(m: FullMarket, s: RpState, maxStep: number, policy: LoopPolicy): boolean {
  const { nA, appStart } = m.base;
  // First, without a stability check: lift the bans and let each banned applicant propose again from the top.
  const banned = s.banList.slice();
  if (s.trace !== null) recordFull(s.trace, FullEventKind.polish, -1, -1, -1, -1, banned.length / 2);
  s.banList.length = 0;
  s.hasBan.fill(0);
  beginStep(s.detector);
  s.stepProposals = 0;
  s.stepVacated = true;
  for (let i = banned.length - 2; i >= 0; i -= 2) {
    const a = banned[i]!;
    const c = m.coupleOf[a]!;
    if (c >= 0) {
      s.coupleNext[c] = m.pairStart[c]!;
      pushAgent(s, nA + c);
    } else {
      s.app[4 * a + NEXT] = appStart[a]!;
      pushAgent(s, a);
    }
    if (s.suppList[a]! >= 0) {
      s.suppNext[a] = m.suppStart[s.suppList[a]!]!;
      pushAgent(s, nA + m.nC + a);
    }
  }
  if (!settle(m, s, maxStep, policy)) return false;
  let previous = Infinity;
  for (let round = 0; round < POLISH_ROUNDS; round++) {
    const report = checkFullStability(m, snapshot(s));
    if (report.stable) return true;
    // A round that left as many blocking cases as the one before is going round a loop: stop paying checks.
    if (report.blocking.length >= previous) return false;
    previous = report.blocking.length;
    s.banList.length = 0;
    s.hasBan.fill(0);
    beginStep(s.detector);
    s.stepProposals = 0;
    s.stepVacated = true;
    for (let i = report.blocking.length - 1; i >= 0; i--) {
      const b = report.blocking[i]!;
      const a = b.applicant;
      if (b.kind === "couple") {
        const c = m.coupleOf[a]!;
        s.coupleNext[c] = m.pairStart[c]!;
        pushAgent(s, nA + c);
      } else if (b.kind === "supplemental") {
        s.suppNext[a] = m.suppStart[s.suppList[a]!]!;
        pushAgent(s, nA + m.nC + a);
      } else {
        s.app[4 * a + NEXT] = appStart[a]!;
        pushAgent(s, a);
      }
    }
    if (!settle(m, s, maxStep, policy)) return false;
  }
  return checkFullStability(m, snapshot(s)).stable;
}
