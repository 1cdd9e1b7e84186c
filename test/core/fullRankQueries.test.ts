import { compileFullMarket } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullRankQueries, spreadAnswers } from "../../packages/core/src/rules/fullRankQueries.ts";
import { firstPairAt } from "../../packages/core/src/rules/couplePairIndex.ts";
import { createWorkspace } from "../../packages/core/src/workspace.ts";
import { fullScenario } from "../arbitraries/fullMarket.ts";

/** Couples (distinct members) with pairs naming programs or -1, and supplemental lists with owners ascending. */
const pairsAndLists = fc
  .record({ nA: fc.integer({ min: 2, max: 10 }), nP: fc.integer({ min: 1, max: 6 }) })
  .chain(({ nA, nP }) =>
    fc.record({
      nA: fc.constant(nA),
      nP: fc.constant(nP),
      members: fc.shuffledSubarray([...Array(nA).keys()], { maxLength: nA - (nA % 2) }).map((m) => m.slice(0, m.length - (m.length % 2))),
      pairs: fc.array(fc.array(fc.tuple(fc.integer({ min: -1, max: nP - 1 }), fc.integer({ min: -1, max: nP - 1 })), { maxLength: 12 }), { maxLength: 5 }),
      // Several lists per owner, often ranking the same programs: the repeats the dedupe is for.
      lists: fc.array(fc.tuple(fc.nat(nA - 1), fc.array(fc.nat(nP - 1), { maxLength: 6 })), { maxLength: 8 }).map((ls) => ls.sort((x, y) => x[0] - y[0])),
    }),
  )
  .map(({ nA, nP, members, pairs, lists }) => {
    const nC = Math.min(members.length / 2, pairs.length);
    const pairStart = Uint32Array.from({ length: nC + 1 }, (_, c) => pairs.slice(0, c).reduce((n, list) => n + list.length, 0));
    const pairProg = Int32Array.from(pairs.slice(0, nC).flat(2));
    const start = Uint32Array.from({ length: lists.length + 1 }, (_, l) => lists.slice(0, l).reduce((n, [, rol]) => n + rol.length, 0));
    return {
      nA,
      nP,
      couples: { members: Uint32Array.from(members.slice(0, 2 * nC)), pairStart, pairProg },
      supp: { owner: Uint32Array.from(lists, ([owner]) => owner), start, rol: Uint32Array.from(lists.flatMap(([, rol]) => rol)) },
    };
  });

describe("fullRankQueries", () => {
  it("should ask each (applicant, program) once, and spread each answer to every pair slot and entry that asked it", () => {
    const workspace = createWorkspace();
    fc.assert(
      fc.property(pairsAndLists, fc.boolean(), ({ nA, nP, couples, supp }, reuse) => {
        const ws = reuse ? workspace : undefined;
        const q = fullRankQueries(nA, nP, couples, supp, ws);
        const { start, owner, target, answers } = q.grouped;
        const asked: string[] = [];
        // A made-up answer per (owner, program), written where the walk would write it.
        const answer = (a: number, p: number): number => (a * 7 + p * 3) % 5 - 1;
        for (let p = 0; p < nP; p++) {
          for (let k = start[p]!; k < start[p + 1]!; k++) {
            asked.push(`${target[k]! < q.pairQueries ? "pair" : "supp"} ${owner[k]} ${p}`);
            answers[target[k]!] = answer(owner[k]!, p);
          }
        }
        const expected = new Set<string>();
        const nC = couples.pairStart.length - 1;
        for (let c = 0; c < nC; c++) {
          for (let j = couples.pairStart[c]!; j < couples.pairStart[c + 1]!; j++) {
            for (let side = 0; side < 2; side++) if (couples.pairProg[2 * j + side]! >= 0) expected.add(`pair ${couples.members[2 * c + side]} ${couples.pairProg[2 * j + side]}`);
          }
        }
        supp.owner.forEach((a, l) => supp.rol.subarray(supp.start[l]!, supp.start[l + 1]!).forEach((p) => expected.add(`supp ${a} ${p}`)));
        expect(asked.sort()).toEqual([...expected].sort());

        const { pairProgRank, suppRolProgRank } = spreadAnswers(q, ws);
        for (let c = 0; c < nC; c++) {
          for (let j = couples.pairStart[c]!; j < couples.pairStart[c + 1]!; j++) {
            for (let side = 0; side < 2; side++) {
              const p = couples.pairProg[2 * j + side]!;
              const a = couples.members[2 * c + side]!;
              expect(pairProgRank[2 * j + side]).toBe(p < 0 ? -1 : answer(a, p));
              if (p < 0) continue;
              // Its query names the first pair of the couple asking p for this member.
              let first = couples.pairStart[c]!;
              while (couples.pairProg[2 * first + side] !== p) first++;
              expect(q.pairQueryFirstPair[q.pairQuery[2 * j + side]!]).toBe(first);
            }
          }
        }
        supp.owner.forEach((a, l) => {
          for (let e = supp.start[l]!; e < supp.start[l + 1]!; e++) expect(suppRolProgRank[e]).toBe(answer(a, supp.rol[e]!));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("should give compiled markets the programs' ranks of pair and supplemental owners, and each entry's first pair", () => {
    fc.assert(
      fc.property(fullScenario({ variations: true, couples: { min: 0, max: 3 }, maxPairs: 8 }), (scenario) => {
        const m = compileFullMarket(scenario);
        const rankOf = (p: number, a: number): number => (p < 0 ? -1 : scenario.programs[p]!.rol.indexOf(m.base.applicantIds[a]!));
        for (let c = 0; c < m.nC; c++) {
          for (let j = m.pairStart[c]!; j < m.pairStart[c + 1]!; j++) {
            for (let side = 0; side < 2; side++) {
              const p = m.pairProg[2 * j + side]!;
              const a = m.coupleMembers[2 * c + side]!;
              const rank = rankOf(p, a);
              expect(m.pairProgRank[2 * j + side]).toBe(rank);
              if (rank < 0) continue;
              let first = m.pairStart[c]!;
              while (m.pairProg[2 * first + side] !== p) first++;
              expect(firstPairAt(m, m.base.progStart[p]! + rank)).toBe(first);
            }
          }
        }
        m.suppOwner.forEach((a, l) => {
          for (let e = m.suppStart[l]!; e < m.suppStart[l + 1]!; e++) expect(m.suppRolProgRank[e]).toBe(rankOf(m.suppRol[e]!, a));
        });
      }),
      { numRuns: 300 },
    );
  });
});
