import type { CompiledMarket } from "../market.ts";
import type { Side } from "../matching.ts";
import { solve } from "../solve.ts";
import { compareRosters, rosterRanks } from "./rosters.ts";

export interface TruncationBoundOptions {
  /** Which side proposes. @defaultValue "applicant" */
  side?: Side;
  /** Give up after this many passes over each side. @defaultValue 20 */
  maxPasses?: number;
}

export interface TruncationBound {
  /** Applicants who gained by truncating just above their match: an upper bound on those who could gain. */
  applicants: number[];
  /** Programs who gained the same way (roster dominating or lexicographically better, see `compareRosters`). */
  programs: number[];
  /** Passes run for the applicants' and for the programs' procedure. */
  passes: { applicants: number; programs: number };
}

/**
 * Roth & Peranson's (1999, §V) bound on who could gain by truncating, run once for applicants and once for
 * programs (the other side truthful). One participant at a time, each truncates just above its match point in the
 * current profile (an applicant drops her match and everything below; a program drops its least-preferred matched
 * applicant and everything below); it keeps the truncation if that improves it by its true list, otherwise restores
 * its list; passes repeat until nothing changes. Truncating everyone at once instead would count gains that come only
 * from others vacating positions. One match per participant per pass, run on a masked copy of the rank arrays
 * (no recompiling): fine for synthetic markets of a few thousand applicants.
 */
export function truncationBound(market: CompiledMarket, options: TruncationBoundOptions = {}): TruncationBound {
  const side = options.side ?? "applicant";
  const maxPasses = options.maxPasses ?? 20;
  const truthful = solve(market, { side }).matchOf;
  const { appStart, appRol, progStart, progRol } = market;

  const applicants = procedure(market, side, maxPasses, market.nA, truthful, {
    cut: (match) => (a) => {
      const p = match[a]!;
      if (p < 0) return -1;
      let e = appStart[a]!;
      while (appRol[e] !== p) e++;
      return e === appStart[a]! ? -1 : e; // at her first choice: nothing to gain
    },
    range: (a) => [appStart[a]!, appStart[a + 1]!],
    pairOf: (e) => {
      const p = appRol[e]!;
      const a = ownerOf(appStart, e);
      let j = progStart[p]!;
      const end = progStart[p + 1]!;
      while (j < end && progRol[j] !== a) j++;
      return j < end ? j : -1; // -1: the program never ranked her
    },
    entryIsApplicant: true,
    gained: (a, match) => rankOn(market, a, match[a]!) < rankOn(market, a, truthful[a]!),
  });
  const trueRoster = rosterRanks(market, truthful);
  const programs = procedure(market, side, maxPasses, market.nP, truthful, {
    cut: (match) => {
      const rosters = rosterRanks(market, match);
      return (p) => {
        const worst = rosters[p]!.at(-1);
        if (worst === undefined || worst === rosters[p]!.length - 1) return -1; // empty, or already its top choices
        return progStart[p]! + worst;
      };
    },
    range: (p) => [progStart[p]!, progStart[p + 1]!],
    pairOf: (j) => {
      const a = progRol[j]!;
      const p = ownerOf(progStart, j);
      for (let e = appStart[a]!; e < appStart[a + 1]!; e++) if (appRol[e] === p) return e;
      return -1;
    },
    entryIsApplicant: false,
    gained: (p, match) => {
      const verdict = compareRosters(trueRoster[p]!, rosterRanks(market, match)[p]!);
      return verdict === "dominates" || verdict === "lexicographic";
    },
  });
  return { applicants: applicants.gainers, programs: programs.gainers, passes: { applicants: applicants.passes, programs: programs.passes } };
}

/** Her 0-based rank of program p on her true list; Infinity when unmatched. */
function rankOn(market: CompiledMarket, a: number, p: number): number {
  if (p < 0) return Infinity;
  for (let e = market.appStart[a]!; e < market.appStart[a + 1]!; e++) if (market.appRol[e] === p) return e - market.appStart[a]!;
  return Infinity;
}

/** The list owning CSR entry `e` (binary search over the offsets). */
function ownerOf(start: Uint32Array, e: number): number {
  let lo = 0;
  let hi = start.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (start[mid]! <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** One side's part in the procedure. */
interface Truncater {
  /** For the current matching, a function giving the first entry participant i would drop, or -1 to skip it. */
  cut: (match: Int32Array) => (i: number) => number;
  /** Participant i's entries [from, to) in its own list. */
  range: (i: number) => [number, number];
  /** The other side's entry for the same pair, or -1 when the other side does not list it. */
  pairOf: (entry: number) => number;
  /** True when entries are applicant-list entries (appRol), false for program-list entries (progRol). */
  entryIsApplicant: boolean;
  gained: (i: number, match: Int32Array) => boolean;
}

function procedure(market: CompiledMarket, side: Side, maxPasses: number, n: number, truthful: Int32Array, who: Truncater) {
  // A copy whose cross ranks we mask: a pair set to -1 on both sides is unranked for both engines.
  const appRolProgRank = market.appRolProgRank.slice();
  const progRolAppRank = market.progRolAppRank.slice();
  const work: CompiledMarket = { ...market, appRolProgRank, progRolAppRank };
  const setPair = (entry: number, restore: boolean): void => {
    const other = who.pairOf(entry);
    const e = who.entryIsApplicant ? entry : other;
    const j = who.entryIsApplicant ? other : entry;
    if (e >= 0) appRolProgRank[e] = restore ? market.appRolProgRank[e]! : -1;
    if (j >= 0) progRolAppRank[j] = restore ? market.progRolAppRank[j]! : -1;
  };
  const gained = new Uint8Array(n);
  let cutOf = who.cut(truthful);
  let passes = 0;
  let changed = true;
  while (changed && passes < maxPasses) {
    changed = false;
    passes++;
    for (let i = 0; i < n; i++) {
      if (gained[i] === 1) continue;
      const from = cutOf(i);
      if (from < 0) continue;
      const end = who.range(i)[1];
      for (let x = from; x < end; x++) setPair(x, false);
      const trial = solve(work, { side }).matchOf;
      if (who.gained(i, trial)) {
        gained[i] = 1;
        cutOf = who.cut(trial);
        changed = true;
      } else {
        for (let x = from; x < end; x++) setPair(x, true);
      }
    }
  }
  return { gainers: Array.from(gained.keys()).filter((i) => gained[i] === 1), passes };
}
