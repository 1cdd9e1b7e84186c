import type { SourceOptions } from "./marketSource.ts";

/** One market of the suite: what to generate, and with which seed (identical across processes and runs). */
export interface MarketSpec {
  /** Short name used on the command line (`--markets nrmp-2025,1m`) and in the results. */
  id: string;
  label: string;
  source: SourceOptions;
  seed: string;
}

/**
 * Variants run for every market. Singles only for now. HOOK for the rules branch (issue 3): once the couples
 * engine and supplemental lists land, add
 *   { name: "couples+supplemental", couplesShare: 0.05, supplementalShare: 0.1 }
 * and dispatch on `variant.name` in engineChild.ts (the rules engine instead of `solve`); the table and the JSON
 * already carry the variant name, and the target is "within 2× of singles at each size".
 */
export interface Variant {
  name: string;
  couplesShare: number;
  supplementalShare: number;
}

export const VARIANTS: readonly Variant[] = [{ name: "singles", couplesShare: 0, supplementalShare: 0 }];

export const MARKETS: readonly MarketSpec[] = [
  { id: "10k", label: "10k applicants (nrmp-2025 preset, scaled)", source: { preset: "nrmp-2025", applicants: 10_000 }, seed: "matchlab-bench-10k" },
  { id: "nrmp-2025", label: "NRMP 2025 scale (nrmp-2025 preset: 47,208 applicants)", source: { preset: "nrmp-2025" }, seed: "matchlab-bench-nrmp-2025" },
  { id: "250k", label: "250k applicants (nrmp-2025 preset, scaled)", source: { preset: "nrmp-2025", applicants: 250_000 }, seed: "matchlab-bench-250k" },
  {
    id: "1m",
    label: "1M applicants × 15 ranks (uniform preset: RP99 k-list, 1M one-position programs)",
    source: { preset: "uniform", applicants: 1_000_000, listLength: 15 },
    seed: "matchlab-bench-1m",
  },
];
