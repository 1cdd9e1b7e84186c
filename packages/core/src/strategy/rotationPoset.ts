import type { CompiledMarket } from "../market.ts";

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

/** Adds precedence rule 1, then packs the edges and the program-level moves of each rotation. */
export function buildPoset(
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
