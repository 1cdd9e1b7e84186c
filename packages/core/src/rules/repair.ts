import { TrackCode, type FullMarket } from "./fullMarket.ts";
import { proposeCouple } from "./couples.ts";
import { proposeSingle, proposeSupplemental } from "./proposals.ts";
import { reclaimable } from "./reversions.ts";
import { NEXT, POS, pushAgent, resumeRepair, type RpState, stepStopped } from "./rpState.ts";
import { traceRepair } from "./fullTraceHooks.ts";
import { clipWord } from "./bitset.ts";
import { firstPairAt } from "./couplePairIndex.ts";
import { markPassed } from "./repairCandidates.ts";

/**
 * The agent of applicant `a` who could block with program `p` (it would take her; the caller checked), set to
 * propose again from `p`'s place on her list (or earlier, if already set so); -1 when she prefers what she holds.
 * Roth and Peranson restart from the top; entries above `p` need no retry, since any of them that opened up went
 * on the program stack and pushes her itself, so the run ends just as stable with less work. For a couple member this is a
 * quick superset (some better pair names `p` for her); the couple's own scan decides.
 */
function blockingAgent(m: FullMarket, s: RpState, a: number, p: number, entry: number, preliminary: boolean): number {
  const { nA, appStart, progRolAppRank } = m.base;
  // Most candidates are singles with no supplemental list: the byte of `plain` says so without reading coupleOf
  // or suppList (four times the bytes, so more cache misses).
  const plain = s.plain[a] === 1;
  const c = plain ? -1 : m.coupleOf[a]!;
  if (c < 0) {
    const k = progRolAppRank[entry]!;
    if (k >= 0 && (s.app[4 * a + POS]! < 0 || appStart[a]! + k < s.app[4 * a + POS]!)) {
      s.app[4 * a + NEXT] = Math.min(s.app[4 * a + NEXT]!, appStart[a]! + k);
      return a;
    }
  } else {
    // The first pair naming p for her (couplePairIndex.ts), if it is above the couple's match.
    const end = s.couplePair[c]! >= 0 ? s.couplePair[c]! : m.pairStart[c + 1]!;
    const j = firstPairAt(m, entry);
    if (j >= 0 && j < end) {
      s.coupleNext[c] = Math.min(s.coupleNext[c]!, j);
      return nA + c;
    }
  }
  if (!preliminary || plain) return -1;
  const list = s.suppList[a]!;
  if (list >= 0) {
    const end = s.suppEntry[a]! >= 0 ? s.suppEntry[a]! : m.suppStart[list + 1]!;
    for (let e = m.suppStart[list]!; e < end; e++) {
      if (m.suppRol[e] === p) {
        s.suppNext[a] = Math.min(s.suppNext[a]!, e);
        return nA + m.nC + a;
      }
    }
  }
  return -1;
}

/**
 * A program came off the program stack: every admitted applicant it would take and who prefers it goes on the
 * applicant stack, to be processed in ascending program rank (ALGORITHM.md §9, rule 4).
 *
 * With v vacancies, the scan stops once it has pushed v singles or supplemental lists (each takes the program when
 * she proposes: she starts at its entry), and the program goes back on the program stack to resume right after the
 * last one once they have moved (`resumeRepair`); a new vacancy meanwhile restarts it from the top. Everyone who can block when the
 * scan reaches her is still pushed, in the same ascending rank order; what changes is that those the first ones
 * left no room for are not pushed only to be turned away. Pushing everyone at once (as this engine did before)
 * made them propose to a program that had just filled: at NRMP size with supplemental lists, 88 % of those
 * re-proposals ended where they started. The order of proposals changes, so with couples or supplemental lists the
 * matching may too: on 20,000 small random markets and 160 generated ones the results were identical on all but
 * 3 and 33, and every market the old order ended stable, this one ended stable too (README, "The NRMP rules").
 * A couple counts for nothing, since its pair may not work.
 */
