import type { EvenCut } from "./evenRequests.ts";
import type { FullMarket } from "./fullMarket.ts";
import { kojimaPathakRoth } from "./kpr.ts";
import { repairWalk } from "./repairWalk.ts";
import type { ReversionEvent } from "./reversions.ts";
import type { FullMethod } from "./rothPeranson.ts";
import { checkFullStability } from "./fullStability.ts";
import { snapshot } from "./loopPolicy.ts";
import { restoreRpState, saveRpState, type RpSnapshot } from "./rpSnapshot.ts";
import type { RpState } from "./rpState.ts";

/** What the fallbacks did, for `FullMatching`. */
export interface FallbackOutcome {
  method: FullMethod;
  kprOrders: number;
  walkSteps: number;
  proposals: number;
  reversions: ReversionEvent[];
  evenCuts: EvenCut[];
}

/**
 * Called when every Roth–Peranson order ended unstable, with `s` holding the last one's matching. First the
 * Kojima–Pathak–Roth sequential couples algorithm (`maxKprOrders` seeded couple orders); if none works, back to
 * the Roth–Peranson matching and a seeded repair walk from it (`maxWalkSteps` blocking cases). `s` ends holding
 * the matching to return: stable when `method` is not "none", else the one with the fewest blocking cases the
 * walk saw.
 */
export function runFallbacks(
  m: FullMarket,
  s: RpState,
  rng: () => number,
  maxStep: number,
  maxKprOrders: number,
  maxWalkSteps: number,
  reversions: ReversionEvent[],
  evenCuts: EvenCut[],
): FallbackOutcome {
  let kprOrders = 0;
  let proposals = 0;
  if (maxKprOrders > 0 && m.nC > 0) {
    const rp = saveRpState(s);
    const kprReversions: ReversionEvent[] = [];
    const kprCuts: EvenCut[] = [];
    const kpr = kojimaPathakRoth(m, s, maxKprOrders, rng, maxStep, kprReversions, kprCuts);
    kprOrders = kpr.orders;
    proposals += kpr.proposals;
    if (kpr.found) return { method: "kpr", kprOrders, walkSteps: 0, proposals, reversions: kprReversions, evenCuts: kprCuts };
    restoreRpState(s, rp);
  }
  if (maxWalkSteps === 0) return { method: "none", kprOrders, walkSteps: 0, proposals, reversions, evenCuts };
  // A step's budget: one full pass over every list, ample for a chain that ends, small beside a whole run.
  const stepBudget = Math.min(maxStep, m.base.appStart[m.base.nA]! + m.pairStart[m.nC]! + m.suppRol.length + 4096);
  const walk = repairWalk(m, s, maxWalkSteps, stepBudget, rng);
  proposals += walk.proposals;
  return { method: walk.stable ? "repair-walk" : "none", kprOrders, walkSteps: walk.steps, proposals, reversions, evenCuts };
}

/** The least unstable run so far, kept to return (or to start the fallbacks from) when no order ends stable. */
export interface KeptRun {
  state: RpSnapshot;
  /** Blocking cases plus quota, mutuality and split-couple faults: what the checker counts against it. */
  faults: number;
  reversions: ReversionEvent[];
  evenCuts: EvenCut[];
  loopsBroken: number;
}

/** Returns `kept`, or the run `s` holds now if the checker counts fewer faults in it. One O(total) check. */
export function keepLeastUnstable(m: FullMarket, s: RpState, kept: KeptRun | null, reversions: ReversionEvent[], evenCuts: EvenCut[], loopsBroken: number): KeptRun {
  const report = checkFullStability(m, snapshot(s));
  const faults = report.blocking.length + report.overQuota.length + report.notMutual.length + report.splitCouples.length;
  if (kept !== null && kept.faults <= faults) return kept;
  return { state: saveRpState(s), faults, reversions, evenCuts, loopsBroken };
}
