import { createLoopDetector, type LoopDetector } from "./loopDetector.ts";
import type { FullMarket } from "./fullMarket.ts";
import type { FullTrace } from "./fullTrace.ts";
import { resetCandidates } from "./repairCandidates.ts";
import { takeArray, type Workspace } from "../workspace.ts";
import { OPEN } from "./slots.ts";
import { wordsFor } from "./bitset.ts";

/**
 * Mutable state of one Roth–Peranson run, allocated once and reset between re-orderings. Agents on the applicant
 * stack are encoded as: `a` (single applicant a, her primary list), `nA + c` (couple c), `nA + nC + a` (the
 * supplemental list of applicant a).
 */
export interface RpState {
  /** Current quota per program (reversions move positions). */
  quota: Int32Array;
  /** Per program, positions it reverted away that it may still claim back while they sit unfilled downstream. */
  lent: Int32Array;
  /** True once any reversion happened (only then do the reclaim paths run). */
  anyLent: boolean;
  /** Positions held per program (primary and supplemental holders alike). */
  count: Int32Array;
  /** Per program, the largest program rank it holds (its least-preferred holder); -1 when empty. */
  worst: Int32Array;
  /**
   * Per program p, four slots from 4p: [0] the rank an applicant must be below to be taken (`OPEN` with a vacancy,
   * else `worst[p]`), [1] progStart[p], [2] the applicant it holds at `worst[p]` (-1 when empty), [3] unused. A
   * rejection, the common case of a proposal, reads one cache line instead of count, quota and worst apart, and a
   * bump learns whom it displaces from the same line rather than from the program's list (slots.ts keeps it in step).
   */
  gate: Int32Array;
  /** Bitset over program-list entries (progStart[p] + rank; bitset.ts): set when the program holds that applicant. */
  held: Int32Array;
  /**
   * Bitset over program-list entries: set once that applicant may prefer the program to what she holds: she was
   * rejected by it or bumped from it (and every couple's entry); the repair step skips the rest (repairCandidates.ts).
   */
  wants: Int32Array;
  /**
   * False until the run's first repair: until then no single's `next` pointer has moved back, so the entries she
   * passed are exactly those above her position, and `markPassed` (repairCandidates.ts) sets their `wants` bits in
   * one pass when a repair first needs them. A run without vacancies (a simple market) never pays for the marks.
   * Once true, rejections and bumps mark as they happen.
   */
  marking: boolean;
  /**
   * Per applicant a, four slots from 4a (the constants below): [PRIMARY] her primary program (-1 when she holds
   * none), [POS] her appRol entry (single) or pair index (couple member) there (-1), [RANK] the program's rank of
   * her there (-1), [NEXT] for a single, the next appRol entry she will try. Side by side because a bump reads or
   * writes all four: one cache line instead of four.
   */
  app: Int32Array;
  /** Per applicant, her PGY-1 program from a supplemental list; -1 when none. */
  supp: Int32Array;
  /** Per applicant, the supplemental list in force (linked to her primary advanced program); -1 when none. */
  suppList: Int32Array;
  /** Per applicant, her suppRol entry at `supp`; -1 when none. */
  suppEntry: Int32Array;
  /** Per applicant, the program's rank of her at `supp`; -1 when none. */
  suppRank: Int32Array;
  /** Per applicant, the next suppRol entry she will try. */
  suppNext: Uint32Array;
  /**
   * Per applicant, 1 for a single with no supplemental list (most applicants): her bumps and holds skip the
   * supplemental and couple bookkeeping, whose arrays a bump would otherwise touch (a cache miss each).
   */
  plain: Uint8Array;
  /** Per program, 1 when some supplemental list is linked to it: only a hold there can start a list. */
  linked: Uint8Array;
  /** Per applicant, 1 once admitted (she is in A(k)). */
  admitted: Uint8Array;
  /** Per couple, its matched pair index; -1 when unmatched. */
  couplePair: Int32Array;
  /** Per couple, the next pair index it will try. */
  coupleNext: Uint32Array;
  /** Applicant stack; each agent at most once (onAppStack), so nA + nC + nA slots suffice. */
  appStack: Int32Array;
  appTop: number;
  onAppStack: Uint8Array;
  /**
   * Per program, the rank its next repair scan starts from: 0 after a new vacancy (`pushProgram`); further down
   * when a repair stopped once it had pushed as many candidates as it had vacancies (`resumeRepair`, repair.ts).
   */
  resume: Int32Array;
  /** Program stack; each program at most once, so nP slots suffice. */
  progStack: Int32Array;
  progTop: number;
  onProgStack: Uint8Array;
  /** Repair scratch: agents found for one program, at most one per entry of its list (≤ nA). */
  scratch: Int32Array;
  detector: LoopDetector;
  /** Proposals made (single, couple-pair and supplemental entries examined). */
  proposals: number;
  /** Proposals made in the current step, to stop a runaway step even if the detector missed it. */
  stepProposals: number;
  /** The step's proposal budget (`drain`'s `maxStepProposals`), for `stepStopped`. */
  stepLimit: number;
  /**
   * True once a position was freed in the current step (a program went on the program stack). Before that the
   * step is a plain deferred-acceptance chain, which cannot loop, so bumps are not logged (the hot path stays
   * as cheap as simple deferred acceptance).
   */
  stepVacated: boolean;
  /** Set when a loop is detected; the run then unwinds. */
  looped: boolean;
  /**
   * Kojima–Pathak–Roth insertion (kpr.ts): a step that frees a position fails at once (the run unwinds as for a
   * loop), since only a step that frees none keeps every earlier rejection valid.
   */
  abortOnVacate: boolean;
  /** Per applicant, 1 when she has a banned program (see `banPair`). */
  hasBan: Uint8Array;
  /** Banned (applicant, program) pairs, flattened; a handful at most, one per loop broken. */
  banList: number[];
  /** Event log when the caller asked for one (`RothPeransonOptions.trace`); null costs one check per event site. */
  trace: FullTrace | null;
}

