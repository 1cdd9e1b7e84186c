import { crossRanks } from "./crossRanks.ts";
import type { QueriesByProgram } from "./ownerRanks.ts";
import type { FastValidResult, ResolvedLists } from "./fastValidate.ts";
import type { CompiledMarket } from "./market.ts";
import { fullRulesFeature } from "./fullRulesFeature.ts";
import { ScenarioError } from "./parse.ts";
import { pointerArrayFor, type PointerArray } from "./pointerArray.ts";
import type { Scenario } from "./schema.ts";
import type { Workspace } from "./workspace.ts";

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
export function compileMarket(scenario: Scenario, options: CompileMarketOptions = {}): CompiledMarket {
  // Ignoring couples, supplemental lists or reversions would be a silent guess: refuse them instead.
  const feature = fullRulesFeature(scenario);
  if (feature !== undefined) {
    throw new ScenarioError([{ path: feature.path, message: `${feature.message}, which need the full NRMP rules: use compileFullMarket and rothPeranson` }]);
  }
  const { resolved } = options;
  // Lists the parser resolved already (for this very scenario object) are used as they are.
  const { app, prog } = resolved !== undefined && resolved.scenario === scenario
    ? { app: resolved.applicantLists, prog: resolved.programLists }
    : resolveLists(scenario);
  return compileCsr({
    applicantIds: scenario.applicants.map((a) => a.id),
    programIds: scenario.programs.map((p) => p.id),
    appStart: app.start, appRol: app.rol,
    progStart: prog.start, progRol: prog.rol,
    quotas: scenario.programs.map((p) => p.quota),
  }, options);
}

/** Both sides' lists of ids resolved to indices, in CSR form. */
function resolveLists(scenario: Scenario): { app: ResolvedLists; prog: ResolvedLists } {
  const programIndex = new Map<string, number>();
  scenario.programs.forEach((program, p) => programIndex.set(program.id, p));
  const applicantIndex = new Map<string, number>();
  scenario.applicants.forEach((applicant, a) => applicantIndex.set(applicant.id, a));
  const nA = scenario.applicants.length;
  const nP = scenario.programs.length;
  const app = idListsToCsr(scenario.applicants, "applicants", programIndex, Math.max(nP - 1, 0));
  const prog = idListsToCsr(scenario.programs, "programs", applicantIndex, Math.max(nA - 1, 0));
  return { app, prog };
}

/**
 * Resolves every list of ids straight into CSR arrays (no per-list arrays in between); owners past `owners.length`
 * (up to `n`) get empty lists (couple members a full-rules scenario does not list). An unknown id, possible only in
 * a scenario that skipped validation, is a `ScenarioError` naming its place; the path is built only then.
 */
export function idListsToCsr(owners: readonly { rol: readonly string[] }[], section: string, index: Map<string, number>, maxIndex: number, n: number = owners.length): { start: Uint32Array; rol: PointerArray } {
  const start = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + (i < owners.length ? owners[i]!.rol.length : 0);
  const rol = new (pointerArrayFor(maxIndex))(start[n]!);
  for (let i = 0, k = 0; i < owners.length; i++) {
    const list = owners[i]!.rol;
    for (let j = 0, len = list.length; j < len; j++) {
      const x = index.get(list[j]!);
      if (x === undefined) throw new ScenarioError([{ path: `${section}[${i}].rol[${j}]`, message: `unknown id ${JSON.stringify(list[j])}` }]);
      rol[k++] = x;
    }
  }
  return { start, rol };
}

/** Flattens lists into CSR offsets plus entries; the entries array is as narrow as `maxIndex` allows. */
function toCsr(lists: ArrayLike<ArrayLike<number>>, maxIndex: number): { start: Uint32Array; rol: PointerArray } {
  const n = lists.length;
  const start = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + lists[i]!.length;
  const rol = new (pointerArrayFor(maxIndex))(start[n]!);
  // A plain loop: TypedArray.set from a plain array takes a slow generic path in V8.
  for (let i = 0, k = 0; i < n; i++) {
    const list = lists[i]!;
    for (let j = 0, len = list.length; j < len; j++) rol[k++] = list[j]!;
  }
  return { start, rol };
}

/** Options of `compileLists` and `compileCsr`. */
export interface CompileOptions {
  /**
   * Buffers to reuse across compilations (see `createWorkspace`); the market's rank arrays then live in it and the
   * next compilation with the same workspace overwrites them.
   * @defaultValue none: every compilation allocates its own arrays
   */
  workspace?: Workspace;
  /**
   * Extra (owner, program) entries to rank in the same walk over the programs' lists (`groupQueries`,
   * ownerRanks.ts): the full-rules compilers pass couples' pairs and supplemental lists here, and read the ranks
   * from its `answers` afterwards.
   * @defaultValue none
   */
  ownerQueries?: QueriesByProgram;
}

/** Options of `compileMarket`. */
export interface CompileMarketOptions extends CompileOptions {
  /**
   * The scenario's lists already resolved to indices, from `parseScenarioTextResolved` (used only when its
   * `scenario` is this very object): the ids are then not looked up a second time.
   * @defaultValue none: the lists are resolved here
   */
  resolved?: FastValidResult;
}

/** Compiles lists given by index (copied into CSR form first; `compileCsr` skips that copy). */
export function compileLists(lists: IndexedLists, options: CompileOptions = {}): CompiledMarket {
  const nA = lists.applicantIds.length;
  const nP = lists.programIds.length;
  const { start: appStart, rol: appRol } = toCsr(lists.applicantLists, Math.max(nP - 1, 0));
  const { start: progStart, rol: progRol } = toCsr(lists.programLists, Math.max(nA - 1, 0));
  return compileCsr({ applicantIds: lists.applicantIds, programIds: lists.programIds, appStart, appRol, progStart, progRol, quotas: lists.quotas }, options);
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
export function compileCsr(lists: CsrLists, options: CompileOptions = {}): CompiledMarket {
  const { appStart, appRol, progStart, progRol } = lists;
  const nA = lists.applicantIds.length;
  const nP = lists.programIds.length;
  if (appStart.length !== nA + 1 || progStart.length !== nP + 1) {
    throw new RangeError(`compileCsr: offsets must have length n + 1 (got ${appStart.length} for ${nA} applicants, ${progStart.length} for ${nP} programs)`);
  }
  const { appRolProgRank, progRolAppRank } = crossRanks(nA, nP, appStart, appRol, progStart, progRol, options);

  let maxQuota = 0;
  for (let p = 0; p < nP; p++) maxQuota = Math.max(maxQuota, lists.quotas[p]!);
  const quota = new (pointerArrayFor(maxQuota))(nP);
  for (let p = 0; p < nP; p++) quota[p] = lists.quotas[p]!;

  return {
    nA, nP,
    applicantIds: lists.applicantIds,
    programIds: lists.programIds,
    appStart, appRol, appRolProgRank,
    progStart, progRol, progRolAppRank,
    quota,
  };
}
