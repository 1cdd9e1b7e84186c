import type { CompiledMarket } from "../market.ts";
import type { Side } from "../matching.ts";
import { solve } from "../solve.ts";
import { compareRosters, type EditableLists, editableLists, recompile, rosterRanks } from "./rosters.ts";

export interface TruncationBoundOptions {
  /** Which side proposes. @defaultValue "applicant" */
  side?: Side;
  /** Give up after this many rounds (each runs the match twice). @defaultValue 50 */
  maxRounds?: number;
}

export interface TruncationBound {
  /** Applicants who gained by truncating just above their match: an upper bound on those who could gain. */
  applicants: number[];
  /** Programs who gained the same way (roster better lexicographically or dominating, see `compareRosters`). */
  programs: number[];
  /** Rounds run for the applicants' and the programs' procedure. */
  rounds: { applicants: number; programs: number };
}

/**
 * Roth & Peranson's (1999, §V) bound on who could gain by truncating, run once for applicants and once for
 * programs (the other side truthful): everyone on that side not yet counted truncates just above its match point
 * (an applicant drops her match and everything below it; a program drops its least-preferred matched applicant
 * and everything below); those who improve by their true lists keep the truncation, the others restore theirs;
 * repeat until nothing changes. Participants already at the top of their lists cannot gain and are left alone.
 */
export function truncationBound(market: CompiledMarket, options: TruncationBoundOptions = {}): TruncationBound {
  const side = options.side ?? "applicant";
  const maxRounds = options.maxRounds ?? 50;
  const truth = editableLists(market);
  const truthful = solve(market, { side }).matchOf;
  const trueRoster = rosterRanks(market, truthful);
  const trueRankOf = (a: number, p: number): number => (p < 0 ? Infinity : truth.applicantLists[a]!.indexOf(p));

  const applicants = procedure(market, side, maxRounds, market.nA, truthful, {
    truncate: (lists, a, match) => {
      const r = trueRankOf(a, match[a]!);
      if (r === Infinity || r === 0) return false;
      lists.applicantLists[a] = truth.applicantLists[a]!.slice(0, r);
      return true;
    },
    keep: (to, from, a) => { to.applicantLists[a] = from.applicantLists[a]!; },
    gained: (a, match) => trueRankOf(a, match[a]!) < trueRankOf(a, truthful[a]!),
  });
  // Rosters of the last matching asked about: every program asks about the same matching in turn.
  let rosterFor: Int32Array | undefined;
  let rosters: number[][] = [];
  const rostersOf = (match: Int32Array): number[][] => {
    if (rosterFor !== match) { rosters = rosterRanks(market, match); rosterFor = match; }
    return rosters;
  };
  const programs = procedure(market, side, maxRounds, market.nP, truthful, {
    truncate: (lists, p, match) => {
      const roster = rostersOf(match)[p]!;
      const worst = roster.at(-1);
      if (worst === undefined || worst === roster.length - 1) return false; // empty, or already its top choices
      lists.programLists[p] = truth.programLists[p]!.slice(0, worst);
      return true;
    },
    keep: (to, from, p) => { to.programLists[p] = from.programLists[p]!; },
    gained: (p, match) => {
      const verdict = compareRosters(trueRoster[p]!, rostersOf(match)[p]!);
      return verdict === "dominates" || verdict === "lexicographic";
    },
  });
  return { applicants: applicants.gainers, programs: programs.gainers, rounds: { applicants: applicants.rounds, programs: programs.rounds } };
}

interface Participant {
  /** Truncates participant i's list just above its match in `match`; false when it has nothing to gain. */
  truncate: (lists: EditableLists, i: number, match: Int32Array) => boolean;
  keep: (to: EditableLists, from: EditableLists, i: number) => void;
  /** True when participant i prefers its result in `match` to its truthful one. */
  gained: (i: number, match: Int32Array) => boolean;
}

function procedure(market: CompiledMarket, side: Side, maxRounds: number, n: number, truthful: Int32Array, who: Participant) {
  const gained = new Uint8Array(n);
  const kept = editableLists(market); // truthful lists, except the gainers' truncations
  let current = truthful;
  let rounds = 0;
  while (rounds < maxRounds) {
    rounds++;
    const trial = editableLists(market);
    for (let i = 0; i < n; i++) {
      if (gained[i] === 1) who.keep(trial, kept, i);
      else who.truncate(trial, i, current);
    }
    const trialMatch = solve(recompile(market, trial), { side }).matchOf;
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (gained[i] === 1 || !who.gained(i, trialMatch)) continue;
      gained[i] = 1;
      who.keep(kept, trial, i);
      changed = true;
    }
    if (!changed) break;
    current = solve(recompile(market, kept), { side }).matchOf;
  }
  return { gainers: Array.from(gained.keys()).filter((i) => gained[i] === 1), rounds };
}
