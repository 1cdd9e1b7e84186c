// Where the guarantee stops, on seeded uniform random markets: who is matched differently under applicant- and
// program-proposing, and Roth–Peranson's truncation bound on who could gain (ALGORITHM.md §12).
// Run: npx tsx --conditions=@matchlab/source benchmarks/manipulationBounds.ts
import { compareProposingSides, truncationBound } from "@matchlab/core";
import { uniformMarket } from "./uniformMarket.ts";

const round = (x: number): number => Math.round(x);
const rows = [];
for (const seed of ["m1", "m2", "m3"]) {
  const market = uniformMarket({ applicants: 2_000, programs: 300, quota: 6, listLength: 12, seed });
  const t0 = performance.now();
  const sides = compareProposingSides(market);
  const ap = truncationBound(market, { side: "applicant" });
  const pp = truncationBound(market, { side: "program" });
  rows.push({
    seed,
    applicantsDiffering: sides.applicants.length,
    programsDiffering: sides.programs.length,
    bound: {
      applicantProposing: { applicants: ap.applicants.length, programs: ap.programs.length },
      programProposing: { applicants: pp.applicants.length, programs: pp.programs.length },
    },
    ms: round(performance.now() - t0),
  });
}
const nrmp = uniformMarket({ applicants: 47_208, programs: 6_626, quota: 6, listLength: 12, seed: "nrmp" });
const t = performance.now();
const nrmpSides = compareProposingSides(nrmp);
console.log(JSON.stringify({
  node: process.version,
  market2000: "2,000 applicants, 300 programs × 6 positions, lists of 12 (uniform)",
  rows,
  nrmpScale: { applicantsDiffering: nrmpSides.applicants.length, programsDiffering: nrmpSides.programs.length, ms: round(performance.now() - t) },
}, null, 1));
