import type { Scenario } from "@matchlab/core";

/**
 * Independent string-based reference for the full rules (ALGORITHM.md §7): stability with couples and
 * supplemental lists, and brute-force enumeration of every matching of a tiny market. Shares no code with core.
 */

export interface NaiveMatching {
  /** Applicant id → primary program id or null. */
  primary: Map<string, string | null>;
  /** Applicant id → PGY-1 program from her supplemental list, or null. */
  supplemental: Map<string, string | null>;
  /** Couple index → 0-based pair index or null. */
  pair: Map<number, number | null>;
}

const rankIn = (list: readonly string[], id: string): number => {
  const i = list.indexOf(id);
  return i < 0 ? Infinity : i;
};

function holders(m: NaiveMatching, p: string): string[] {
  const out: string[] = [];
  for (const [a, q] of m.primary) if (q === p) out.push(a);
  for (const [a, q] of m.supplemental) if (q === p) out.push(a);
  return out;
}

/** Would program p choose every newcomer from its holders plus them, keeping `kept` too? */
function chooses(scenario: Scenario, m: NaiveMatching, p: string, newcomers: string[], kept: string[], quotaOf: (p: string) => number): boolean {
  const program = scenario.programs.find((x) => x.id === p)!;
  if (newcomers.some((a) => !program.rol.includes(a))) return false;
  const pool = [...holders(m, p), ...newcomers].sort((x, y) => rankIn(program.rol, x) - rankIn(program.rol, y));
  const chosen = pool.slice(0, quotaOf(p));
  return [...newcomers, ...kept].every((a) => chosen.includes(a));
}

export function supplementalListOf(scenario: Scenario, applicantId: string, advanced: string | null): string[] | null {
  if (advanced === null) return null;
  const applicant = scenario.applicants.find((a) => a.id === applicantId);
  return applicant?.supplemental?.find((l) => l.linkedTo.includes(advanced))?.rol ?? null;
}

/** Every blocking single, couple and supplemental case, as readable strings. */
export function naiveFullBlocking(scenario: Scenario, m: NaiveMatching, quotaOf: (p: string) => number): string[] {
  const out: string[] = [];
  const couples = scenario.couples ?? [];
  const members = new Set(couples.flatMap((c) => c.members));
  for (const applicant of scenario.applicants) {
    if (members.has(applicant.id)) continue;
    const current = m.primary.get(applicant.id) ?? null;
    const limit = current === null ? Infinity : rankIn(applicant.rol, current);
    applicant.rol.forEach((p, k) => {
      if (k < limit && chooses(scenario, m, p, [applicant.id], [], quotaOf)) out.push(`single ${applicant.id} ${p}`);
    });
  }
  for (const applicant of scenario.applicants) {
    const list = supplementalListOf(scenario, applicant.id, m.primary.get(applicant.id) ?? null);
    if (list === null) continue;
    const current = m.supplemental.get(applicant.id) ?? null;
    const limit = current === null ? Infinity : rankIn(list, current);
    list.forEach((p, k) => {
      if (k < limit && chooses(scenario, m, p, [applicant.id], [], quotaOf)) out.push(`supplemental ${applicant.id} ${p}`);
    });
  }
  couples.forEach((couple, c) => {
    const current = m.pair.get(c) ?? null;
    couple.rol.forEach((pair, j) => {
      if (current !== null && j >= current) return;
      const [a0, a1] = couple.members;
      const at0 = m.primary.get(a0) ?? null;
      const at1 = m.primary.get(a1) ?? null;
      const [p0, p1] = pair;
      let works: boolean;
      if (p0 !== null && p0 === p1) {
        const newcomers = [at0 === p0 ? null : a0, at1 === p1 ? null : a1].filter((x): x is string => x !== null);
        const kept = [at0 === p0 ? a0 : null, at1 === p1 ? a1 : null].filter((x): x is string => x !== null);
        works = chooses(scenario, m, p0, newcomers, kept, quotaOf);
      } else {
        const ok = (p: string | null, a: string, at: string | null) => p === null || at === p || chooses(scenario, m, p, [a], [], quotaOf);
        works = ok(p0, a0, at0) && ok(p1, a1, at1);
      }
      if (works) out.push(`couple ${c} [${p0},${p1}]`);
    });
  });
  return out;
}

/** Every matching of a tiny market that respects quotas and mutual ranking (couples matched at a listed pair). */
export function allFeasibleMatchings(scenario: Scenario): NaiveMatching[] {
  const couples = scenario.couples ?? [];
  const members = new Set(couples.flatMap((c) => c.members));
  const ranks = (p: string, a: string) => scenario.programs.find((x) => x.id === p)!.rol.includes(a);
  const singles = scenario.applicants.filter((a) => !members.has(a.id));
  const out: NaiveMatching[] = [];
  const primary = new Map<string, string | null>();
  const pair = new Map<number, number | null>();
  const finish = (): void => {
    // Supplemental choices for everyone whose primary is linked to a list.
    const needers = scenario.applicants.filter((a) => supplementalListOf(scenario, a.id, primary.get(a.id) ?? null) !== null);
    const supplemental = new Map<string, string | null>();
    const visit = (i: number): void => {
      if (i === needers.length) {
        const m: NaiveMatching = { primary: new Map(primary), supplemental: new Map(supplemental), pair: new Map(pair) };
        const fits = scenario.programs.every((p) => holders(m, p.id).length <= p.quota);
        if (fits) out.push(m);
        return;
      }
      const a = needers[i]!.id;
      for (const p of [null, ...supplementalListOf(scenario, a, primary.get(a) ?? null)!.filter((p) => ranks(p, a))]) {
        supplemental.set(a, p);
        visit(i + 1);
      }
      supplemental.delete(a);
    };
    visit(0);
  };
  const visitCouple = (c: number): void => {
    if (c === couples.length) return finish();
    const couple = couples[c]!;
    const options: Array<number | null> = [null, ...couple.rol.map((_, j) => j).filter((j) => couple.rol[j]!.every((p, s) => p === null || ranks(p, couple.members[s]!)))];
    for (const j of options) {
      pair.set(c, j);
      couple.members.forEach((a, s) => primary.set(a, j === null ? null : couple.rol[j]![s]!));
      visitCouple(c + 1);
    }
  };
  const visitSingle = (i: number): void => {
    if (i === singles.length) return visitCouple(0);
    const a = singles[i]!;
    for (const p of [null, ...a.rol.filter((p) => ranks(p, a.id))]) {
      primary.set(a.id, p);
      visitSingle(i + 1);
    }
  };
  visitSingle(0);
  return out;
}
