import { APPLICANT_TYPES, compileGenerated, deferredAcceptance, drawSeed, placeApplicant, planPlacement, scoreDraw, type MonteCarloOptions, type PlacedDrawerOptions } from "@matchlab/core";
import seedrandom from "seedrandom";
import type { PeerTally } from "./mcProtocol.ts";

/**
 * Scores draws `start … end - 1` (row per draw, as core's `scoreDrawRange`) and tallies her peers. The draws are
 * core's `createPlacedDrawer(drawer, seedrandom.alea)` spelled out, because the tally also reads the generated
 * applicants' types: per list length, how many others of her applicant type there were and how many matched.
 */
export function scoreLabRange(drawer: PlacedDrawerOptions, options: MonteCarloOptions, start: number, end: number, onDraw: (done: number) => void): { scores: Int32Array; peers: PeerTally } {
  const plan = planPlacement(drawer, seedrandom.alea(drawer.programSeed ?? "1"));
  const type = APPLICANT_TYPES.indexOf(drawer.profile.type);
  const S = options.strategies.length;
  const scores = new Int32Array((end - start) * S);
  const applicants: number[] = [];
  const matched: number[] = [];
  for (let d = start; d < end; d++) {
    const generated = placeApplicant(plan, seedrandom.alea(String(drawSeed(options.seed, d))));
    const market = compileGenerated(generated);
    scoreDraw(market, options, scores, (d - start) * S);
    const { matchOf } = deferredAcceptance(market);
    const types = generated.applicants?.type;
    // Everyone but her (she is last): her own chances are the strategies' figures.
    for (let a = 0; types !== undefined && a < market.nA - 1; a++) {
      if (types[a] !== type) continue;
      const length = market.appStart[a + 1]! - market.appStart[a]!;
      applicants[length] = (applicants[length] ?? 0) + 1;
      if (matchOf[a]! >= 0) matched[length] = (matched[length] ?? 0) + 1;
    }
    onDraw(d - start + 1);
  }
  const fill = (xs: number[]): number[] => Array.from(xs, (x) => x ?? 0);
  return { scores, peers: { applicants: fill(applicants), matched: fill(matched) } };
}

/** Sums tallies from several workers. */
export function addPeers(into: PeerTally, more: PeerTally): PeerTally {
  const sum = (x: number[], y: number[]): number[] => Array.from({ length: Math.max(x.length, y.length) }, (_, k) => (x[k] ?? 0) + (y[k] ?? 0));
  return { applicants: sum(into.applicants, more.applicants), matched: sum(into.matched, more.matched) };
}
