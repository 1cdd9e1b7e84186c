import type { FullMarket } from "./fullMarket.ts";
import { beginStep } from "./loopDetector.ts";
import { applyEvenRequest, type EvenCut } from "./evenRequests.ts";
import { loopReport, polish, settle, snapshot, type LoopPolicy } from "./loopPolicy.ts";
import { checkFullStability } from "./fullStability.ts";
import seedrandom from "seedrandom";
import { shuffleRange } from "../generate/random.ts";
import { revertUnfilled, type ReversionEvent } from "./reversions.ts";
import { createRpState, POS, PRIMARY, pushAgent, resetRpState, stepStopped, type RpState } from "./rpState.ts";
import type { FullTrace } from "./fullTrace.ts";
import { takeArray, type Workspace } from "../workspace.ts";
import { traceAdmit, traceAttempt, traceFallbackResult } from "./fullTraceHooks.ts";
import { FullEventKind, recordFull } from "./fullTrace.ts";
import { proposeSingle } from "./proposals.ts";
import { keepLeastUnstable, runFallbacks, type KeptRun } from "./fallbacks.ts";
import { restoreRpState } from "./rpSnapshot.ts";
import { markCouples } from "./repairCandidates.ts";

export interface RothPeransonOptions {
  /**
   * Re-orderings to try when a run that met loops ends unstable (Roth & Peranson's remedy); 0 tries only the
   * production order. Ignored when there is nothing to re-order (fewer than two couples, no supplemental lists).
   * @defaultValue 20
   */
  maxReorderings?: number;
  /**
   * Random source for the re-orderings, `() => number` in [0, 1) such as `seedrandom(seed)`.
   * @defaultValue `seedrandom("1")`
   */
  rng?: () => number;
  /**
   * Couples in admission order (couple indices); it replaces the production order for the first attempt.
   * @defaultValue ascending lower member id (ALGORITHM.md §9)
   */
  coupleOrder?: ArrayLike<number>;
  /**
   * Event log to fill (see `createFullTrace`); every attempt is logged, each starting with an `attempt` event.
   * @defaultValue none (no recording, no cost)
   */
  trace?: FullTrace;
  /**
   * Couple orders the Kojima–Pathak–Roth fallback may try once every Roth–Peranson order ended unstable (kpr.ts);
   * 0 turns it off.
   * @defaultValue 20
   */
  maxKprOrders?: number;
  /**
   * Blocking cases the last-resort repair walk may satisfy once both the re-orderings and Kojima–Pathak–Roth
   * failed (repairWalk.ts), each step one stability check; 0 turns it off.
   * @defaultValue 20
   */
  maxWalkSteps?: number;
  /**
   * Buffers to reuse across runs (see `createWorkspace`): the engine's state lives in it, so reruns on markets of
   * the same size touch no fresh memory. The returned matching's arrays are then views into it too, which the next
   * run with the same workspace overwrites (copy them to keep them), as with `deferredAcceptance`.
   * @defaultValue none: every run allocates its own state and its own result
   */
  workspace?: Workspace;
}

/**
 * Which method produced the returned matching: the production order, a seeded re-ordering of the couples, the
 * Kojima–Pathak–Roth fallback, the repair walk, or none of them (the matching is the best unstable one found).
 */
export type FullMethod = "roth-peranson" | "reordered" | "kpr" | "repair-walk" | "none";

/** The loop the detector saw: who and which programs were cycling. */
export interface LoopReport {
  applicants: number[];
  programs: number[];
  /** 0-based attempt in which it happened (0 = the production order). */
  attempt: number;
}

