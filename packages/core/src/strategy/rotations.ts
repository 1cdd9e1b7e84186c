import { deferredAcceptance } from "../deferredAcceptance.ts";
import type { CompiledMarket } from "../market.ts";
import { buildPoset, type RotationPoset } from "./rotationPoset.ts";
import { cloneIntoSlots } from "./slots.ts";

const NONE = -1;

/**
 * Finds every rotation by walking from the applicant-optimal matching to the program-optimal one (each rotation is
 * exposed exactly once on that walk), on the cloned one-to-one market of `cloneIntoSlots`. Each applicant's pointer
 * only moves down her slot list, so the walk is O(cloned list length); precedence costs the same again.
 */
export function findRotations(market: CompiledMarket): RotationPoset {
  const { nA } = market;
  const { slotStart, slotProgram, listStart, slotList, slotListRank } = cloneIntoSlots(market);
  const nS = slotStart[market.nP]!;
  const start = deferredAcceptance(market).matchOf;

  // Seat the applicant-optimal matching in slots: each program's holders in its own order of preference.
  const holder = new Int32Array(nS).fill(NONE); // applicant in each slot; NONE for a slot empty in every stable matching
  const holderRank = new Int32Array(nS).fill(0x7fffffff); // program's rank of the holder
  const pos = new Int32Array(nA).fill(NONE); // index into slotList of her current slot; NONE when unmatched
  for (let a = 0; a < nA; a++) {
    const p = start[a]!;
    if (p < 0) continue;
    for (let i = listStart[a]!; i < listStart[a + 1]!; i++) if (slotProgram[slotList[i]!] === p) { pos[a] = i; break; }
  }
  const seat = new Uint32Array(market.nP);
  const { progStart, progRol } = market;
  for (let p = 0; p < market.nP; p++) {
    for (let e = progStart[p]!; e < progStart[p + 1]!; e++) {
      const a = progRol[e]!;
      if (start[a] !== p) continue;
      const s = slotStart[p]! + seat[p]!++;
      holder[s] = a;
      holderRank[s] = e - progStart[p]!;
      pos[a] = pos[a]! + seat[p]! - 1; // her first slot of p, moved to the slot she actually holds
    }
  }
  const initialRank = holderRank.slice();
  const dead = new Uint8Array(nS); // empty in the applicant-optimal matching, hence in all (rural hospitals)
  for (let s = 0; s < nS; s++) if (holder[s] === NONE) dead[s] = 1;

  const ptr = new Int32Array(nA); // next slotList entry to examine for her "next" slot
  for (let a = 0; a < nA; a++) ptr[a] = pos[a]! + 1;
  const done = new Uint8Array(nA); // her current slot is final (unmatched applicants are final from the start)
  for (let a = 0; a < nA; a++) if (pos[a] === NONE) done[a] = 1;
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

  /** Her next slot: the first below her current one that prefers her to its holder; NONE when she can go no further. */
  const nextOf = (a: number): number => {
    let i = ptr[a]!;
    for (const end = listStart[a + 1]!; i < end; i++) {
      const s = slotList[i]!;
      if (dead[s] === 1) break;
      const rank = slotListRank[i]!;
      if (rank < holderRank[s]!) {
        ptr[a] = i;
        return i;
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
    }
    ptr[a] = i;
    return NONE;
  };

  const moveStart: number[] = [0];
  const moveApplicant: number[] = [];
  const moveFromSlot: number[] = [];
  const moveToSlot: number[] = [];
  const stack = new Int32Array(nA); // each applicant is on the stack at most once
  const onStack = new Uint8Array(nA);
  const nextEntry = new Int32Array(nA);
  let top = 0;
  for (let first = 0; first < nA; first++) {
    if (done[first] === 1) continue;
    stack[top++] = first;
    onStack[first] = 1;
    while (top > 0) {
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
      nextEntry[a] = i;
      const b = holder[slotList[i]!]!;
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
        moveFromSlot.push(slotList[pos[c]!]!);
        moveToSlot.push(slotList[nextEntry[c]!]!);
        for (let k2 = pendingHead[c]!; k2 !== NONE; k2 = pendingPrev[k2]!) {
          edgesFrom.push(pendingRotation[k2]!);
          edgesTo.push(rotation);
        }
        pendingHead[c] = NONE;
        pendingLast[c] = NONE;
      }
      for (let j = k; j < top; j++) {
        const c = stack[j]!;
        const i2 = nextEntry[c]!;
        const s = slotList[i2]!;
        holder[s] = c;
        holderRank[s] = slotListRank[i2]!;
        historyPrev.push(historyHead[s]!);
        historyRotation.push(rotation);
        historyRank.push(slotListRank[i2]!);
        historyHead[s] = historyRank.length - 1;
        pos[c] = i2;
        ptr[c] = i2 + 1;
        onStack[c] = 0;
      }
      top = k;
      moveStart.push(moveApplicant.length);
    }
  }
  const count = moveStart.length - 1;
  return buildPoset(market, start, count, moveStart, moveApplicant, moveFromSlot, moveToSlot, slotProgram, edgesFrom, edgesTo);
}
