import type { FullMarket } from "./fullMarket.ts";
import type { EvenCut } from "./evenRequests.ts";
import { checkFullStability } from "./fullStability.ts";
import { snapshot, type LoopPolicy } from "./loopPolicy.ts";
import { shuffleRange } from "../generate/random.ts";
import type { ReversionEvent } from "./reversions.ts";
import { admitCouples, admitSingles, endGame } from "./rothPeranson.ts";
import { restoreRpState, saveRpState } from "./rpSnapshot.ts";
import { resetRpState, type RpState } from "./rpState.ts";

/** How the Kojima–Pathak–Roth fallback ended. */
export interface KprOutcome {
  /** True when an order inserted every couple without freeing a position and the checker finds the result stable. */
  found: boolean;
  /** Couple orders tried (each one a full pass over the couples at most). */
  orders: number;
  /** Proposals made over all orders. */
  proposals: number;
}

/**
 * The Kojima–Pathak–Roth sequential couples algorithm (Kojima, Pathak & Roth 2013, §IV), on the Roth–Peranson
 * engine: deferred acceptance with the singles first, then the couples inserted one at a time, each proposing
 * down its pairs while the singles it displaces propose on down their lists. As long as no step frees a position
 * (a couple member displaced, which withdraws her partner; a PGY-1 match lost with its advanced one), programs only
 * ever trade up, so every rejection stays valid and the end result is stable. A step that frees a position fails
 * the order; the next order is a new seeded shuffle, started again from the singles-only matching (saved once).
 * Returns with `s` holding the stable matching when `found`, otherwise an unspecified state.
 */
export function kojimaPathakRoth(
  m: FullMarket,
  s: RpState,
  maxOrders: number,
  rng: () => number,
  maxStep: number,
  reversions: ReversionEvent[],
  evenCuts: EvenCut[],
): KprOutcome {
  resetRpState(m, s);
  // Loops among the singles (supplemental lists) are broken as in the main run; the checker judges the end result.
  const relaxed: LoopPolicy = { breakLoops: true, broken: [], attempt: 0 };
  if (!admitSingles(m, s, m.singlesOrder, maxStep, relaxed)) return { found: false, orders: 0, proposals: s.proposals };
  const singlesOnly = saveRpState(s);
  let proposals = s.proposals;
  const order = Uint32Array.from(m.couplesOrder);
  const strict: LoopPolicy = { breakLoops: false, broken: [], attempt: 0 };
  for (let t = 1; t <= maxOrders; t++) {
    if (t > 1) restoreRpState(s, singlesOnly);
    s.proposals = 0;
    shuffleRange(order, 0, order.length, rng);
    s.abortOnVacate = true;
    const admitted = admitCouples(m, s, order, maxStep, strict);
    s.abortOnVacate = false;
    if (admitted === order.length) {
      reversions.length = 0;
      evenCuts.length = 0;
      const ended = endGame(m, s, maxStep, reversions, evenCuts, relaxed);
      proposals += s.proposals;
      if (ended && checkFullStability(m, snapshot(s)).stable) return { found: true, orders: t, proposals };
    } else {
      proposals += s.proposals;
    }
  }
  return { found: false, orders: maxOrders, proposals };
}
