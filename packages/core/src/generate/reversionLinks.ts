import { REGIONS, type ProgramColumns } from "./generatedMarket.ts";
import { randomInt, type Rng } from "./random.ts";

/** Tries to find a target that is not itself a donor before a donor is left without a link. */
const MAX_TRIES = 8;

/**
 * Reversion links (ALGORITHM.md §6.3): `round(share × nP)` random programs name a program to receive their
 * unfilled positions, in the same specialty and region (a preliminary year reverting to Internal Medicine, the
 * classic case of a preliminary medicine year reverting to its hospital's categorical program). Targets are never
 * donors, so chains have length one and can never cycle. A donor with no eligible target is left unlinked.
 * Returns per program its target, -1 for none. `targetSpecialty[s]` is where specialty s's donors revert.
 */
export function generateReversions(share: number, columns: ProgramColumns, targetSpecialty: readonly number[], rng: Rng): Int32Array {
  const nP = columns.specialty.length;
  const revertsTo = new Int32Array(nP).fill(-1);
  const count = Math.min(nP, Math.round(share * nP));
  if (count === 0) return revertsTo;
  // Donors: a partial Fisher–Yates shuffle.
  const perm = new Uint32Array(nP);
  for (let p = 0; p < nP; p++) perm[p] = p;
  const donor = new Uint8Array(nP);
  for (let j = 0; j < count; j++) {
    const r = j + randomInt(rng, nP - j);
    const t = perm[j]!;
    perm[j] = perm[r]!;
    perm[r] = t;
    donor[perm[j]!] = 1;
  }
  // Programs grouped by (specialty, region): a counting sort on the cell key.
  const nR = REGIONS.length;
  // One cell per (specialty, region); targetSpecialty has one entry per specialty (no spread of a huge column).
  const cells = targetSpecialty.length * nR;
  const cellOf = (p: number): number => columns.specialty[p]! * nR + columns.region[p]!;
  const cellStart = new Uint32Array(cells + 1);
  for (let p = 0; p < nP; p++) cellStart[cellOf(p) + 1]!++;
  for (let c = 0; c < cells; c++) cellStart[c + 1]! += cellStart[c]!;
  const byCell = new Uint32Array(nP);
  const fill = cellStart.slice(0, cells);
  for (let p = 0; p < nP; p++) byCell[fill[cellOf(p)]!++] = p;
  // Donors in ascending index, so the result does not depend on the shuffle's order.
  for (let p = 0; p < nP; p++) {
    if (donor[p] === 0) continue;
    const cell = (targetSpecialty[columns.specialty[p]!] ?? columns.specialty[p]!) * nR + columns.region[p]!;
    const size = cellStart[cell + 1]! - cellStart[cell]!;
    if (size === 0) continue;
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const q = byCell[cellStart[cell]! + randomInt(rng, size)]!;
      if (donor[q] === 0) {
        revertsTo[p] = q;
        break;
      }
    }
  }
  return revertsTo;
}