/** Slots of `RpState.app`, at 4a + slot for applicant a. */
export const PRIMARY = 0;
export const POS = 1;
export const RANK = 2;
export const NEXT = 3;

/** Applicant `a`'s primary program, -1 when none (`RpState.app`). */
export const primaryOf = (s: RpState, a: number): number => s.app[4 * a + PRIMARY]!;

/** The primary programs of everyone, -1 for none, as a new array (the checker and the result read them so). */
export function primaries(s: RpState, slot: number = PRIMARY): Int32Array {
  const out = new Int32Array(s.app.length >> 2);
  for (let a = 0; a < out.length; a++) out[a] = s.app[4 * a + slot]!;
  return out;
}

/**
 * Last resort once re-ordering has failed: the pair that kept cycling is banned (that program no longer takes
 * her) so the run can go on. The matching is then not stable and the checker reports that pair as blocking.
 */
export function banPair(s: RpState, a: number, p: number): void {
  s.hasBan[a] = 1;
  s.banList.push(a, p);
}

/**
 * Whether applicant `a` may have a banned program, in the proposal loops' order of tests: bans are rare (one per
 * loop broken), so while there are none the per-applicant flag (a cache miss) is not read.
 */
export const mayBeBanned = (s: RpState, a: number): boolean => s.banList.length !== 0 && s.hasBan[a] === 1;

export function isBanned(s: RpState, a: number, p: number): boolean {
  const list = s.banList;
  for (let i = 0; i < list.length; i += 2) if (list[i] === a && list[i + 1] === p) return true;
  return false;
}

/**
 * The state's buffers, from `workspace` when given (kept by role, so reruns on the same market reuse them instead of
 * touching fresh pages). Contents are then left from the previous run: `resetRpState` initialises every array a run
 * reads before its first step.
 */
export function createRpState(m: FullMarket, workspace?: Workspace): RpState {
  const { nA, nP, progStart } = m.base;
  const agents = 2 * nA + m.nC;
  const i32 = (role: string, n: number): Int32Array => takeArray(workspace, `rp.${role}`, Int32Array, n);
  const u32 = (role: string, n: number): Uint32Array => takeArray(workspace, `rp.${role}`, Uint32Array, n);
  const u8 = (role: string, n: number): Uint8Array => takeArray(workspace, `rp.${role}`, Uint8Array, n);
  return {
    quota: i32("quota", nP),
    lent: i32("lent", nP),
    anyLent: false,
    marking: false,
    count: i32("count", nP),
    worst: i32("worst", nP),
    gate: i32("gate", 4 * nP),
    held: i32("held", wordsFor(progStart[nP]!)),
    wants: i32("wants", wordsFor(progStart[nP]!)),
    app: i32("app", 4 * nA),
    supp: i32("supp", nA),
    suppList: i32("suppList", nA),
    suppEntry: i32("suppEntry", nA),
    suppRank: i32("suppRank", nA),
    suppNext: u32("suppNext", nA),
    admitted: u8("admitted", nA),
    plain: plainSingles(m, u8("plain", nA)),
    linked: linkedPrograms(m, u8("linked", nP)),
    couplePair: i32("couplePair", m.nC),
    coupleNext: u32("coupleNext", m.nC),
    appStack: i32("appStack", agents),
    appTop: 0,
    onAppStack: u8("onAppStack", agents),
    resume: i32("resume", nP),
    progStack: i32("progStack", nP),
    progTop: 0,
    onProgStack: u8("onProgStack", nP),
    scratch: i32("scratch", nA),
    detector: createLoopDetector(),
    proposals: 0,
    stepProposals: 0,
    stepLimit: 0,
    stepVacated: false,
    looped: false,
    abortOnVacate: false,
    hasBan: u8("hasBan", nA),
    banList: [],
    trace: null,
  };
}

