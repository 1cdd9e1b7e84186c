import { countStableMatchings, findRotations, forEachStableMatching, type CompiledMarket } from "@matchlab/core";

/** One move of a rotation: applicant index, her program before and after. */
export interface LatticeMove {
  applicant: number;
  from: number;
  to: number;
}

/** The lattice of all stable matchings of a simple market, as a Hasse diagram. */
export interface Lattice {
  /** Stable matchings; 0 is applicant-optimal, and the one with every rotation applied is program-optimal. */
  matchings: Int32Array[];
  /** Rotations applied to reach each matching from applicant-optimal (its level in the diagram is the count). */
  applied: Uint32Array[];
  /** Cover relations: `from` becomes `to` by applying `rotation` (one step down towards program-optimal). */
  edges: Array<{ from: number; to: number; rotation: number }>;
  /** Per rotation, who moves where (program level). */
  rotations: LatticeMove[][];
  /** Index of the program-optimal matching. */
  programOptimal: number;
}

export type LatticeResult = { ok: true; lattice: Lattice } | { ok: false; reason: string };

export interface LatticeOptions {
  /** Larger markets are not drawn. @defaultValue 60 */
  maxApplicants?: number;
  /** Markets with more stable matchings than this are not drawn. @defaultValue 500 */
  maxMatchings?: number;
}

/**
 * Every stable matching of a small simple market through core's rotation poset, with the edges of its Hasse
 * diagram: a matching (closed set S of rotations) covers S ∪ {r} for each rotation r outside S whose
 * predecessors are all in S. O(matchings × rotations × predecessors), fine within the bounds.
 */
export function buildLattice(market: CompiledMarket, options: LatticeOptions = {}): LatticeResult {
  const maxApplicants = options.maxApplicants ?? 60;
  const maxMatchings = options.maxMatchings ?? 500;
  if (market.nA > maxApplicants) return { ok: false, reason: `The lattice is drawn for markets of up to ${maxApplicants} applicants; this one has ${market.nA}.` };
  const poset = findRotations(market);
  const counted = countStableMatchings(poset, { limit: maxMatchings + 1 });
  if (!counted.complete || counted.count > maxMatchings) return { ok: false, reason: `This market has more than ${maxMatchings} stable matchings: too many to draw.` };
  const matchings: Int32Array[] = [];
  const applied: Uint32Array[] = [];
  const index = new Map<string, number>();
  forEachStableMatching(poset, (matchOf, rotations) => {
    index.set(Array.from(rotations).join(","), matchings.length);
    matchings.push(matchOf.slice());
    applied.push(Uint32Array.from(rotations));
  });
  const { count, successorStart, successors, moveStart, moveApplicant, moveFrom, moveTo } = poset;
  const predecessors: number[][] = Array.from({ length: count }, () => []);
  for (let r = 0; r < count; r++) for (let k = successorStart[r]!; k < successorStart[r + 1]!; k++) predecessors[successors[k]!]!.push(r);
  const edges: Lattice["edges"] = [];
  applied.forEach((set, from) => {
    const inSet = new Set(set);
    for (let r = 0; r < count; r++) {
      if (inSet.has(r) || !predecessors[r]!.every((q) => inSet.has(q))) continue;
      const to = index.get([...set, r].sort((x, y) => x - y).join(","));
      if (to !== undefined) edges.push({ from, to, rotation: r });
    }
  });
  const rotations: LatticeMove[][] = [];
  for (let r = 0; r < count; r++) {
    const moves: LatticeMove[] = [];
    for (let m = moveStart[r]!; m < moveStart[r + 1]!; m++) moves.push({ applicant: moveApplicant[m]!, from: moveFrom[m]!, to: moveTo[m]! });
    rotations.push(moves);
  }
  const programOptimal = applied.findIndex((set) => set.length === count);
  return { ok: true, lattice: { matchings, applied, edges, rotations, programOptimal } };
}

/** "Y: B → A, Z: A → B": who moves where when a rotation is applied. */
export function describeRotation(market: CompiledMarket, moves: readonly LatticeMove[]): string {
  if (moves.length === 0) return "positions reshuffled within programs";
  return moves.map((m) => `${market.applicantIds[m.applicant]}: ${market.programIds[m.from]} → ${market.programIds[m.to]}`).join(", ");
}

/** Per applicant, 1 when her program differs between two matchings. */
export function movedBetween(a: ArrayLike<number>, b: ArrayLike<number>): Uint8Array {
  const moved = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) moved[i] = a[i] === b[i] ? 0 : 1;
  return moved;
}
