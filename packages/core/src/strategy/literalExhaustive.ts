import type { CompiledMarket } from "../market.ts";
import type { Side } from "../matching.ts";
import { solve } from "../solve.ts";
import { listCount } from "./exhaustive.ts";
import { forEachOrderedSubset } from "./orderedSubsets.ts";

export interface LiteralExhaustiveOptions {
  /** Index of the applicant, `0 ≤ applicant < nA`; her list in the market is her true preference order. */
  applicant: number;
  /** Which side proposes. @defaultValue "applicant" */
  side?: Side;
  /** Largest true list enumerated. @defaultValue 6 (1,957 lists, one full match each) */
  maxPrograms?: number;
}

export interface LiteralExhaustiveResult {
  /** Program she gets with her true list (-1 unmatched), and its 0-based true rank (her list length when unmatched). */
  truthful: { program: number; score: number };
  best: { program: number; score: number; list: number[] };
  listsTried: number;
  better: number;
  ties: number;
  worse: number;
}

/**
 * "Could any list do better?" by brute force: one full match per list, every ordering of every subset of her
 * acceptable programs. Unlike `exhaustiveCheck` it needs no strategy-proofness, so it also answers under
 * program-proposing, where truncating can pay (ALGORITHM.md §11). Her lists are written in place into a copy of the
 * rank arrays (her slice of `appRol` and the cross ranks of her pairs), so no market is recompiled. Small markets only.
 */
export function literalExhaustiveCheck(market: CompiledMarket, options: LiteralExhaustiveOptions): LiteralExhaustiveResult {
  const { applicant: a } = options;
  const side = options.side ?? "applicant";
  const maxPrograms = options.maxPrograms ?? 6;
  if (!Number.isInteger(a) || a < 0 || a >= market.nA) throw new RangeError(`literalExhaustiveCheck: applicant must be an index in [0, ${market.nA}), got ${a}`);
  const start = market.appStart[a]!;
  const trueList = Array.from(market.appRol.subarray(start, market.appStart[a + 1]!));
  const n = trueList.length;
  if (n > maxPrograms) throw new RangeError(`literalExhaustiveCheck: the applicant ranks ${n} programs, over the limit of ${maxPrograms}; raise maxPrograms`);
  // Each program's rank of her, and where she sits in its list (-1 when it did not rank her).
  const programRank = trueList.map((_, i) => market.appRolProgRank[start + i]!);
  const programEntry = trueList.map((p, i) => (programRank[i]! < 0 ? -1 : market.progStart[p]! + programRank[i]!));
  const appRol = market.appRol.slice();
  const appRolProgRank = market.appRolProgRank.slice();
  const progRolAppRank = market.progRolAppRank.slice();
  const work: CompiledMarket = { ...market, appRol, appRolProgRank, progRolAppRank };

  /** Writes list (indices into trueList) as her list; the unused tail of her slice is unranked on both sides. */
  const submit = (list: readonly number[]): number => {
    for (let i = 0; i < n; i++) if (programEntry[i]! >= 0) progRolAppRank[programEntry[i]!] = -1;
    list.forEach((i, k) => {
      appRol[start + k] = trueList[i]!;
      appRolProgRank[start + k] = programRank[i]!;
      if (programEntry[i]! >= 0) progRolAppRank[programEntry[i]!] = k;
    });
    for (let k = list.length; k < n; k++) appRolProgRank[start + k] = -1;
    const p = solve(work, { side }).matchOf[a]!;
    return p < 0 ? n : trueList.indexOf(p);
  };

  const truthfulScore = submit(trueList.map((_, i) => i));
  let better = 0;
  let ties = 0;
  let worse = 0;
  let best = { score: n + 1, list: [] as number[] };
  forEachOrderedSubset(n, (list) => {
    const score = submit(list);
    if (score < truthfulScore) better++;
    else if (score === truthfulScore) ties++;
    else worse++;
    if (score < best.score || (score === best.score && list.length < best.list.length)) best = { score, list: list.map((i) => trueList[i]!) };
  });
  const program = (score: number): number => (score < n ? trueList[score]! : -1);
  return {
    truthful: { program: program(truthfulScore), score: truthfulScore },
    best: { program: program(best.score), score: best.score, list: best.list },
    listsTried: listCount(n),
    better,
    ties,
    worse,
  };
}