/** Fills `out` with 1 for each single without supplemental lists, 0 for everyone else (see `RpState.plain`). */
function plainSingles(m: FullMarket, out: Uint8Array): Uint8Array {
  const { linkStart, coupleOf } = m;
  for (let a = 0; a < out.length; a++) out[a] = coupleOf[a] === -1 && linkStart[a] === linkStart[a + 1] ? 1 : 0;
  return out;
}

/** Fills `out` with 1 for each program some supplemental list is linked to (see `RpState.linked`). */
function linkedPrograms(m: FullMarket, out: Uint8Array): Uint8Array {
  out.fill(0);
  const { linkProg } = m;
  for (let k = 0; k < linkProg.length; k++) out[linkProg[k]!] = 1;
  return out;
}

/** Back to the empty matching with every applicant outside A(0), keeping the buffers. */
export function resetRpState(m: FullMarket, s: RpState): void {
  s.quota.set(m.base.quota);
  s.lent.fill(0);
  s.anyLent = false;
  s.marking = false;
  s.count.fill(0);
  s.worst.fill(-1);
  const { quota, progStart, nP } = m.base;
  for (let p = 0; p < nP; p++) {
    s.gate[4 * p] = quota[p]! > 0 ? OPEN : -1;
    s.gate[4 * p + 1] = progStart[p]!;
    s.gate[4 * p + 2] = -1;
  }
  s.held.fill(0);
  resetCandidates(s.wants);
  for (const arr of [s.supp, s.suppList, s.suppEntry, s.suppRank, s.couplePair]) arr.fill(-1);
  const { appStart, nA } = m.base;
  for (let a = 0; a < nA; a++) {
    s.app[4 * a + PRIMARY] = -1;
    s.app[4 * a + POS] = -1;
    s.app[4 * a + RANK] = -1;
    s.app[4 * a + NEXT] = appStart[a]!;
  }
  s.suppNext.fill(0);
  s.admitted.fill(0);
  for (let c = 0; c < m.nC; c++) s.coupleNext[c] = m.pairStart[c]!;
  s.appTop = 0;
  s.onAppStack.fill(0);
  s.progTop = 0;
  s.onProgStack.fill(0);
  s.resume.fill(0);
  s.proposals = 0;
  s.stepProposals = 0;
  s.looped = false;
  s.abortOnVacate = false;
  s.hasBan.fill(0);
  s.banList.length = 0;
}

/** True when the current step must stop: a loop, its proposal budget spent, or (under `abortOnVacate`) a vacancy. */
export const stepStopped = (s: RpState): boolean => s.looped || s.stepProposals > s.stepLimit || (s.abortOnVacate && s.stepVacated);

export function pushAgent(s: RpState, agent: number): void {
  if (s.onAppStack[agent] === 1) return;
  s.onAppStack[agent] = 1;
  s.appStack[s.appTop++] = agent;
}

export function pushProgram(s: RpState, p: number): void {
  s.stepVacated = true;
  // A new vacancy: whoever it skipped so far may block now, so its repair scans the whole list again.
  s.resume[p] = 0;
  if (s.onProgStack[p] === 1) return;
  s.onProgStack[p] = 1;
  s.progStack[s.progTop++] = p;
}

/**
 * Puts program `p` back on the program stack, its repair to resume at `rank` once the candidates it has pushed have
 * moved (repair.ts). A new vacancy before then (`pushProgram`) makes it scan from the top instead.
 */
export function resumeRepair(s: RpState, p: number, rank: number): void {
  if (s.onProgStack[p] === 1) return;
  s.resume[p] = rank;
  s.onProgStack[p] = 1;
  s.progStack[s.progTop++] = p;
}
