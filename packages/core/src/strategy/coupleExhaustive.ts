import { compileFullMarket } from "../rules/compileFull.ts";
import { collectFullResult } from "../rules/fullResult.ts";
import { rothPeranson } from "../rules/rothPeranson.ts";
import type { Scenario } from "../schema.ts";
import { listCount } from "./exhaustive.ts";
import { forEachOrderedSubset } from "./orderedSubsets.ts";

/** A pair of programs a couple ranks; `null` is "No Match" for that partner. */
export type ProgramPair = readonly [string | null, string | null];

export interface CoupleExhaustiveOptions {
  /** A member id of the couple under study; the couple's list in the scenario is its true preference order. */
  member: string;
  /** Largest true list enumerated: every ordering of every subset is one full Roth–Peranson run. @defaultValue 6 (1,957 lists) */
  maxPairs?: number;
}

/** What one submitted list gives the couple, judged by its true list. */
export interface CoupleListOutcome {
  /** The matched pair, or null when the couple is unmatched. */
  pair: ProgramPair | null;
  /** 1-based rank of `pair` on the couple's true list; null when unmatched. */
  rank: number | null;
  /** Whether the run ended with a matching the checker finds stable (for the lists submitted). */
  stable: boolean;
}

export interface CoupleExhaustiveResult {
  members: [string, string];
  trueList: ProgramPair[];
  truthful: CoupleListOutcome;
  /** The best outcome of any list (the shortest list among equals), with that list. */
  best: CoupleListOutcome & { list: ProgramPair[] };
  listsTried: number;
  better: number;
  ties: number;
  worse: number;
  /** Runs, among `listsTried`, that ended without a stable matching. */
  unstableRuns: number;
}

type ScoredOutcome = CoupleListOutcome & { score: number };

/** The couple with member `member`, its index and its true list; a clear error when there is none. */
function findCouple(scenario: Scenario, member: string, caller: string) {
  const index = (scenario.couples ?? []).findIndex((c) => c.members.includes(member));
  if (index < 0) throw new RangeError(`${caller}: "${member}" is not a member of any couple`);
  const couple = scenario.couples![index]!;
  const trueList: ProgramPair[] = couple.rol.map((pair) => [pair[0], pair[1]] as const);
  return { index, couple, trueList };
}

/**
 * Runs the full rules with couple `index` submitting `list`, everyone else as in the scenario. `score` is the
 * 0-based rank of the outcome on `trueList`; unmatched scores `trueList.length`, and a pair off the true list
 * (unacceptable to the couple) one more.
 */
function runCoupleList(scenario: Scenario, index: number, trueList: readonly ProgramPair[], list: readonly ProgramPair[]): ScoredOutcome {
  const rol = list.map((pair) => [pair[0], pair[1]] as [string | null, string | null]);
  const couples = scenario.couples!.map((c, k) => (k === index ? { ...c, rol } : c));
  const market = compileFullMarket({ ...scenario, couples });
  const matching = rothPeranson(market);
  const pair = collectFullResult(market, matching).couples[index]!.pair;
  const found = pair === null ? -1 : trueList.findIndex((p) => p[0] === pair[0] && p[1] === pair[1]);
  const score = pair === null ? trueList.length : found < 0 ? trueList.length + 1 : found;
  return { pair, rank: found < 0 ? null : found + 1, stable: matching.completed, score };
}

export interface CoupleWhatIfResult {
  truthful: CoupleListOutcome;
  submitted: CoupleListOutcome & { list: ProgramPair[] };
  /** The submitted list's outcome against truthful's, by the couple's true list. */
  verdict: "better" | "same" | "worse";
}

/** The couple's outcome with a submitted list beside its truthful one, everyone else as in the scenario. */
export function coupleWhatIf(scenario: Scenario, options: { member: string; list: readonly ProgramPair[] }): CoupleWhatIfResult {
  const { index, trueList } = findCouple(scenario, options.member, "coupleWhatIf");
  const { score: truthScore, ...truthful } = runCoupleList(scenario, index, trueList, trueList);
  const { score, ...submitted } = runCoupleList(scenario, index, trueList, options.list);
  const verdict = score < truthScore ? "better" : score === truthScore ? "same" : "worse";
  return { truthful, submitted: { ...submitted, list: options.list.map((p) => [p[0], p[1]] as const) }, verdict };
}

/**
 * "Could the couple do better with another list?" by brute force under the full rules: one Roth–Peranson run per
 * ordering of every subset of its true pairs, everyone else truthful. Theory gives couples no guarantee (no stable
 * mechanism is strategy-proof for them, and a stable matching may not exist: ALGORITHM.md §10–§11), so, unlike a
 * single's, `better` can be positive. Each run recompiles the scenario: small markets only.
 */
export function coupleExhaustiveCheck(scenario: Scenario, options: CoupleExhaustiveOptions): CoupleExhaustiveResult {
  const maxPairs = options.maxPairs ?? 6;
  const { index, couple, trueList } = findCouple(scenario, options.member, "coupleExhaustiveCheck");
  const n = trueList.length;
  if (n > maxPairs) throw new RangeError(`coupleExhaustiveCheck: the couple ranks ${n} pairs, over the limit of ${maxPairs} (${listCount(n).toLocaleString("en-US")} lists); raise maxPairs`);

  const run = (list: readonly number[]): ScoredOutcome => runCoupleList(scenario, index, trueList, list.map((i) => trueList[i]!));

  const { score: truthScore, ...truthful } = run(trueList.map((_, i) => i));
  let better = 0;
  let ties = 0;
  let worse = 0;
  let unstableRuns = 0;
  let listsTried = 0;
  let best: ScoredOutcome & { list: ProgramPair[] } = { ...truthful, score: truthScore, list: trueList };
  forEachOrderedSubset(n, (list) => {
    const outcome = run(list);
    listsTried++;
    if (!outcome.stable) unstableRuns++;
    if (outcome.score < truthScore) better++;
    else if (outcome.score === truthScore) ties++;
    else worse++;
    if (outcome.score < best.score || (outcome.score === best.score && list.length < best.list.length)) {
      best = { ...outcome, list: list.map((i) => trueList[i]!) };
    }
  });
  const { score: _bestScore, ...bestOutcome } = best;
  return { members: [couple.members[0], couple.members[1]], trueList, truthful, best: bestOutcome, listsTried, better, ties, worse, unstableRuns };
}
