import { deferredAcceptance } from "../deferredAcceptance.ts";
import type { CompiledMarket } from "../market.ts";
import { buildPoset, type RotationPoset } from "./rotationPoset.ts";

const NONE = -1;

/**
 * Finds every rotation by walking from the applicant-optimal matching to the program-optimal one (each rotation is
 * exposed exactly once on that walk; Gusfield & Irving 1989, ch. 2–3).
 *
 * The walk runs on the market cloned into a one-to-one market (Gusfield & Irving §1.6): program p becomes
 * `cap[p] = min(quota, list length)` slots and an applicant ranking p ranks its slots in order, first slot first, so
 * a stable matching seats each program's holders in its own order of preference and stable matchings of the two
 * markets correspond one to one. The clone stays virtual: her position is an entry `e` of her own list plus a copy
 * `k` of that program, so nothing proportional to the cloned lists is allocated. Each applicant's position only
 * moves down her list, so the walk is O(Σ over mutual entries of cap[p]).
 */
export function findRotations(market: CompiledMarket): RotationPoset {
  const { nA, nP, appStart, appRol, appRolProgRank, progStart, quota } = market;
  // Slots: program p's copies are slotStart[p] … slotStart[p + 1] - 1.
  const slotStart = new Uint32Array(nP + 1);
  for (let p = 0; p < nP; p++) slotStart[p + 1] = slotStart[p]! + Math.min(quota[p]!, progStart[p + 1]! - progStart[p]!);
  const nS = slotStart[nP]!;
  const slotProgram = new Uint32Array(nS);
  for (let p = 0; p < nP; p++) slotProgram.fill(p, slotStart[p]!, slotStart[p + 1]!);
  const { matchOf: start, matchEntry } = deferredAcceptance(market);

  // Seat the applicant-optimal matching: each program's holders in slots by its own order of preference.
  const holder = new Int32Array(nS).fill(NONE); // applicant in each slot; NONE for a slot empty in every stable matching
  const holderRank = new Int32Array(nS).fill(0x7fffffff); // program's rank of the holder
  const slotOf = new Int32Array(nA).fill(NONE); // her current slot; NONE when unmatched
  const byProgram: number[][] = Array.from({ length: nP }, () => []);
  for (let a = 0; a < nA; a++) if (start[a]! >= 0) byProgram[start[a]!]!.push(a);
  for (let p = 0; p < nP; p++) {
    const rankOf = (a: number): number => appRolProgRank[matchEntry[a]!]!;
    byProgram[p]!.sort((x, y) => rankOf(x) - rankOf(y)).forEach((a, k) => {
      const s = slotStart[p]! + k;
      holder[s] = a;
      holderRank[s] = rankOf(a);
      slotOf[a] = s;
    });
  }
  const initialRank = holderRank.slice();
  const dead = new Uint8Array(nS); // empty in the applicant-optimal matching, hence in all (rural hospitals)
  for (let s = 0; s < nS; s++) if (holder[s] === NONE) dead[s] = 1;

  // Where she looks next for her "next" slot: entry ptrE of her list, copy ptrK of that program.
  const ptrE = new Uint32Array(nA);
  const ptrK = new Uint32Array(nA);
  const done = new Uint8Array(nA); // her current slot is final (unmatched applicants are final from the start)
  for (let a = 0; a < nA; a++) {
    if (slotOf[a] === NONE) { done[a] = 1; continue; }
    ptrE[a] = matchEntry[a]!;
    ptrK[a] = slotOf[a]! - slotStart[start[a]!]! + 1;
  }
  // Each slot's history, newest first: the rotation that gave it each new holder, and that holder's rank (ranks only
  // improve). A linked list per slot in arrays that grow with the moves.
  const historyHead = new Int32Array(nS).fill(NONE);
  const historyPrev: number[] = [];
  const historyRotation: number[] = [];
  const historyRank: number[] = [];
  // Precedence rule 2 (Gusfield & Irving): when she passes over slot s because its holder ranks above her, the
  // rotation that first gave s such a holder must come before her next rotation. Kept per applicant until then,
  // skipping a repeat of the last one.
  const pendingHead = new Int32Array(nA).fill(NONE);
  const pendingLast = new Int32Array(nA).fill(NONE);
  const pendingRotation: number[] = [];
  const pendingPrev: number[] = [];
  const edgesFrom: number[] = [];
  const edgesTo: number[] = [];

  /** Her next slot (also left in ptrE/ptrK): the first below her current one that prefers her to its holder; NONE when she can go no further. */
  const nextOf = (a: number): number => {
    let e = ptrE[a]!;
    let k = ptrK[a]!;
    for (const end = appStart[a + 1]!; e < end; ) {
      const rank = appRolProgRank[e]!;
      const p = appRol[e]!;
      if (rank < 0 || k >= slotStart[p + 1]! - slotStart[p]!) {
        e++;
        k = 0;
        continue;
      }
      const s = slotStart[p]! + k;
      if (dead[s] === 1) break;
      if (rank < holderRank[s]!) {
        ptrE[a] = e;
        ptrK[a] = k;
        return s;
      }
      let first = NONE;
      // If the holder it had at the start already ranked above her, no rotation was needed for her to pass it.
      if (initialRank[s]! > rank) for (let h = historyHead[s]!; h !== NONE && historyRank[h]! < rank; h = historyPrev[h]!) first = historyRotation[h]!;
      if (first !== NONE && pendingLast[a] !== first) {
        pendingRotation.push(first);
        pendingPrev.push(pendingHead[a]!);
        pendingHead[a] = pendingRotation.length - 1;
        pendingLast[a] = first;
      }
      k++;
    }
    ptrE[a] = e;
    ptrK[a] = k;
    return NONE;
  };

  const moveStart: number[] = [0];
  const moveApplicant: number[] = [];
  const moveFromSlot: number[] = [];
  const moveToSlot: number[] = [];
  const stack = new Int32Array(nA); // each applicant is on the stack at most once
  const onStack = new Uint8Array(nA);
  const nextSlot = new Int32Array(nA);
  let top = 0;
  // Walk from each applicant until her slot is final. A rotation can start at the bottom of the stack and take her
  // along, emptying the stack while she still has rotations to come, so she is pushed again rather than left behind.
  for (let first = 0; first < nA; first++) {
    while (done[first] === 0) {
      if (top === 0) {
        stack[top++] = first;
        onStack[first] = 1;
      }
      const a = stack[top - 1]!;
      const i = nextOf(a);
      if (i === NONE) {
        // Her slot's holder never leaves, so everyone below her on the stack (pointing at the slot above) is stuck too.
        while (top > 0) {
          const b = stack[--top]!;
          onStack[b] = 0;
          done[b] = 1;
        }
        break;
      }
      nextSlot[a] = i;
      const b = holder[i]!;
      if (done[b] === 1) {
        // She points at a final holder, so she is stuck, and so is everyone below her: same as above.
        while (top > 0) {
          const c = stack[--top]!;
          onStack[c] = 0;
          done[c] = 1;
        }
        break;
      }
      if (onStack[b] === 0) {
        stack[top++] = b;
        onStack[b] = 1;
        continue;
      }
      // A rotation: b … a on the stack, each moving to her next slot. Apply it.
      const rotation = moveStart.length - 1;
      let k = top - 1;
      while (stack[k] !== b) k--;
      for (let j = k; j < top; j++) {
        const c = stack[j]!;
        moveApplicant.push(c);
        moveFromSlot.push(slotOf[c]!);
        moveToSlot.push(nextSlot[c]!);
        for (let k2 = pendingHead[c]!; k2 !== NONE; k2 = pendingPrev[k2]!) {
          edgesFrom.push(pendingRotation[k2]!);
          edgesTo.push(rotation);
        }
        pendingHead[c] = NONE;
        pendingLast[c] = NONE;
      }
      for (let j = k; j < top; j++) {
        const c = stack[j]!;
        const s = nextSlot[c]!;
        const rank = appRolProgRank[ptrE[c]!]!; // ptrE/ptrK still point at that slot
        holder[s] = c;
        holderRank[s] = rank;
        historyPrev.push(historyHead[s]!);
        historyRotation.push(rotation);
        historyRank.push(rank);
        historyHead[s] = historyRank.length - 1;
        slotOf[c] = s;
        ptrK[c] = ptrK[c]! + 1;
        onStack[c] = 0;
      }
      top = k;
      moveStart.push(moveApplicant.length);
    }
  }
  const count = moveStart.length - 1;
  return buildPoset(market, start, count, moveStart, moveApplicant, moveFromSlot, moveToSlot, slotProgram, edgesFrom, edgesTo);
}
