import { compileCsr, idListsToCsr } from "../compile.ts";
import { ScenarioError } from "../parse.ts";
import type { Scenario } from "../schema.ts";
import { compareIds, type FullMarket, sortedByIds, TrackCode } from "./fullMarket.ts";
import { indexCouplePairs } from "./couplePairIndex.ts";
import { fullRankQueries, spreadAnswers } from "./fullRankQueries.ts";

export { needsFullRules } from "../fullRulesFeature.ts";

/** Compiles a validated scenario with any of the Match's variations (see `FullMarket`). */
export function compileFullMarket(scenario: Scenario): FullMarket {
  const couples = scenario.couples ?? [];
  const applicantIds = scenario.applicants.map((a) => a.id);
  const applicantIndex = new Map<string, number>();
  applicantIds.forEach((id, a) => applicantIndex.set(id, a));
  for (const couple of couples) {
    for (const member of couple.members) {
      if (!applicantIndex.has(member)) {
        applicantIndex.set(member, applicantIds.length);
        applicantIds.push(member);
      }
    }
  }
  const programIndex = new Map<string, number>();
  scenario.programs.forEach((program, p) => programIndex.set(program.id, p));
  // The path is built only for the error: a template string per entry would cost more than the lookup.
  const lookup = (index: Map<string, number>, id: string, where: () => string): number => {
    const i = index.get(id);
    if (i === undefined) throw new ScenarioError([{ path: where(), message: `unknown id ${JSON.stringify(id)}` }]);
    return i;
  };
  const nA = applicantIds.length;
  const nP = scenario.programs.length;
  // Straight into CSR (no per-list arrays, no error path built unless an id is unknown): this is most of the cost.
  const app = idListsToCsr(scenario.applicants, "applicants", programIndex, Math.max(nP - 1, 0), nA);
  const prog = idListsToCsr(scenario.programs, "programs", applicantIndex, Math.max(nA - 1, 0), nP);
  // Couples: members and pairs, flattened two entries per pair.
  const nC = couples.length;
  const coupleMembers = new Uint32Array(2 * nC);
  const coupleOf = new Int32Array(nA).fill(-1);
  const pairStart = new Uint32Array(nC + 1);
  couples.forEach((couple, c) => {
    for (let s = 0; s < 2; s++) {
      const a = applicantIndex.get(couple.members[s]!)!;
      coupleMembers[2 * c + s] = a;
      coupleOf[a] = c;
    }
    pairStart[c + 1] = pairStart[c]! + couple.rol.length;
  });
  const pairProg = new Int32Array(2 * pairStart[nC]!);
  couples.forEach((couple, c) => {
    couple.rol.forEach((pair, k) => {
      for (let s = 0; s < 2; s++) {
        const id = pair[s];
        const slot = 2 * (pairStart[c]! + k) + s;
        pairProg[slot] = id === null || id === undefined ? -1 : lookup(programIndex, id, () => `couples[${c}].rol[${k}][${s}]`);
      }
    });
  });

  // Supplemental lists and their links to advanced programs.
  const suppStart: number[] = [0];
  const suppRolList: number[] = [];
  const suppOwnerList: number[] = [];
  const linkStart = new Uint32Array(nA + 1);
  const linkProgList: number[] = [];
  const linkListList: number[] = [];
  scenario.applicants.forEach((applicant, a) => {
    (applicant.supplemental ?? []).forEach((list, k) => {
      const l = suppOwnerList.length;
      suppOwnerList.push(a);
      list.rol.forEach((id, j) => suppRolList.push(lookup(programIndex, id, () => `applicants[${a}].supplemental[${k}].rol[${j}]`)));
      suppStart.push(suppRolList.length);
      list.linkedTo.forEach((id, j) => {
        linkProgList.push(lookup(programIndex, id, () => `applicants[${a}].supplemental[${k}].linkedTo[${j}]`));
        linkListList.push(l);
      });
    });
    linkStart[a + 1] = linkProgList.length;
  });
  for (let a = scenario.applicants.length; a < nA; a++) linkStart[a + 1] = linkStart[a]!;
  const suppRol = Uint32Array.from(suppRolList);
  // Typed, as the generated markets' are: the query loops then see one element kind whichever compiler calls them.
  const supp = { owner: Uint32Array.from(suppOwnerList), start: Uint32Array.from(suppStart), rol: suppRol };

  // The programs' ranks of pair and supplemental owners come from the cross-rank walk itself (ownerRanks.ts).
  const queries = fullRankQueries(nA, nP, { members: coupleMembers, pairStart, pairProg }, supp, undefined);
  const ownerQueries = queries.grouped;
  const base = compileCsr({
    applicantIds,
    programIds: scenario.programs.map((p) => p.id),
    appStart: app.start,
    appRol: app.rol,
    progStart: prog.start,
    progRol: prog.rol,
    quotas: scenario.programs.map((p) => p.quota),
  }, { ownerQueries });

  const { pairProgRank, suppRolProgRank } = spreadAnswers(queries, undefined);
  const { coupleEntries, firstPair } = indexCouplePairs(base, queries);

  const byId = (x: number, y: number): number => compareIds(applicantIds[x]!, applicantIds[y]!);
  const singles = sortedByIds(applicantIds, (a) => coupleOf[a] === -1);
  const lower = (c: number): number => (byId(coupleMembers[2 * c]!, coupleMembers[2 * c + 1]!) <= 0 ? coupleMembers[2 * c]! : coupleMembers[2 * c + 1]!);
  const couplesOrder = [...Array(nC).keys()].sort((x, y) => byId(lower(x), lower(y)));

  const revertsTo = Int32Array.from(scenario.programs, (p) => (p.revertsTo === undefined ? -1 : lookup(programIndex, p.revertsTo, () => "revertsTo")));
  const programIds = base.programIds;
  const donors = [...revertsTo.keys()].filter((p) => revertsTo[p]! >= 0).sort((x, y) => compareIds(programIds[x]!, programIds[y]!));
  const evenPrograms = [...revertsTo.keys()].filter((p) => scenario.programs[p]!.evenOnly === true).sort((x, y) => compareIds(programIds[x]!, programIds[y]!));
  return {
    base,
    nC,
    coupleMembers,
    coupleOf,
    pairStart,
    pairProg,
    pairProgRank,
    coupleEntries,
    firstPair,
    track: Uint8Array.from(scenario.programs, (p) => TrackCode[p.track ?? "categorical"]),
    revertsTo,
    donors: Uint32Array.from(donors),
    evenPrograms: Uint32Array.from(evenPrograms),
    suppStart: supp.start,
    suppRol,
    suppRolProgRank,
    suppOwner: supp.owner,
    linkStart,
    linkProg: Uint32Array.from(linkProgList),
    linkList: Uint32Array.from(linkListList),
    singlesOrder: Uint32Array.from(singles),
    couplesOrder: Uint32Array.from(couplesOrder),
  };
}
