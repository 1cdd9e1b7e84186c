import { checkStability, type CompiledMarket } from "@matchlab/core";
import type { SideRun } from "../engine/runScenario.ts";
import type { BipartiteData } from "./bipartiteData.ts";
import { frameFromMatching, holdersToMatch, replay } from "./replay.ts";

/** What the theater shows at one moment, computed from its state alone (no page access, so it is testable). */
export interface Scene {
  data: BipartiteData;
  narration: string;
  /** Caption of the matching table: final, hand-made or tentative. */
  caption: string;
  /** Per applicant, the program shown for her (tentative hold, final or hand-made); -1 when none. */
  shown: Int32Array;
}

export interface SceneState {
  market: CompiledMarket;
  quota: readonly number[];
  run: SideRun;
  differs: Uint8Array;
  /** Events played so far. */
  step: number;
  /** A hand-made matching ("try to break it"), or null to show the engine's trace. */
  hand: Int32Array | null;
  selected: number;
  /** A stable matching picked in the lattice, shown instead of the run; null when none is picked. */
  stable?: StableShown | null;
}

/** A stable matching picked in the lattice: the matching, who moved in the last step, its label. */
export interface StableShown {
  matchOf: Int32Array;
  moved: Uint8Array;
  label: string;
}

export function scene(state: SceneState): Scene {
  const { market, quota, run, step } = state;
  const stable = state.stable ?? null;
  // A lattice pick is shown like a hand-made matching (final, no event), but it is stable by construction.
  const hand = state.hand ?? stable?.matchOf ?? null;
  const nA = market.nA;
  const trace = run.trace;
  const total = trace?.kind.length ?? 0;
  const frame = hand !== null ? frameFromMatching(hand, quota) : trace === null ? frameFromMatching(run.matchOf, quota) : replay(trace, quota, nA, step);
  const current = hand === null && trace !== null && step > 0 ? step - 1 : -1;
  const event =
    current < 0 || trace === null ? null : { kind: trace.kind[current]!, applicant: trace.applicant[current]!, program: trace.program[current]!, other: trace.other[current]! };
  const narration =
    stable !== null
      ? stable.label
      : hand !== null
      ? "A hand-made matching: see “Try to break it”."
      : current >= 0
        ? `${step}. ${trace!.narration[current]}`
        : trace !== null
          ? "Press Play or Forward to start the Match."
          : "The final matching (too large a market to animate).";
  const atEnd = hand !== null || trace === null || step >= total;
  const caption = stable !== null && state.hand === null ? "Stable matching from the lattice" : hand !== null ? "Hand-made matching" : atEnd ? "Final matching" : `Tentative holds after event ${step}`;
  const moved = new Uint8Array(nA);
  if (stable !== null && state.hand === null) moved.set(stable.moved);
  else if (hand !== null) for (let a = 0; a < nA; a++) moved[a] = hand[a] === run.matchOf[a] ? 0 : 1;
  const data: BipartiteData = {
    side: run.side,
    applicantIds: market.applicantIds,
    programIds: market.programIds,
    quota,
    frame,
    event,
    differs: state.differs,
    selected: state.selected,
    moved,
    movedNote: stable !== null && state.hand === null ? "moved in the last step between stable matchings" : "moved by hand",
    blocking: hand === null ? [] : checkStability(market, hand).blockingPairs,
  };
  return { data, narration, caption, shown: hand ?? holdersToMatch(frame, nA) };
}
