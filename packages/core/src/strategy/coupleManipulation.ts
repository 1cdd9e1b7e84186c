import seedrandom from "seedrandom";
import { compileFullMarket } from "../rules/compileFull.ts";
import { rothPeranson } from "../rules/rothPeranson.ts";
import type { Couple, Scenario } from "../schema.ts";

type Pair = Couple["rol"][number];

/** A couple that gains by submitting another list, everyone else truthful. */
export interface CoupleManipulation {
  /** Index of the couple in `scenario.couples`. */
  couple: number;
  /** The pair it gets when truthful and its 1-based rank on its true list; null when unmatched. */
  truthful: { pair: Pair | null; rank: number | null };
  /** The list it submits instead (pairs of its true list, reordered or fewer). */
  submitted: Pair[];
  /** The pair it gets then, and that pair's rank on its true list. */
  outcome: { pair: Pair; rank: number };
}

export interface CoupleManipulationOptions {
  /**
   * Couples to examine (indices into `scenario.couples`).
   * @defaultValue every couple
   */
  couples?: readonly number[];
  /**
   * Longest true list searched exhaustively: every ordering of every non-empty subset of its pairs is tried
   * (Σ n!/(n−k)! lists: 325 for 5 pairs, 1,956 for 6). Longer lists are refused.
   * @defaultValue 6
   */
  maxPairs?: number;
  /**
   * Seed of the engine's re-orderings after a loop, as `matchlab match --seed`.
   * @defaultValue 1
   */
  seed?: number;
}

/**
 * The pair couple `c` gets under the Roth–Peranson engine when it submits `rol` (null when unmatched), and
 * whether the run ended stable (with respect to the submitted lists).
 */
export function coupleOutcome(scenario: Scenario, c: number, rol: readonly Pair[], seed = 1): { pair: Pair | null; stable: boolean } {
  const couples = scenario.couples!.map((couple, k) => (k === c ? { ...couple, rol: [...rol] } : couple));
  const market = compileFullMarket({ ...scenario, couples });
  const matching = rothPeranson(market, { rng: seedrandom(String(seed)) });
  const pair = matching.couplePair[c]!;
  if (pair < 0) return { pair: null, stable: matching.completed };
  const id = (p: number): string | null => (p < 0 ? null : market.base.programIds[p]!);
  return { pair: [id(market.pairProg[2 * pair]!), id(market.pairProg[2 * pair + 1]!)] as Pair, stable: matching.completed };
}

const samePair = (x: Pair, y: Pair): boolean => x[0] === y[0] && x[1] === y[1];

/** Every ordering of every non-empty subset of `items`, shortest first. */
function* arrangements<T>(items: readonly T[]): Generator<T[]> {
  const used = new Array<boolean>(items.length).fill(false);
  const current: T[] = [];
  function* extend(length: number): Generator<T[]> {
    if (current.length === length) {
      yield [...current];
      return;
    }
    for (let i = 0; i < items.length; i++) {
      if (used[i]) continue;
      used[i] = true;
      current.push(items[i]!);
      yield* extend(length);
      current.pop();
      used[i] = false;
    }
  }
  for (let k = 1; k <= items.length; k++) yield* extend(k);
}

/**
 * Searches for couples that gain by misreporting under the full NRMP rules (ALGORITHM.md §11: with couples no
 * mechanism makes truthful ranking safe). Each couple's true list is its list in the scenario; every reordering
 * and truncation of it is submitted in turn, everyone else truthful, and a list counts when the couple gets a pair
 * it truly prefers to its truthful outcome, both runs ending stable (a gain that rests on the engine failing to
 * find a stable matching is not counted). A couple whose truthful run is unstable is skipped. One Roth–Peranson
 * run per list: meant for small markets.
 */
export function searchCoupleManipulations(scenario: Scenario, options: CoupleManipulationOptions = {}): CoupleManipulation[] {
  const couples = scenario.couples ?? [];
  const maxPairs = options.maxPairs ?? 6;
  const seed = options.seed ?? 1;
  const found: CoupleManipulation[] = [];
  for (const c of options.couples ?? couples.keys()) {
    const couple = couples[c];
    if (couple === undefined) throw new RangeError(`searchCoupleManipulations: couple must be an index in [0, ${couples.length}), got ${c}`);
    if (couple.rol.length > maxPairs) throw new RangeError(`searchCoupleManipulations: couple ${c} ranks ${couple.rol.length} pairs, more than maxPairs (${maxPairs})`);
    const truth = couple.rol;
    const rankOf = (pair: Pair | null): number => (pair === null ? Infinity : truth.findIndex((q) => samePair(q, pair)) + 1);
    const truthful = coupleOutcome(scenario, c, truth, seed);
    if (!truthful.stable) continue;
    const truthfulPair = truthful.pair;
    const truthfulRank = rankOf(truthfulPair);
    for (const submitted of arrangements(truth)) {
      const { pair, stable } = coupleOutcome(scenario, c, submitted, seed);
      const rank = rankOf(pair);
      if (stable && pair !== null && rank < truthfulRank) {
        found.push({ couple: c, truthful: { pair: truthfulPair, rank: truthfulPair === null ? null : truthfulRank }, submitted, outcome: { pair, rank } });
      }
    }
  }
  return found;
}
