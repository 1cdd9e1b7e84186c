/**
 * The naive baseline: deferred acceptance the way tutorials write it, on objects keyed by string ids, with a Map
 * per program for ranks, an array of held applicants scanned for the worst, and a queue of free applicants. It is
 * correct (test/benchmarks/naiveBaseline.test.ts checks it against the engine), just not built for speed, so the
 * suite can measure what the typed-array engine gains rather than claim it. Shares no code with packages/core.
 */

export interface NaiveApplicant {
  id: string;
  rol: string[];
}

export interface NaiveProgram {
  id: string;
  quota: number;
  rol: string[];
}

export interface NaiveResult {
  /** Applicant id → program id, for matched applicants only. */
  assignment: Map<string, string>;
  /** Applications made, including those to programs that did not rank the applicant. */
  proposals: number;
}

/** Applicant-proposing deferred acceptance over string ids. */
export function naiveDeferredAcceptance(applicants: readonly NaiveApplicant[], programs: readonly NaiveProgram[]): NaiveResult {
  const rankings = new Map<string, Map<string, number>>();
  const quotas = new Map<string, number>();
  const holding = new Map<string, string[]>();
  for (const program of programs) {
    const ranks = new Map<string, number>();
    program.rol.forEach((applicant, rank) => ranks.set(applicant, rank));
    rankings.set(program.id, ranks);
    quotas.set(program.id, program.quota);
    holding.set(program.id, []);
  }
  const lists = new Map<string, string[]>();
  const nextChoice = new Map<string, number>();
  for (const applicant of applicants) {
    lists.set(applicant.id, applicant.rol);
    nextChoice.set(applicant.id, 0);
  }

  const free = applicants.map((a) => a.id).reverse();
  let proposals = 0;
  while (free.length > 0) {
    const applicant = free.pop()!;
    const list = lists.get(applicant)!;
    while (nextChoice.get(applicant)! < list.length) {
      const programId = list[nextChoice.get(applicant)!]!;
      nextChoice.set(applicant, nextChoice.get(applicant)! + 1);
      proposals++;
      const ranks = rankings.get(programId)!;
      const myRank = ranks.get(applicant);
      if (myRank === undefined) continue;
      const held = holding.get(programId)!;
      if (held.length < quotas.get(programId)!) {
        held.push(applicant);
        break;
      }
      let worst = -1;
      for (let i = 0; i < held.length; i++) {
        if (worst < 0 || ranks.get(held[i]!)! > ranks.get(held[worst]!)!) worst = i;
      }
      if (worst >= 0 && ranks.get(held[worst]!)! > myRank) {
        free.push(held[worst]!);
        held[worst] = applicant;
        break;
      }
    }
  }

  const assignment = new Map<string, string>();
  for (const [programId, held] of holding) for (const applicant of held) assignment.set(applicant, programId);
  return { assignment, proposals };
}
