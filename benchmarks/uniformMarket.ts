// A seeded uniform random market for benchmarks, until the generator (issue 4) is merged.
import { compileLists, type CompiledMarket } from "@matchlab/core";
import seedrandom from "seedrandom";

export interface UniformOptions {
  applicants: number;
  programs: number;
  /** Positions per program (total positions ≈ applicants × 0.92, as in NRMP 2025). */
  quota: number;
  /** Length of each applicant's list. */
  listLength: number;
  seed: string;
}

/** Applicants rank `listLength` distinct programs uniformly; each program ranks everyone who ranked it, shuffled. */
export function uniformMarket(o: UniformOptions): CompiledMarket {
  const rng = seedrandom(o.seed);
  const programLists: number[][] = Array.from({ length: o.programs }, () => []);
  const applicantLists = Array.from({ length: o.applicants }, (_, a) => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(o.listLength, o.programs)) chosen.add(Math.floor(rng() * o.programs));
    const list = [...chosen];
    for (const p of list) programLists[p]!.push(a);
    return list;
  });
  for (const list of programLists) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
  }
  return compileLists({
    applicantIds: Array.from({ length: o.applicants }, (_, a) => `a${a}`),
    programIds: Array.from({ length: o.programs }, (_, p) => `p${p}`),
    applicantLists,
    programLists,
    quotas: Array.from({ length: o.programs }, () => o.quota),
  });
}
