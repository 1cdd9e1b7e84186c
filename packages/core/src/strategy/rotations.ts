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
  const initialRank = new Int32Array(nS);
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
  initialRank.set(holderRank);
  const dead = new Uint8Array(nS); // empty in the applicant-optimal matching, hence in all (rural hospitals)
  for (let s = 0; s < nS; s++) if (holder[s] === NONE) dead[s] = 1;

  const ptr = new Int32Array(nA); // next slotList entry to examine for her "next" slot
  for (let a = 0; a < nA; a++) ptr[a] = pos[a]! + 1;
  const done = new Uint8Array(nA); // her current slot is final (unmatched applicants are final from the start)
  for (let a = 0; a < nA; a++) if (pos[a] === NONE) done[a] = 1;
  // Slots she passed over because they held someone they prefer; each waits for her next rotation.
  const skipSlot: number[] = [];
  const skipRank: number[] = [];
  const skipLink: number[] = []; // next skip of the same applicant, or NONE
  const skipRotation: number[] = [];
  const pendingSkip = new Int32Array(nA).fill(NONE);

  /** Her next slot: the first below her current one that prefers her to its holder; NONE when she can go no further. */
  const nextOf = (a: number): number => {
    let i = ptr[a]!;
    for (const end = listStart[a + 1]!; i < end; i++) {
      const s = slotList[i]!;
      if (dead[s] === 1) break;
      if (slotListRank[i]! < holderRank[s]!) {
        ptr[a] = i;
        return i;
      }
      skipSlot.push(s);
      skipRank.push(slotListRank[i]!);
      skipLink.push(pendingSkip[a]!);
      skipRotation.push(NONE);
      pendingSkip[a] = skipSlot.length - 1;
    }
    ptr[a] = i;
    return NONE;
  };

  const moveStart: number[] = [0];
  const moveApplicant: number[] = [];
  const moveFromSlot: number[] = [];
  const moveToSlot: number[] = [];
  const moveToRank: number[] = []; // the program's rank of her, at her new slot
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
        moveToRank.push(slotListRank[nextEntry[c]!]!);
        for (let skip = pendingSkip[c]!; skip !== NONE; skip = skipLink[skip]!) skipRotation[skip] = rotation;
        pendingSkip[c] = NONE;
      }
      for (let j = k; j < top; j++) {
        const c = stack[j]!;
        const i2 = nextEntry[c]!;
        const s = slotList[i2]!;
        holder[s] = c;
        holderRank[s] = slotListRank[i2]!;
        pos[c] = i2;
        ptr[c] = i2 + 1;
        onStack[c] = 0;
      }
      top = k;
      moveStart.push(moveApplicant.length);
    }
  }
  const count = moveStart.length - 1;
  return buildPoset(market, start, count, moveStart, moveApplicant, moveFromSlot, moveToSlot, moveToRank, slotProgram, initialRank, nS, {
    skipSlot, skipRank, skipRotation,
  });
}

interface Skips {
  skipSlot: number[];
  skipRank: number[];
  skipRotation: number[];
}

/** Precedence edges (Gusfield & Irving's two rules) and the program-level moves of each rotation. */
function buildPoset(
  market: CompiledMarket, start: Int32Array, count: number, moveStart: number[], moveApplicant: number[], moveFromSlot: number[],
  moveToSlot: number[], moveToRank: number[], slotProgram: Uint32Array, initialRank: Int32Array, nS: number, skips: Skips,
): RotationPoset {
  const edgesFrom: number[] = [];
  const edgesTo: number[] = [];
  // Rule 1: rotations moving the same applicant come in the order they move her down her list.
  const last = new Int32Array(market.nA).fill(NONE);
  // Each slot's history: the rotations that gave it a new holder, with that holder's rank (ranks only improve).
  const historyStart = new Uint32Array(nS + 1);
  for (let m = 0; m < moveToSlot.length; m++) historyStart[moveToSlot[m]! + 1]!++;
  for (let s = 0; s < nS; s++) historyStart[s + 1]! += historyStart[s]!;
  const historyRotation = new Uint32Array(moveToSlot.length);
  const historyRank = new Int32Array(moveToSlot.length);
  const fill = historyStart.slice(0, nS);
  for (let r = 0; r < count; r++) {
    for (let m = moveStart[r]!; m < moveStart[r + 1]!; m++) {
      const a = moveApplicant[m]!;
      if (last[a] !== NONE) { edgesFrom.push(last[a]!); edgesTo.push(r); }
      last[a] = r;
      const s = moveToSlot[m]!;
      const at = fill[s]!++;
      historyRotation[at] = r;
      historyRank[at] = moveToRank[m]!;
    }
  }
  // Rule 2: an applicant passed over slot s (its holder ranked above her) on her way to rotation r; the rotation
  // that first gave s a holder it ranks above her must come first.
  for (let k = 0; k < skips.skipSlot.length; k++) {
    const r = skips.skipRotation[k]!;
    if (r === NONE) continue;
    const s = skips.skipSlot[k]!;
    const rank = skips.skipRank[k]!;
    if (initialRank[s]! < rank) continue;
    for (let h = historyStart[s]!; h < historyStart[s + 1]!; h++) {
      if (historyRank[h]! < rank) { edgesFrom.push(historyRotation[h]!); edgesTo.push(r); break; }
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
