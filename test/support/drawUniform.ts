import { compileLists, type CompiledMarket } from "@matchlab/core";
import seedrandom from "seedrandom";

/**
 * A market drawer for Monte Carlo tests, standing in for the generator: 60 applicants and 12 programs of 3
 * positions; applicant "me" always ranks P0 … P5 (her true list); everyone else ranks 6 random programs, and each
 * program ranks, in a random order, everyone who ranked it, plus "me" (so adding programs can help her).
 * Deterministic in the seed.
 */
export function drawMarket(seed: number): CompiledMarket {
  const rng = seedrandom(String(seed));
  const nA = 60;
  const nP = 12;
  const pick = (n: number, k: number): number[] => {
    const items = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng() * (n - i));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items.slice(0, k);
  };
  const applicantLists = Array.from({ length: nA }, (_, a) => (a === 0 ? [0, 1, 2, 3, 4, 5] : pick(nP, 6)));
  const programLists = Array.from({ length: nP }, (_, p) => {
    const rankers = applicantLists.flatMap((list, a) => (list.includes(p) || a === 0 ? [a] : []));
    return pick(rankers.length, rankers.length).map((i) => rankers[i]!);
  });
  return compileLists({
    applicantIds: Array.from({ length: nA }, (_, a) => (a === 0 ? "me" : `a${a}`)),
    programIds: Array.from({ length: nP }, (_, p) => `P${p}`),
    applicantLists,
    programLists,
    quotas: Array.from({ length: nP }, () => 3),
  });
}