/** A Roth–Peranson outcome in index form. */
export interface FullMatching {
  /** Per applicant, her primary program (couple members included); -1 when unmatched. */
  readonly primaryOf: Int32Array;
  /** Per applicant, her PGY-1 program from a supplemental list; -1 when none. */
  readonly supplementalOf: Int32Array;
  /** Per single, her appRol entry at `primaryOf` (so her rank is entry - appStart[a]); -1 otherwise. */
  readonly primaryEntry: Int32Array;
  /** Per applicant, her suppRol entry at `supplementalOf`; -1 when none. */
  readonly supplementalEntry: Int32Array;
  /** Per couple, its matched pair index into the pair arrays; -1 when unmatched. */
  readonly couplePair: Int32Array;
  /** Final quota per program, after even-number requests and reversions. */
  readonly quota: Int32Array;
  /** Per program, reverted positions it may still claim back (see `checkFullStability`). */
  readonly lent: Int32Array;
  readonly reversions: readonly ReversionEvent[];
  /** Even-number requests applied. */
  readonly evenCuts: readonly EvenCut[];
  /** The last loop detected, or null when the first attempt ran clean. */
  readonly loop: LoopReport | null;
  /** Loops detected over all attempts. */
  readonly loopsDetected: number;
  /**
   * Loops broken in the returned run, each by banning the pair (applicant, program) that kept repeating; the run
   * then goes on. A run that broke loops is kept only if the checker finds it stable, or if it is the last attempt.
   */
  readonly loopsBroken: number;
  /** Re-orderings used; when `method` is "reordered", the result comes from attempt `reorderings`. */
  readonly reorderings: number;
  /** Which method found the matching (see `FullMethod`); "none" exactly when `completed` is false. */
  readonly method: FullMethod;
  /** Couple orders the Kojima–Pathak–Roth fallback tried (0 when it did not run). */
  readonly kprOrders: number;
  /** Blocking cases the repair walk satisfied (0 when it did not run). */
  readonly walkSteps: number;
  /** True when the returned matching is stable; false when every order left it unstable (or no stable matching exists). */
  readonly completed: boolean;
  readonly proposals: number;
}

/** Admits `agent` as step k and runs the chains to the end; false when a loop stopped the run. */
export function admit(m: FullMarket, s: RpState, agent: number, maxStep: number, policy: LoopPolicy): boolean {
  beginStep(s.detector);
  s.stepProposals = 0;
  s.stepVacated = false;
  if (s.trace !== null) traceAdmit(m, s.trace, agent);
  if (agent < m.base.nA && s.trace === null && s.onAppStack[agent] === 0) {
    // A single's step starts with her own proposal, as `drain` would pop her first: skip the round trip.
    s.stepLimit = maxStep;
    proposeSingle(m, s, agent);
    // Most steps are a plain chain that leaves both stacks empty: nothing left to settle.
    if (s.appTop === 0 && s.progTop === 0 && !stepStopped(s)) return true;
  } else {
    pushAgent(s, agent);
  }
  return settle(m, s, maxStep, policy);
}

export function runOnce(m: FullMarket, s: RpState, singlesOrder: Uint32Array, coupleOrder: Uint32Array, maxStep: number, reversions: ReversionEvent[], evenCuts: EvenCut[], policy: LoopPolicy): boolean {
  resetRpState(m, s);
  if (s.trace !== null) traceAttempt(s.trace, coupleOrder);
  return admitSingles(m, s, singlesOrder, maxStep, policy) && admitCouples(m, s, coupleOrder, maxStep, policy) === coupleOrder.length && endGame(m, s, maxStep, reversions, evenCuts, policy);
}

/** Admits the singles one step each, in `order`; false when a loop stopped the run. */
export function admitSingles(m: FullMarket, s: RpState, order: Uint32Array, maxStep: number, policy: LoopPolicy): boolean {
  for (let i = 0; i < order.length; i++) {
    const a = order[i]!;
    s.admitted[a] = 1;
    if (!admit(m, s, a, maxStep, policy)) return false;
  }
  return true;
}

/**
 * Admits the couples one step each, in `order`. Returns how many were admitted: `order.length`, or the position
 * in `order` of the couple whose step a loop (or, under `abortOnVacate`, a vacancy) stopped.
 */
export function admitCouples(m: FullMarket, s: RpState, order: ArrayLike<number>, maxStep: number, policy: LoopPolicy): number {
  const { nA } = m.base;
  markCouples(m, s.wants);
  for (let i = 0; i < order.length; i++) {
    const c = order[i]!;
    s.admitted[m.coupleMembers[2 * c]!] = 1;
    s.admitted[m.coupleMembers[2 * c + 1]!] = 1;
    if (!admit(m, s, nA + c, maxStep, policy)) return i;
  }
  return order.length;
}

