import { compileCsr } from "../compile.ts";
import type { GeneratedMarket } from "../generate/generatedMarket.ts";
import { programRanks } from "./compileFull.ts";
import { compareIds, type FullMarket } from "./fullMarket.ts";

/** Indices 0 … n − 1 in ascending id; generated ids are already in that order, so the sort is only a fallback. */
function idOrder(ids: readonly string[], members: ArrayLike<number>): Uint32Array {
  const order = Uint32Array.from(members);
  let sorted = true;
  for (let i = 1; i < order.length && sorted; i++) sorted = compareIds(ids[order[i - 1]!]!, ids[order[i]!]!) < 0;
  return sorted ? order : order.sort((x, y) => compareIds(ids[x]!, ids[y]!));
}

/**
 * Compiles a generated market with couples for the Roth–Peranson engine straight from its typed arrays: the same
 * `FullMarket` as `compileFullMarket(toScenario(market))` (which the tests check), without building one object
 * per participant or looking up a single id. Generated markets have no supplemental lists, reversions or
 * even-number requests. Program tracks come from the market's `track` column (categorical when absent).
 * O(list entries + nA + nP).
 */
export function compileFullGenerated(market: GeneratedMarket): FullMarket {
  const { nA, nP } = market;
  const base = compileCsr({
    applicantIds: market.applicantIds,
    programIds: market.programIds,
    appStart: market.appStart,
    appRol: market.appRol,
    progStart: market.progStart,
    progRol: market.progRol,
    quotas: market.quota,
  });
  const couples = market.couples ?? { members: new Uint32Array(0), start: new Uint32Array(1), rol: new Int32Array(0) };
  const nC = couples.start.length - 1;
  const coupleMembers = couples.members;
  const coupleOf = new Int32Array(nA).fill(-1);
  for (let c = 0; c < nC; c++) {
    coupleOf[coupleMembers[2 * c]!] = c;
    coupleOf[coupleMembers[2 * c + 1]!] = c;
  }
  // Pair j of couple c asks pairProg[2j + s] for side s: the generator's layout already.
  const pairProg = couples.rol;
  const pairOwner = new Uint32Array(pairProg.length);
  for (let c = 0; c < nC; c++) {
    for (let j = couples.start[c]!; j < couples.start[c + 1]!; j++) {
      pairOwner[2 * j] = coupleMembers[2 * c]!;
      pairOwner[2 * j + 1] = coupleMembers[2 * c + 1]!;
    }
  }
  const ids = market.applicantIds;
  const singles: number[] = [];
  for (let a = 0; a < nA; a++) if (coupleOf[a] === -1) singles.push(a);
  const lower = (c: number): number => {
    const x = coupleMembers[2 * c]!;
    const y = coupleMembers[2 * c + 1]!;
    return compareIds(ids[x]!, ids[y]!) <= 0 ? x : y;
  };
  const lowers = Array.from({ length: nC }, (_, c) => lower(c));
  const couplesOrder = Uint32Array.from({ length: nC }, (_, c) => c).sort((x, y) => compareIds(ids[lowers[x]!]!, ids[lowers[y]!]!));
  return {
    base,
    nC,
    coupleMembers,
    coupleOf,
    pairStart: couples.start,
    pairProg,
    pairProgRank: programRanks(base, pairOwner, pairProg),
    track: market.programs?.track ?? new Uint8Array(nP),
    revertsTo: new Int32Array(nP).fill(-1),
    donors: new Uint32Array(0),
    evenPrograms: new Uint32Array(0),
    suppStart: Uint32Array.of(0),
    suppRol: new Uint32Array(0),
    suppRolProgRank: new Int32Array(0),
    suppOwner: new Uint32Array(0),
    linkStart: new Uint32Array(nA + 1),
    linkProg: new Uint32Array(0),
    linkList: new Uint32Array(0),
    singlesOrder: idOrder(ids, singles),
    couplesOrder,
  };
}
