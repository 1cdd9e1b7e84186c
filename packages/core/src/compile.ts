import type { CompiledMarket } from "./market.ts";
import { fullRulesFeature } from "./fullRulesFeature.ts";
import { ScenarioError } from "./parse.ts";
import { pointerArrayFor, type PointerArray } from "./pointerArray.ts";
import type { Scenario } from "./schema.ts";

/** Lists in index form, the input `compileLists` shares with generators that never build string ids. */
export interface IndexedLists {
  applicantIds: readonly string[];
  programIds: readonly string[];
  /** Per applicant, program indices in preference order. */
  applicantLists: ArrayLike<ArrayLike<number>>;
  /** Per program, applicant indices in preference order. */
  programLists: ArrayLike<ArrayLike<number>>;
  quotas: ArrayLike<number>;
}

/**
 * Compiles a validated scenario into typed arrays (see `CompiledMarket`). Couples, supplemental lists, reversions
 * and even-number requests need the Roth–Peranson engine (`compileFullMarket`), so such a scenario is refused here
 * with a `ScenarioError`.
 */
export function compileMarket(scenario: Scenario): CompiledMarket {
  // Ignoring couples, supplemental lists or reversions would be a silent guess: refuse them instead.
  const feature = fullRulesFeature(scenario);
  if (feature !== undefined) {
    throw new ScenarioError([{ path: feature.path, message: `${feature.message}, which need the full NRMP rules: use compileFullMarket and rothPeranson` }]);
  }
  const programIndex = new Map<string, number>();
  scenario.programs.forEach((program, p) => programIndex.set(program.id, p));
  const applicantIndex = new Map<string, number>();
  scenario.applicants.forEach((applicant, a) => applicantIndex.set(applicant.id, a));
  const lookup = (index: Map<string, number>, id: string, where: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new ScenarioError([{ path: where, message: `unknown id ${JSON.stringify(id)}` }]);
    return i;
  };
  return compileLists({
    applicantIds: scenario.applicants.map((a) => a.id),
    programIds: scenario.programs.map((p) => p.id),
    applicantLists: scenario.applicants.map((a, i) => a.rol.map((id, j) => lookup(programIndex, id, `applicants[${i}].rol[${j}]`))),
    programLists: scenario.programs.map((p, i) => p.rol.map((id, j) => lookup(applicantIndex, id, `programs[${i}].rol[${j}]`))),
    quotas: scenario.programs.map((p) => p.quota),
  });
}

/** Flattens lists into CSR offsets plus entries; the entries array is as narrow as `maxIndex` allows. */
function toCsr(lists: ArrayLike<ArrayLike<number>>, maxIndex: number): { start: Uint32Array; rol: Uint8Array | Uint16Array | Uint32Array } {
  const n = lists.length;
  const start = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + lists[i]!.length;
  const rol = new (pointerArrayFor(maxIndex))(start[n]!);
  for (let i = 0; i < n; i++) rol.set(lists[i]!, start[i]!);
  return { start, rol };
}

/**
 * Compiles lists given by index. Cross ranks (each side's rank of the other, per list entry) are filled in
 * O(total list length) with one pass per program over the applicants who ranked it, using stamped scratch arrays
 * instead of an nA × nP table.
 */
export function compileLists(lists: IndexedLists): CompiledMarket {
  const nA = lists.applicantIds.length;
  const nP = lists.programIds.length;
  const { start: appStart, rol: appRol } = toCsr(lists.applicantLists, Math.max(nP - 1, 0));
  const { start: progStart, rol: progRol } = toCsr(lists.programLists, Math.max(nA - 1, 0));
  return compileCsr({ applicantIds: lists.applicantIds, programIds: lists.programIds, appStart, appRol, progStart, progRol, quotas: lists.quotas });
}

/** Lists already in CSR form (offsets + entries), as generators and binary market files hold them. */
export interface CsrLists {
  applicantIds: readonly string[];
  programIds: readonly string[];
  /** Offsets into `appRol`, length nA + 1. */
  appStart: Uint32Array;
  /** Program indices in preference order; entries must be < nP and duplicate-free within a list. */
  appRol: PointerArray;
  /** Offsets into `progRol`, length nP + 1. */
  progStart: Uint32Array;
  /** Applicant indices in preference order; entries must be < nA and duplicate-free within a list. */
  progRol: PointerArray;
  quotas: ArrayLike<number>;
}

/**
 * Compiles lists given in CSR form without copying them (the market keeps the arrays), so a generated market of
 * a million applicants reaches the engine with no per-list arrays and no JSON in between.
 */
export function compileCsr(lists: CsrLists): CompiledMarket {
  const { appStart, appRol, progStart, progRol } = lists;
  const nA = lists.applicantIds.length;
  const nP = lists.programIds.length;
  if (appStart.length !== nA + 1 || progStart.length !== nP + 1) {
    throw new RangeError(`compileCsr: offsets must have length n + 1 (got ${appStart.length} for ${nA} applicants, ${progStart.length} for ${nP} programs)`);
  }
  const totalA = appStart[nA]!;
  const totalP = progStart[nP]!;

  // Reverse index: for each program, the applicant-list entries that name it (a counting sort of entries).
  const revStart = new Uint32Array(nP + 1);
  for (let e = 0; e < totalA; e++) revStart[appRol[e]! + 1]!++;
  for (let p = 0; p < nP; p++) revStart[p + 1]! += revStart[p]!;
  const revEntry = new Uint32Array(totalA);
  const revOwner = new Uint32Array(totalA);
  const fill = revStart.slice(0, nP);
  for (let a = 0; a < nA; a++) {
    for (let e = appStart[a]!, end = appStart[a + 1]!; e < end; e++) {
      const slot = fill[appRol[e]!]!++;
      revEntry[slot] = e;
      revOwner[slot] = a;
    }
  }

  const appRolProgRank = new Int32Array(totalA).fill(-1);
  const progRolAppRank = new Int32Array(totalP).fill(-1);
  // stamp[a] === p + 1 marks that scratch values for applicant a belong to program p (no reset between programs).
  const appStamp = new Int32Array(nA);
  const appRankScratch = new Int32Array(nA); // applicant's rank of the current program
  const progStamp = new Int32Array(nA);
  const progRankScratch = new Int32Array(nA); // current program's rank of the applicant
  for (let p = 0; p < nP; p++) {
    const mark = p + 1;
    for (let r = revStart[p]!, end = revStart[p + 1]!; r < end; r++) {
      const a = revOwner[r]!;
      appStamp[a] = mark;
      appRankScratch[a] = revEntry[r]! - appStart[a]!;
    }
    const ps = progStart[p]!;
    for (let e = ps, end = progStart[p + 1]!; e < end; e++) {
      const a = progRol[e]!;
      if (appStamp[a] === mark) progRolAppRank[e] = appRankScratch[a]!;
      progStamp[a] = mark;
      progRankScratch[a] = e - ps;
    }
    for (let r = revStart[p]!, end = revStart[p + 1]!; r < end; r++) {
      const a = revOwner[r]!;
      if (progStamp[a] === mark) appRolProgRank[revEntry[r]!] = progRankScratch[a]!;
    }
  }

  let maxQuota = 0;
  for (let p = 0; p < nP; p++) maxQuota = Math.max(maxQuota, lists.quotas[p]!);
  const quota = new (pointerArrayFor(maxQuota))(nP);
  quota.set(lists.quotas);

  return {
    nA, nP,
    applicantIds: lists.applicantIds,
    programIds: lists.programIds,
    appStart, appRol, appRolProgRank,
    progStart, progRol, progRolAppRank,
    quota,
  };
}