/**
 * End game: even requests, then reversions, each in ascending program id, each one's bumps and repairs run at
 * once; rounds repeat until nothing changes (ALGORITHM.md §9, rules 5–9). Each round is one step for the loop detector.
 */
export function endGame(m: FullMarket, s: RpState, maxStep: number, reversions: ReversionEvent[], evenCuts: EvenCut[], policy: LoopPolicy): boolean {
  // Positions only move downstream except when claimed back, so a long run of rounds means they are circling.
  const maxRounds = 2 * m.base.nP + 16;
  for (let round = 1; ; round++) {
    if (round > maxRounds) return false;
    beginStep(s.detector);
    if (s.trace !== null) recordFull(s.trace, FullEventKind.endRound, -1, -1, -1, -1, round);
    s.stepProposals = 0;
    s.stepVacated = true;
    let changed = false;
    for (const p of m.evenPrograms) {
      if (!applyEvenRequest(m, s, p, round, evenCuts)) continue;
      changed = true;
      if (!settle(m, s, maxStep, policy)) return false;
    }
    for (const from of m.donors) {
      if (!revertUnfilled(m, s, from, round, reversions)) continue;
      changed = true;
      if (!settle(m, s, maxStep, policy)) return false;
    }
    if (!changed) return true;
  }
}

/**
 * The Roth–Peranson instability-chaining algorithm (Roth & Peranson 1999; ALGORITHM.md §8–§9): singles in
 * ascending id, then couples, each admitted as one step whose displacement chains and repairs run until both
 * stacks are empty; then even-number requests and reversions. A detected loop is broken (its repeating pair is
 * banned) and the run goes on; if the result is then unstable even after polishing (see loopPolicy.ts), the run
 * restarts with the couples (and, with supplemental lists, the singles) in a seeded random order, at most
 * `maxReorderings` times. If no order ends stable, the fallbacks run from the least unstable run (fallbacks.ts):
 * Kojima–Pathak–Roth's sequential couples algorithm (`maxKprOrders` seeded orders), then a seeded repair walk
 * (`maxWalkSteps` steps). `method` says which one found the matching; "none" means none did (with couples a
 * stable matching may not exist at all), and the matching returned is the least unstable one seen.
 *
 * Termination: at most `maxReorderings + 1` runs, each of nA + nC admission steps and the end-game rounds
 * (≤ 2 nP + 16), every step capped at `maxStep` proposals (64 × total list length), at most 64 loops broken and 8
 * polishing rounds per run; then at most `maxKprOrders` passes over the couples and `maxWalkSteps` walk steps of
 * one stability check plus at most one total list length of proposals each.
 * On a simple market the result is applicant-proposing deferred acceptance, exactly.
 */
