import type { RpState } from "./rpState.ts";

/**
 * A copy of a Roth–Peranson run's matching and pointers, to go back to: the Kojima–Pathak–Roth fallback restarts
 * every couple order from the same singles-only matching, and the repair walk keeps the best matching it saw.
 * O(nA + nP + nC + total program-list length) per save or restore, never per proposal.
 */
export interface RpSnapshot {
  readonly arrays: ReadonlyArray<Int32Array | Uint32Array | Uint8Array>;
  readonly anyLent: boolean;
  readonly marking: boolean;
  readonly banList: readonly number[];
}

/** The state fields that make up a matching between steps (both stacks are empty then). */
const FIELDS = [
  "quota", "lent", "count", "worst", "gate", "held", "wants", "app", "supp", "suppList",
  "suppEntry", "suppRank", "suppNext", "admitted", "couplePair", "coupleNext", "hasBan",
] as const satisfies ReadonlyArray<keyof RpState>;

/** Copies the matching of `s`; the caller saves only between steps, when both stacks are empty. */
export function saveRpState(s: RpState): RpSnapshot {
  return { arrays: FIELDS.map((k) => s[k].slice()), anyLent: s.anyLent, marking: s.marking, banList: s.banList.slice() };
}

/** Puts `snapshot` back into `s` (same market, so the same sizes) with both stacks empty. */
export function restoreRpState(s: RpState, snapshot: RpSnapshot): void {
  FIELDS.forEach((k, i) => s[k].set(snapshot.arrays[i]!));
  s.anyLent = snapshot.anyLent;
  s.marking = snapshot.marking;
  s.banList.length = 0;
  s.banList.push(...snapshot.banList);
  s.appTop = 0;
  s.onAppStack.fill(0);
  s.progTop = 0;
  s.onProgStack.fill(0);
  s.resume.fill(0);
  s.looped = false;
  s.abortOnVacate = false;
}
