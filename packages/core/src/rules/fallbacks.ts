import type { EvenCut } from "./evenRequests.ts";
import type { FullMarket } from "./fullMarket.ts";
import { kojimaPathakRoth } from "./kpr.ts";
import { repairWalk } from "./repairWalk.ts";
import type { ReversionEvent } from "./reversions.ts";
import type { FullMethod } from "./rothPeranson.ts";
import { restoreRpState, saveRpState } from "./rpSnapshot.ts";
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
