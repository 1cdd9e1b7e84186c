import type { Scenario } from "@matchlab/core";

/**
 * Independent, deliberately naive reference code over string ids, used to check the typed-array engine:
 * nothing here shares code with packages/core.
 */

export type Assignment = Map<string, string | null>;

const rankIn = (list: readonly string[], id: string): number => {
  const i = list.indexOf(id);
  return i < 0 ? Infinity : i;
};

/** Every blocking pair of `assignment`, by the textbook definition (ALGORITHM.md §5). */
export function naiveBlockingPairs(scenario: Scenario, assignment: Assignment): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const applicant of scenario.applicants) {
    const current = assignment.get(applicant.id) ?? null;
    const currentRank = current === null ? Infinity : rankIn(applicant.rol, current);
    for (const programId of applicant.rol) {
      if (rankIn(applicant.rol, programId) >= currentRank) continue;
      const program = scenario.programs.find((p) => p.id === programId)!;
      const myRank = rankIn(program.rol, applicant.id);
      if (myRank === Infinity) continue;
      const holders = [...assignment].filter(([, p]) => p === programId).map(([a]) => rankIn(program.rol, a));
      if (holders.length < program.quota || holders.some((r) => r > myRank)) pairs.push([applicant.id, programId]);
    }
  }
  return pairs;
}

/** True when the assignment respects quotas and pairs only mutually ranked partners. */
export function naiveIsIndividuallyRational(scenario: Scenario, assignment: Assignment): boolean {
  for (const program of scenario.programs) {
    if ([...assignment.values()].filter((p) => p === program.id).length > program.quota) return false;
  }
  for (const [a, p] of assignment) {
    if (p === null) continue;
    const applicant = scenario.applicants.find((x) => x.id === a)!;
    const program = scenario.programs.find((x) => x.id === p)!;
    if (!applicant.rol.includes(p) || !program.rol.includes(a)) return false;
  }
  return true;
}

/** Every stable matching of a tiny simple market, by enumerating every assignment. */
export function allStableMatchings(scenario: Scenario): Assignment[] {
  const stable: Assignment[] = [];
  const options = scenario.applicants.map((a) => [null, ...a.rol.filter((p) => scenario.programs.find((x) => x.id === p)!.rol.includes(a.id))]);
  const current: Array<string | null> = [];
  const visit = (i: number): void => {
    if (i === options.length) {
      const assignment: Assignment = new Map(scenario.applicants.map((a, k) => [a.id, current[k]!]));
      if (naiveIsIndividuallyRational(scenario, assignment) && naiveBlockingPairs(scenario, assignment).length === 0) stable.push(assignment);
      return;
    }
    for (const option of options[i]!) {
      current[i] = option;
      visit(i + 1);
    }
  };
  visit(0);
  return stable;
}

/** Each applicant's best (or worst) partner over the given matchings, by her own list. */
export function extremePartner(scenario: Scenario, matchings: Assignment[], pick: "best" | "worst"): Assignment {
  const out: Assignment = new Map();
  for (const applicant of scenario.applicants) {
    let chosen: string | null = null;
    let chosenRank = pick === "best" ? Infinity : -Infinity;
    for (const m of matchings) {
      const p = m.get(applicant.id) ?? null;
      const r = p === null ? Infinity : rankIn(applicant.rol, p);
      if (pick === "best" ? r < chosenRank : r > chosenRank) {
        chosen = p;
        chosenRank = r;
      }
    }
    out.set(applicant.id, chosen);
  }
  return out;
}

/**
 * Every stable perfect matching of a one-to-one market, by trying every permutation (n! of them) and checking each
 * survivor with `naiveBlockingPairs`. A partial assignment is dropped as soon as two of its pairs block each other:
 * that pair stays blocking in every completion, so only the pruning is smarter than brute force. With complete lists
 * and as many applicants as programs, every stable matching is perfect, so this finds them all.
 */
export function allStablePerfectMatchings(scenario: Scenario): Assignment[] {
  const applicants = scenario.applicants;
  const programs = scenario.programs;
  if (programs.some((p) => p.quota !== 1) || programs.length !== applicants.length) throw new Error("allStablePerfectMatchings: n × n one-to-one markets only");
  const prefers = (list: readonly string[], x: string, y: string): boolean => rankIn(list, x) < rankIn(list, y);
  const stable: Assignment[] = [];
  const current: string[] = [];
  const taken = new Set<string>();
  const visit = (i: number): void => {
    if (i === applicants.length) {
      const assignment: Assignment = new Map(applicants.map((a, k) => [a.id, current[k]!]));
      if (naiveIsIndividuallyRational(scenario, assignment) && naiveBlockingPairs(scenario, assignment).length === 0) stable.push(assignment);
      return;
    }
    const a = applicants[i]!;
    for (const p of programs) {
      if (taken.has(p.id)) continue;
      const blocked = current.slice(0, i).some((q, j) => {
        const b = applicants[j]!;
        const qList = programs.find((x) => x.id === q)!.rol;
        return (prefers(a.rol, q, p.id) && prefers(qList, a.id, b.id)) || (prefers(b.rol, p.id, q) && prefers(p.rol, b.id, a.id));
      });
      if (blocked) continue;
      current[i] = p.id;
      taken.add(p.id);
      visit(i + 1);
      taken.delete(p.id);
    }
  };
  visit(0);
  return stable;
}
