import { pointerArrayFor } from "@matchlab/core";
import type { BenchMarket, SourceOptions } from "./marketSource.ts";

/**
 * TEMPORARY market maker, used until `generateMarket` (issue 4) is merged into main; then marketSource.ts switches
 * to it and this file goes. A uniform random k-list market (Roth–Peranson 1999 §VI): each applicant ranks k distinct
 * programs drawn uniformly, in random order; each program ranks every applicant who listed it, in random order.
 * The `nrmp-2025` preset is approximated by that market at the 2025 published counts (47,208 active applicants,
 * 6,626 programs, about 6.5 positions each, 12 ranks).
 */

const NRMP_2025 = { applicants: 47_208, programs: 6_626, positions: 43_237, listLength: 12 };

export function makeTemporaryMarket(options: SourceOptions, rng: () => number): BenchMarket {
  const nrmp = options.preset === "nrmp-2025";
  const nA = options.applicants ?? (nrmp ? NRMP_2025.applicants : 1000);
  const nP = options.programs ?? (nrmp ? Math.max(1, Math.round((nA * NRMP_2025.programs) / NRMP_2025.applicants)) : nA);
  const quotaEach = options.quota ?? (nrmp ? Math.round(NRMP_2025.positions / NRMP_2025.programs) : 1);
  const k = Math.min(options.listLength ?? (nrmp ? NRMP_2025.listLength : 15), nP);

  const appStart = new Uint32Array(nA + 1);
  for (let a = 0; a <= nA; a++) appStart[a] = a * k;
  const appRol = new (pointerArrayFor(Math.max(nP - 1, 0)))(nA * k);
  // Partial Fisher–Yates on a persistent permutation: k distinct programs per applicant in O(k).
  const perm = new Uint32Array(nP);
  for (let p = 0; p < nP; p++) perm[p] = p;
  for (let a = 0; a < nA; a++) {
    for (let j = 0; j < k; j++) {
      const r = j + Math.floor(rng() * (nP - j));
      const t = perm[j]!;
      perm[j] = perm[r]!;
      perm[r] = t;
      appRol[a * k + j] = perm[j]!;
    }
  }

  // Programs rank whoever listed them: counting sort by program, then a shuffle of each list.
  const progStart = new Uint32Array(nP + 1);
  for (let e = 0; e < nA * k; e++) progStart[appRol[e]! + 1]!++;
  for (let p = 0; p < nP; p++) progStart[p + 1]! += progStart[p]!;
  const progRol = new (pointerArrayFor(Math.max(nA - 1, 0)))(nA * k);
  const fill = progStart.slice(0, nP);
  for (let a = 0; a < nA; a++) for (let e = a * k; e < (a + 1) * k; e++) progRol[fill[appRol[e]!]!++] = a;
  for (let p = 0; p < nP; p++) {
    const start = progStart[p]!;
    for (let i = progStart[p + 1]! - 1; i > start; i--) {
      const j = start + Math.floor(rng() * (i - start + 1));
      const t = progRol[i]!;
      progRol[i] = progRol[j]!;
      progRol[j] = t;
    }
  }

  const quota = new (pointerArrayFor(quotaEach))(nP).fill(quotaEach);
  return { nA, nP, applicantIds: ids("a", nA), programIds: ids("p", nP), appStart, appRol, progStart, progRol, quota };
}

function ids(prefix: string, n: number): string[] {
  const width = String(n).length;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = prefix + String(i + 1).padStart(width, "0");
  return out;
}
