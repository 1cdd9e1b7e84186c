import { deferredAcceptance } from "../deferredAcceptance.ts";
import type { CompiledMarket } from "../market.ts";
import { cloneIntoSlots } from "./slots.ts";

/**
 * The rotations of a simple market and their precedence (Gusfield & Irving 1989, ch. 2–3). Every stable matching
 * is the applicant-optimal one with a closed set of rotations applied (a set containing each member's
 * predecessors); applying all of them gives the program-optimal matching.
 */
export interface RotationPoset {
  /** The applicant-optimal stable matching: program per applicant, -1 unmatched. */
  readonly applicantOptimal: Int32Array;
  /** Number of rotations, in an order where every rotation comes after its predecessors. */
  readonly count: number;
  /** Offsets into the move arrays, length count + 1. */
  readonly moveStart: Uint32Array;
  /** Applicant who changes program when the rotation is applied. */
  readonly moveApplicant: Uint32Array;
  /** Her program before the rotation. */
  readonly moveFrom: Uint32Array;
  /** Her program after it (one she ranks lower; the program gets an applicant it ranks higher). */
  readonly moveTo: Uint32Array;
  /** Offsets into `successors`, length count + 1. */
  readonly successorStart: Uint32Array;
  /** Rotations that must wait for this one (explicit precedence edges, possibly repeated). */
  readonly successors: Uint32Array;
}

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

/** Adds precedence rule 1, then packs the edges and the program-level moves of each rotation. */
function buildPoset(
  market: CompiledMarket, start: Int32Array, count: number, moveStart: number[], moveApplicant: number[], moveFromSlot: number[],
  moveToSlot: number[], slotProgram: Uint32Array, edgesFrom: number[], edgesTo: number[],
): RotationPoset {
  // Rule 1: rotations moving the same applicant come in the order they move her down her list.
  const last = new Int32Array(market.nA).fill(NONE);
  for (let r = 0; r < count; r++) {
    for (let m = moveStart[r]!; m < moveStart[r + 1]!; m++) {
      const a = moveApplicant[m]!;
      if (last[a] !== NONE) { edgesFrom.push(last[a]!); edgesTo.push(r); }
      last[a] = r;
    }
  }
  const successorStart = new Uint32Array(count + 1);
  for (const from of edgesFrom) successorStart[from + 1]!++;
  for (let r = 0; r < count; r++) successorStart[r + 1]! += successorStart[r]!;
  const successors = new Uint32Array(edgesFrom.length);
  const cursor = successorStart.slice(0, count);
  edgesFrom.forEach((from, k) => { successors[cursor[from]!++] = edgesTo[k]!; });

  // Program-level moves: drop the shuffles between slots of the same program.
  const keep: number[] = [];
  const keptStart = new Uint32Array(count + 1);
  for (let r = 0; r < count; r++) {
    for (let m = moveStart[r]!; m < moveStart[r + 1]!; m++) if (slotProgram[moveFromSlot[m]!] !== slotProgram[moveToSlot[m]!]) keep.push(m);
    keptStart[r + 1] = keep.length;
  }
  return {
    applicantOptimal: start,
    count,
    moveStart: keptStart,
    moveApplicant: Uint32Array.from(keep, (m) => moveApplicant[m]!),
    moveFrom: Uint32Array.from(keep, (m) => slotProgram[moveFromSlot[m]!]!),
    moveTo: Uint32Array.from(keep, (m) => slotProgram[moveToSlot[m]!]!),
    successorStart,
    successors,
  };
}
