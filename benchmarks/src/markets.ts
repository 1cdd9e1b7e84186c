import type { SourceOptions } from "./marketSource.ts";

/** One market of the suite: what to generate, and with which seed (identical across processes and runs). */
export interface MarketSpec {
  /** Short name used on the command line (`--markets nrmp-2025,1m`) and in the results. */
  id: string;
  label: string;
  source: SourceOptions;
  seed: string;
  /** Whether its preset can generate couples and supplemental lists (the NRMP presets and `uniform`; not `correlated`). */
  fullRules: boolean;
}

/**
 * Variants run for every market. "singles" runs the simple engine (engineChild.ts); a variant with couples or
 * supplemental lists runs the Roth–Peranson engine (fullEngineChild.ts) on markets whose preset can generate them,
 * and the table sets its compile + solve beside the singles run of the same size (issue 5's target: within 2×).
 */
export interface Variant {
  name: string;
  couplesShare: number;
  supplementalShare: number;
}

export const VARIANTS: readonly Variant[] = [
  { name: "singles", couplesShare: 0, supplementalShare: 0 },
  // Recent Matches: about 5 % of applicants in couples.
  { name: "couples", couplesShare: 0.05, supplementalShare: 0 },
  // Plus about 10 % with supplemental lists (RP99: 8–12 %), the full-rules market.
  { name: "couples+supplemental", couplesShare: 0.05, supplementalShare: 0.1 },
];

/** True when `variant` needs the Roth–Peranson engine rather than the simple one. */
export const needsFullRules = (variant: Variant): boolean => variant.couplesShare > 0 || variant.supplementalShare > 0;

export const MARKETS: readonly MarketSpec[] = [
  { id: "10k", label: "10k applicants (nrmp-2025 preset, scaled)", source: { preset: "nrmp-2025", applicants: 10_000 }, seed: "matchlab-bench-10k", fullRules: true },
  { id: "nrmp-2025", label: "NRMP 2025 scale (nrmp-2025 preset: 47,208 applicants)", source: { preset: "nrmp-2025" }, seed: "matchlab-bench-nrmp-2025", fullRules: true },
  { id: "250k", label: "250k applicants (nrmp-2025 preset, scaled)", source: { preset: "nrmp-2025", applicants: 250_000 }, seed: "matchlab-bench-250k", fullRules: true },
  {
    id: "1m",
    label: "1M applicants × 15 ranks (uniform preset: RP99 k-list, 1M one-position programs)",
    source: { preset: "uniform", applicants: 1_000_000, listLength: 15 },
    seed: "matchlab-bench-1m",
    // The uniform preset's variations (generateUniformFullMarket): couples rank 15 joint pairs of the partners'
    // lists then "No Match" fallbacks; 10 % of programs are advanced and 10 % preliminary, and 10 % of applicants
    // rank 15 advanced programs with a supplemental list of 15 preliminary ones.
    fullRules: true,
  },
];