export function rothPeranson(m: FullMarket, options: RothPeransonOptions = {}): FullMatching {
  const maxReorderings = count("maxReorderings", options.maxReorderings, 20);
  const maxKprOrders = count("maxKprOrders", options.maxKprOrders, 20);
  const maxWalkSteps = count("maxWalkSteps", options.maxWalkSteps, 20);
  const rng = options.rng ?? seedrandom("1");
  const s = createRpState(m, options.workspace);
  s.trace = options.trace ?? null;
  const order = Uint32Array.from(options.coupleOrder ?? m.couplesOrder);
  // A copy (re-orderings shuffle it), from the workspace; `set`, not `Uint32Array.from`, which iterates.
  const singles = takeArray(options.workspace, "rp.singles", Uint32Array, m.singlesOrder.length);
  singles.set(m.singlesOrder);
  const { appStart, nA } = m.base;
  // A step that proposes more than this is cycling even if the detector has not seen a repeat yet.
  const maxStep = 64 * (appStart[nA]! + m.pairStart[m.nC]! + m.suppStart[m.suppStart.length - 1]! + nA) + 4096;
  let loop: LoopReport | null = null;
  let loopsDetected = 0;
  // With fewer than two couples (and no supplemental lists) there is no other order worth trying.
  const tries = m.nC < 2 && m.suppOwner.length === 0 ? 0 : maxReorderings;
  let reversions: ReversionEvent[] = [];
  let evenCuts: EvenCut[] = [];
  let attempt = 0;
  let completed = false;
  let proposals = 0;
  // Each attempt breaks the loops it meets (banning the pair that kept repeating) and goes on, then checks the
  // result: a loop is often inessential and the run still ends stable. Otherwise the couples are re-ordered.
  let loopsBroken = 0;
  let kept: KeptRun | null = null;
  for (; ; attempt++) {
    const policy: LoopPolicy = { breakLoops: true, broken: [], attempt };
    reversions = [];
    evenCuts = [];
    const finished = runOnce(m, s, singles, order, maxStep, reversions, evenCuts, policy);
    completed = finished && (policy.broken.length === 0 || polish(m, s, maxStep, policy));
    // With reversions, a bump can leave a lent position unfilled downstream that the donor could claim back
    // (un-reverting, [RP99] fn. 8); the chains do not always see it, so such a run is confirmed by the checker
    // (one O(total) pass) rather than assumed stable.
    if (completed && m.donors.length > 0) completed = checkFullStability(m, snapshot(s)).stable;
    proposals += s.proposals;
    loopsBroken = policy.broken.length;
    loopsDetected += loopsBroken + (finished ? 0 : 1);
    if (!finished) loop = loopReport(m, s, attempt);
    else if (loopsBroken > 0) loop = policy.broken[loopsBroken - 1]!;
    if (completed) break;
    // A run stopped early holds a partial matching: the least unstable run is the one to return or start from.
    kept = keepLeastUnstable(m, s, kept, reversions, evenCuts, loopsBroken);
    if (attempt >= tries) break;
    // Another order: the couples (Roth & Peranson's remedy) and, when loops involve supplemental lists, singles.
    order.set(m.couplesOrder);
    shuffleRange(order, 0, order.length, rng);
    if (m.suppOwner.length > 0) shuffleRange(singles, 0, singles.length, rng);
  }
  let method: FullMethod = completed ? (attempt === 0 ? "roth-peranson" : "reordered") : "none";
  let kprOrders = 0;
  let walkSteps = 0;
  if (!completed && kept !== null) {
    restoreRpState(s, kept.state);
    ({ reversions, evenCuts, loopsBroken } = kept);
    // The fallbacks restore saved states that no event could follow: they run untraced, and the trace then
    // records the matching they return.
    const trace = s.trace;
    s.trace = null;
    const fallback = runFallbacks(m, s, rng, maxStep, maxKprOrders, maxWalkSteps, reversions, evenCuts);
    s.trace = trace;
    ({ method, kprOrders, walkSteps, reversions, evenCuts } = fallback);
    if (trace !== null) traceFallbackResult(m, s, trace, method === "kpr" ? 1 : method === "repair-walk" ? 2 : 0, reversions);
    proposals += fallback.proposals;
    completed = method !== "none";
  }
  // The result's arrays: from the workspace when given (views the next run overwrites, as deferredAcceptance's).
  const { workspace } = options;
  const primaryOf = takeArray(workspace, "rp.out.primaryOf", Int32Array, nA);
  const primaryEntry = takeArray(workspace, "rp.out.primaryEntry", Int32Array, nA);
  for (let a = 0; a < nA; a++) {
    primaryOf[a] = s.app[4 * a + PRIMARY]!;
    primaryEntry[a] = m.coupleOf[a] === -1 ? s.app[4 * a + POS]! : -1;
  }
  const copy = (role: string, from: Int32Array): Int32Array => {
    const out = takeArray(workspace, `rp.out.${role}`, Int32Array, from.length);
    out.set(from);
    return out;
  };
  return {
    primaryOf,
    supplementalOf: copy("supplementalOf", s.supp),
    primaryEntry,
    supplementalEntry: copy("supplementalEntry", s.suppEntry),
    couplePair: copy("couplePair", s.couplePair),
    quota: copy("quota", s.quota),
    lent: copy("lent", s.lent),
    reversions,
    evenCuts,
    loop,
    loopsDetected,
    loopsBroken,
    reorderings: attempt,
    method,
    kprOrders,
    walkSteps,
    completed,
    proposals,
  };
}

function count(name: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`rothPeranson: ${name} must be a whole number ≥ 0`);
  return n;
}
