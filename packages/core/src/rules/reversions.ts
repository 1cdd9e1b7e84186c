import type { FullMarket } from "./fullMarket.ts";
import { pushProgram, type RpState } from "./rpState.ts";

/** One reversion applied: `positions` unfilled positions of program `from` moved to program `to` in `round`. */
export interface ReversionEvent {
  from: number;
  to: number;
  positions: number;
  /** 1-based end-game round in which it happened. */
  round: number;
}

/**
 * One round of reversions (ALGORITHM.md §9, rule 7): in ascending code of the donating program, a program with
 * unfilled positions and a reversion target gives those positions away; the receiver goes on the program stack.
 * Returns true when anything moved. `donors` lists the programs with a target, in ascending id.
 */
export function applyReversions(m: FullMarket, s: RpState, donors: ArrayLike<number>, round: number, events: ReversionEvent[]): boolean {
  let changed = false;
  for (let i = 0; i < donors.length; i++) {
    const from = donors[i]!;
    const to = m.revertsTo[from]!;
    const spare = s.quota[from]! - s.count[from]!;
    if (spare <= 0) continue;
    s.quota[from]! -= spare;
    s.quota[to]! += spare;
    pushProgram(s, to);
    events.push({ from, to, positions: spare, round });
    changed = true;
  }
  return changed;
}
