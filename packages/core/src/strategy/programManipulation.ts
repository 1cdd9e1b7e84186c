import type { CompiledMarket } from "../market.ts";
import type { Side } from "../matching.ts";
import { solve } from "../solve.ts";
import { compareRosters, editableLists, recompile, rosterRanks } from "./rosters.ts";

export interface ProgramManipulation {
  program: number;
  /** "truncation": it ranks only its first `declared` applicants; "capacity": it declares `declared` positions. */
  kind: "truncation" | "capacity";
  declared: number;
  /** Its roster (own 0-based ranks, best first) when truthful, and after the manipulation. */
  before: number[];
  after: number[];
  /** "dominates" or "lexicographic": see `compareRosters`. */
  gain: "dominates" | "lexicographic";
}

export interface ProgramManipulationOptions {
  /** Which side proposes. @defaultValue "applicant" */
  side?: Side;
  /** Programs to examine. @defaultValue every program */
  programs?: readonly number[];
}

/**
 * Searches for programs that gain by misreporting, everyone else truthful: each truncation of its list (Roth 1985)
 * and each smaller number of positions (Sönmez 1997). One match per candidate, so O(Σ (list length + quota)) runs
 * per program: meant for small and medium synthetic markets. Returns every manipulation that gains.
 */
export function searchProgramManipulations(market: CompiledMarket, options: ProgramManipulationOptions = {}): ProgramManipulation[] {
  const side = options.side ?? "applicant";
  const programs = options.programs ?? Array.from({ length: market.nP }, (_, p) => p);
  const truthful = rosterRanks(market, solve(market, { side }).matchOf);
  const found: ProgramManipulation[] = [];
  const lists = editableLists(market);
  const tryVariant = (p: number, kind: ProgramManipulation["kind"], declared: number): void => {
    const variant = recompile(market, lists);
    const after = rosterRanks(variant, solve(variant, { side }).matchOf)[p]!;
    const gain = compareRosters(truthful[p]!, after);
    if (gain === "dominates" || gain === "lexicographic") found.push({ program: p, kind, declared, before: truthful[p]!, after, gain });
  };
  for (const p of programs) {
    if (!Number.isInteger(p) || p < 0 || p >= market.nP) throw new RangeError(`searchProgramManipulations: program must be an index in [0, ${market.nP}), got ${p}`);
    const full = lists.programLists[p]!;
    for (let k = full.length - 1; k >= 0; k--) {
      lists.programLists[p] = full.slice(0, k);
      tryVariant(p, "truncation", k);
    }
    lists.programLists[p] = full;
    const quota = lists.quotas[p]!;
    for (let q = quota - 1; q >= 0; q--) {
      lists.quotas[p] = q;
      tryVariant(p, "capacity", q);
    }
    lists.quotas[p] = quota;
  }
  return found;
}
