import type { PointerArray } from "../pointerArray.ts";
import { chooseCouples, MAX_COUPLE_RANKS, withoutMembers, type GeneratedCouples } from "./couples.ts";
import type { Rng } from "./random.ts";

/**
 * Couples of a uniform k-list market, which has no geography to pair programs by. `round(share × nA / 2)` couples
 * of random applicants (among those with `eligible[a] === 1`, default all; see chooseCouples). Each couple ranks,
 * from the partners' own lists X = x₁ … and Y = y₁ …:
 *
 * 1. `jointPairs` pairs (x_i, y_j) in order of rank sum i + j, ties to the first partner's better rank, as
 *    formCouples orders them: (x₁, y₁), (x₁, y₂), (x₂, y₁), (x₁, y₃), (x₂, y₂), (x₃, y₁), …; a pair naming one
 *    program twice is left out when that program has a single position (it could never take both);
 * 2. then "No Match" fallbacks down both lists, alternating, as formCouples adds them: (x₁, –), (–, y₁), (x₂, –), …
 *
 * capped at 300 pairs (NRMP's limit). Every program of a pair is on that partner's own list, so it ranks her (the
 * programs' lists are left as they are); the partners' individual lists are emptied, in place (`appRol` is
 * overwritten, see withoutMembers). Draws only to choose the
 * partners; O(nA + couples × (jointPairs + list lengths)) time and memory.
 */
export function formUniformCouples(
  share: number,
  appStart: Uint32Array,
  appRol: PointerArray,
  quota: PointerArray,
  jointPairs: number,
  rng: Rng,
  eligible?: Uint8Array,
): { couples: GeneratedCouples; appStart: Uint32Array; appRol: PointerArray } {
  const members = chooseCouples(share, appStart.length - 1, rng, eligible);
  const count = members.length / 2;
  const lengthOf = (a: number): number => appStart[a + 1]! - appStart[a]!;
  // Bound on the pairs: each couple ranks at most jointPairs joint pairs plus one fallback per entry of either list.
  let bound = 0;
  for (let c = 0; c < count; c++) bound += Math.min(MAX_COUPLE_RANKS, jointPairs + lengthOf(members[2 * c]!) + lengthOf(members[2 * c + 1]!));
  const rol = new Int32Array(2 * bound);
  const start = new Uint32Array(count + 1);
  let n = 0; // pairs written
  for (let c = 0; c < count; c++) {
    const x = members[2 * c]!;
    const y = members[2 * c + 1]!;
    const fromX = appStart[x]!;
    const fromY = appStart[y]!;
    const lengthX = lengthOf(x);
    const lengthY = lengthOf(y);
    const cap = n + MAX_COUPLE_RANKS;
    const jointEnd = n + Math.min(jointPairs, MAX_COUPLE_RANKS);
    for (let sum = 0; sum <= lengthX + lengthY - 2 && n < jointEnd; sum++) {
      for (let i = Math.max(0, sum - lengthY + 1); i <= Math.min(sum, lengthX - 1) && n < jointEnd; i++) {
        const px = appRol[fromX + i]!;
        const py = appRol[fromY + sum - i]!;
        if (px === py && quota[px]! < 2) continue;
        rol[2 * n] = px;
        rol[2 * n + 1] = py;
        n++;
      }
    }
    for (let k = 0; k < Math.max(lengthX, lengthY) && n < cap; k++) {
      if (k < lengthX) {
        rol[2 * n] = appRol[fromX + k]!;
        rol[2 * n + 1] = -1;
        n++;
      }
      if (k < lengthY && n < cap) {
        rol[2 * n] = -1;
        rol[2 * n + 1] = appRol[fromY + k]!;
        n++;
      }
    }
    start[c + 1] = n;
  }
  return { couples: { members, start, rol: rol.slice(0, 2 * n) }, ...withoutMembers(appStart, appRol, members) };
}
