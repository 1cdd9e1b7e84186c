import type { Scenario } from "@matchlab/core";
import { assignmentOf } from "./run.ts";

/**
 * Every stable matching of a one-to-one market (every quota 1), found without a rotation poset: a breadth-first
 * search from the applicant-optimal matching that, at each matching, recomputes by definition every exposed
 * rotation (Gusfield & Irving 1989, §2.5) and eliminates each one. Every stable matching is reachable this way.
 * Slow and independent of packages/core's rotation code; returns matchings as applicant id → program id or null.
 */
export function stableMatchingsByExposedRotations(scenario: Scenario): Array<Map<string, string | null>> {
  if (scenario.programs.some((p) => p.quota !== 1)) throw new Error("stableMatchingsByExposedRotations: one-to-one markets only");
  const programRank = (program: string, applicant: string): number => {
    const rank = scenario.programs.find((p) => p.id === program)!.rol.indexOf(applicant);
    return rank < 0 ? Infinity : rank;
  };
  const start = assignmentOf(scenario);
  const everMatched = new Set([...start.values()].filter((p): p is string => p !== null));
  const key = (m: Map<string, string | null>): string => [...m].map(([a, p]) => `${a}:${p}`).join(",");
  const seen = new Map<string, Map<string, string | null>>([[key(start), start]]);
  const queue = [start];
  while (queue.length > 0) {
    const m = queue.shift()!;
    const holderOf = new Map([...m].filter(([, p]) => p !== null).map(([a, p]) => [p!, a]));
    // next(a): first program below her partner that prefers her to its holder; none past a program empty in every
    // stable matching (she can never be matched below it).
    const next = new Map<string, string>();
    for (const applicant of scenario.applicants) {
      const partner = m.get(applicant.id) ?? null;
      if (partner === null) continue;
      for (const p of applicant.rol.slice(applicant.rol.indexOf(partner) + 1)) {
        if (programRank(p, applicant.id) === Infinity) continue;
        if (!everMatched.has(p)) break;
        if (programRank(p, applicant.id) < programRank(p, holderOf.get(p)!)) {
          next.set(applicant.id, p);
          break;
        }
      }
    }
    // Exposed rotations: cycles of a → holder of next(a).
    const done = new Set<string>();
    for (const first of next.keys()) {
      const path: string[] = [];
      let a: string | undefined = first;
      while (a !== undefined && !done.has(a) && !path.includes(a)) {
        path.push(a);
        const p = next.get(a);
        a = p === undefined ? undefined : holderOf.get(p);
      }
      path.forEach((x) => done.add(x));
      if (a === undefined || !path.includes(a)) continue;
      const cycle = path.slice(path.indexOf(a));
      const moved = new Map(m);
      for (const x of cycle) moved.set(x, next.get(x)!);
      const k = key(moved);
      if (!seen.has(k)) {
        seen.set(k, moved);
        queue.push(moved);
      }
    }
  }
  return [...seen.values()];
}

/**
 * Every stable matching of a many-to-one market, by `stableMatchingsByExposedRotations` on its one-to-one clone
 * (Gusfield & Irving 1989, §1.6.5): program p becomes slots `p#0 … p#(quota - 1)` with p's list, and an applicant
 * ranking p ranks those slots in that order. Stable matchings of the two markets correspond one to one; each slot
 * maps back to its program.
 */
export function stableMatchingsOfClone(scenario: Scenario): Array<Map<string, string | null>> {
  const slots = new Map(scenario.programs.map((p) => [p.id, Array.from({ length: p.quota }, (_, k) => `${p.id}#${k}`)]));
  const programOf = new Map([...slots].flatMap(([p, ids]) => ids.map((s) => [s, p] as const)));
  const clone: Scenario = {
    programs: scenario.programs.flatMap((p) => slots.get(p.id)!.map((id) => ({ id, quota: 1, rol: p.rol }))),
    applicants: scenario.applicants.map((a) => ({ id: a.id, rol: a.rol.flatMap((p) => slots.get(p) ?? []) })),
  };
  return stableMatchingsByExposedRotations(clone).map((m) => new Map([...m].map(([a, s]) => [a, s === null ? null : programOf.get(s)!])));
}
