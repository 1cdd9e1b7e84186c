import type { FullMarket } from "./fullMarket.ts";
import type { FullBlocking } from "./fullStability.ts";
import type { FullMatching, FullMethod } from "./rothPeranson.ts";

export interface FullApplicantOutcome {
  id: string;
  /** Primary program id (for an advanced match, the PGY-2 program), or null. */
  program: string | null;
  /** 1-based rank of `program` on her primary list; for a couple member, the couple's pair rank. */
  rank: number | null;
  /** PGY-1 program from her supplemental list, or null. */
  supplemental: string | null;
  /** 1-based rank of `supplemental` on the supplemental list in force. */
  supplementalRank: number | null;
}

export interface CoupleOutcome {
  members: [string, string];
  /** The matched pair (null inside means No Match for that partner), or null when the couple is unmatched. */
  pair: [string | null, string | null] | null;
  /** 1-based rank of the matched pair on the couple's list, or null. */
  rank: number | null;
}

export interface FullProgramOutcome {
  id: string;
  /** Final quota, after reversions. */
  quota: number;
  originalQuota: number;
  /** Every applicant it holds (primary and supplemental), in its order of preference. */
  matched: string[];
  unfilled: number;
}

export interface FullMatchResult {
  applicants: FullApplicantOutcome[];
  couples: CoupleOutcome[];
  programs: FullProgramOutcome[];
  reversions: Array<{ from: string; to: string; positions: number; round: number }>;
  /** Even-number requests applied: the program, its new quota and the applicant it let go. */
  evenCuts: Array<{ program: string; quota: number; removed: string; round: number }>;
  /** The last loop detected, with ids; null when the production order ran clean. */
  loop: { applicants: string[]; programs: string[]; attempt: number } | null;
  loopsDetected: number;
  loopsBroken: number;
  reorderings: number;
  /** Which method found the matching; "none" when no stable matching was found. */
  method: FullMethod;
  kprOrders: number;
  walkSteps: number;
  completed: boolean;
  proposals: number;
}

/** Maps a Roth–Peranson matching back to ids. */
export function collectFullResult(m: FullMarket, x: FullMatching): FullMatchResult {
  const { nA, nP, applicantIds, programIds, appStart, progStart, progRol, quota } = m.base;
  const pid = (p: number): string | null => (p < 0 ? null : programIds[p]!);
  const applicants = new Array<FullApplicantOutcome>(nA);
  for (let a = 0; a < nA; a++) {
    const c = m.coupleOf[a]!;
    const pair = c >= 0 ? x.couplePair[c]! : -1;
    const rank = c >= 0 ? (pair >= 0 && x.primaryOf[a]! >= 0 ? pair - m.pairStart[c]! + 1 : null) : x.primaryEntry[a]! >= 0 ? x.primaryEntry[a]! - appStart[a]! + 1 : null;
    const se = x.supplementalEntry[a]!;
    let suppRank: number | null = null;
    if (se >= 0) suppRank = se - m.suppStart[listOfEntry(m.suppStart, se)]! + 1;
    applicants[a] = { id: applicantIds[a]!, program: pid(x.primaryOf[a]!), rank, supplemental: pid(x.supplementalOf[a]!), supplementalRank: suppRank };
  }
  const couples: CoupleOutcome[] = [];
  for (let c = 0; c < m.nC; c++) {
    const j = x.couplePair[c]!;
    couples.push({
      members: [applicantIds[m.coupleMembers[2 * c]!]!, applicantIds[m.coupleMembers[2 * c + 1]!]!],
      pair: j < 0 ? null : [pid(m.pairProg[2 * j]!), pid(m.pairProg[2 * j + 1]!)],
      rank: j < 0 ? null : j - m.pairStart[c]! + 1,
    });
  }
  // Rosters: every holder, by the program's rank (a scan of each program's list, O(total list length)). The scan
  // stops once it has met as many holders as the program has (an empty program's list is not read): a program's
  // holders sit near the top of its list, so at 1M applicants this skips most of the 14M entries.
  const holders = new Int32Array(nP);
  for (let a = 0; a < nA; a++) {
    if (x.primaryOf[a]! >= 0) holders[x.primaryOf[a]!]!++;
    if (x.supplementalOf[a]! >= 0) holders[x.supplementalOf[a]!]!++;
  }
  const programs = new Array<FullProgramOutcome>(nP);
  for (let p = 0; p < nP; p++) {
    // Counts are an upper bound (a holder not on the list, or held twice by one program, is counted but never met):
    // then the scan runs to the end, as it always did, and the roster is cut to what it met. Sized up front: a
    // first push() gives an empty array room for 17, 100+ MB of slack over a million rosters.
    const want = holders[p]!;
    const matched = new Array<string>(want);
    let met = 0;
    for (let e = progStart[p]!; met < want && e < progStart[p + 1]!; e++) {
      const a = progRol[e]!;
      if (x.primaryOf[a] === p || x.supplementalOf[a] === p) matched[met++] = applicantIds[a]!;
    }
    if (met < want) matched.length = met;
    programs[p] = { id: programIds[p]!, quota: x.quota[p]!, originalQuota: quota[p]!, matched, unfilled: x.quota[p]! - matched.length };
  }
  return {
    applicants,
    couples,
    programs,
    reversions: x.reversions.map((r) => ({ from: programIds[r.from]!, to: programIds[r.to]!, positions: r.positions, round: r.round })),
    evenCuts: x.evenCuts.map((c) => ({ program: programIds[c.program]!, quota: c.quota, removed: applicantIds[c.removed]!, round: c.round })),
    loop: x.loop === null ? null : { applicants: x.loop.applicants.map((a) => applicantIds[a]!), programs: x.loop.programs.map((p) => programIds[p]!), attempt: x.loop.attempt },
    loopsDetected: x.loopsDetected,
    loopsBroken: x.loopsBroken,
    reorderings: x.reorderings,
    method: x.method,
    kprOrders: x.kprOrders,
    walkSteps: x.walkSteps,
    completed: x.completed,
    proposals: x.proposals,
  };
}

/**
 * The list holding entry `e` of a CSR array (`start` ascending, `start[list] ≤ e < start[list + 1]`), by binary
 * search: O(log lists). A linear walk from list 0 made collecting a 1M-applicant market with 100k supplemental
 * lists quadratic (seconds).
 */
export function listOfEntry(start: ArrayLike<number>, e: number): number {
  let lo = 0;
  let hi = start.length - 2; // the last list
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (start[mid]! <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A blocking case with ids, as the CLI prints it. */
export function describeBlocking(m: FullMarket, b: FullBlocking): { kind: FullBlocking["kind"]; applicant: string; program: string | null; members?: [string, string]; pair?: [string | null, string | null] } {
  const { applicantIds, programIds } = m.base;
  const pid = (p: number): string | null => (p < 0 ? null : programIds[p]!);
  if (b.kind !== "couple" || b.couple === undefined || b.pair === undefined) return { kind: b.kind, applicant: applicantIds[b.applicant]!, program: pid(b.program) };
  const c = b.couple;
  return {
    kind: "couple",
    applicant: applicantIds[b.applicant]!,
    program: pid(b.program),
    members: [applicantIds[m.coupleMembers[2 * c]!]!, applicantIds[m.coupleMembers[2 * c + 1]!]!],
    pair: [pid(m.pairProg[2 * b.pair]!), pid(m.pairProg[2 * b.pair + 1]!)],
  };
}