export function repairProgram(m: FullMarket, s: RpState, p: number): void {
  const { progStart, progRol, nA } = m.base;
  const ps = progStart[p]!;
  const from = ps + s.resume[p]!;
  s.resume[p] = 0;
  const room = s.count[p]! < s.quota[p]! || (s.anyLent && reclaimable(m, s, p) > 0);
  // With reversions to claim back, room is not a count: take everyone at once there, as the end game is short.
  const vacancies = room && !s.anyLent ? s.quota[p]! - s.count[p]! : nA + 1;
  const suppBase = nA + m.nC;
  let taking = 0;
  // Without room, only those it ranks above its least-preferred holder, and that holder herself: a couple member
  // p holds may still block with a better pair that keeps her at p.
  const limit = room ? progStart[p + 1]! - ps : s.worst[p]! + 1;
  // Only a preliminary program is on supplemental lists: others skip that lookup for every entry they scan.
  const preliminary = m.track[p] === TrackCode.preliminary;
  let n = 0;
  const { held, wants } = s;
  const { coupleEntries } = m;
  const end = ps + limit;
  // Only entries whose applicant has passed p can block (repairCandidates.ts), and of those p holds, only couple
  // members: her couple may prefer another pair that names p for her too (it moves there when p has a vacancy, as
  // (No Match, p) over (q, p)). Most entries are neither, and the bitsets skip them 32 at a time, in ascending rank.
  scan: for (let k = from >>> 5, last = (end - 1) >>> 5; from < end && k <= last; k++) {
    let word = wants[k]! & ~(held[k]! & ~coupleEntries[k]!);
    if (word === 0) continue;
    word = clipWord(word, k, from, end);
    while (word !== 0) {
      const low = word & -word;
      word ^= low;
      const entry = (k << 5) + 31 - Math.clz32(low);
      const a = progRol[entry]!;
      if (s.admitted[a] === 0) continue;
      const agent = blockingAgent(m, s, a, p, entry, preliminary);
      if (agent < 0) continue;
      s.scratch[n++] = agent;
      if ((agent < nA || agent >= suppBase) && ++taking === vacancies) {
        // Resume right after her, not at the next mark: where a scan stops must not depend on the marks, which
        // are only a superset of the candidates (repairCandidates.ts).
        if (entry + 1 < end) resumeRepair(s, p, entry + 1 - ps);
        break scan;
      }
    }
  }
  if (s.trace !== null) traceRepair(m, s, p, n);
  // A stack pops last-in first: push in reverse so the best-ranked applicant proposes first.
  for (let i = n - 1; i >= 0; i--) pushAgent(s, s.scratch[i]!);
}

/**
 * Empties both stacks (applicants first, then one program at a time). Returns false when the loop detector fired,
 * the step ran past `maxStepProposals`, or (under `abortOnVacate`) the step freed a position.
 */
export function drain(m: FullMarket, s: RpState, maxStepProposals: number): boolean {
  const { nA } = m.base;
  const coupleBase = nA;
  const suppBase = nA + m.nC;
  s.stepLimit = maxStepProposals;
  for (;;) {
    if (stepStopped(s)) {
      s.looped = true;
      return false;
    }
    if (s.appTop > 0) {
      const agent = s.appStack[--s.appTop]!;
      s.onAppStack[agent] = 0;
      if (agent < coupleBase) proposeSingle(m, s, agent);
      else if (agent < suppBase) proposeCouple(m, s, agent - coupleBase);
      else proposeSupplemental(m, s, agent - suppBase);
    } else if (s.progTop > 0) {
      const p = s.progStack[--s.progTop]!;
      s.onProgStack[p] = 0;
      if (!s.marking) markPassed(m, s);
      repairProgram(m, s, p);
      // A vacancy here may be a reverted position its donors can claim back: re-examine them too.
      if (s.anyLent) for (const d of m.donors) if (s.lent[d]! > 0 && d !== p) repairProgram(m, s, d);
    } else {
      return true;
    }
  }
}
