import { compileGeneratedFull, compileGenerated, deferredAcceptance, generateMarket, rothPeranson, type CompiledMarket, type GeneratedMarket } from "@matchlab/core";
import seedrandom from "seedrandom";
import { STAGES, type DashboardSettings, type DashboardSummary, type Stage } from "./protocol.ts";
import { compareSides } from "./sides.ts";
import { couplesSummary, singleRankCounts, specialtyColumns, typeRows, type MatchColumns } from "./summarize.ts";

/** Called as each stage starts, with the share of the run's work done so far (by typical stage cost). */
export type ProgressListener = (stage: Stage, done: number) => void;

/** Typical share of a run's time spent before each stage starts (measured at NRMP scale with 5 % couples). */
const DONE_BEFORE: Record<Stage, number> = { generate: 0, compile: 0.65, match: 0.75, compare: 0.9, summarize: 0.97 };

interface Matched {
  market: CompiledMarket;
  columns: MatchColumns;
  completed: boolean;
  loopsDetected: number;
}

/** Singles' markets run simple deferred acceptance on the generated arrays directly (no id strings at all). */
function matchSingles(generated: GeneratedMarket, lap: (stage: Stage) => void): Matched {
  const market = compileGenerated(generated);
  lap("match");
  const { matchOf, matchEntry } = deferredAcceptance(market);
  const rankOf = new Int32Array(market.nA).fill(-1);
  for (let a = 0; a < market.nA; a++) if (matchEntry[a]! >= 0) rankOf[a] = matchEntry[a]! - market.appStart[a]!;
  const none = new Int32Array(0);
  return { market, columns: { primaryOf: matchOf, rankOf, pairRank: none, partnersPlaced: new Uint8Array(0), coupleOf: new Int32Array(market.nA).fill(-1) }, completed: true, loopsDetected: 0 };
}

/** Markets with couples run the full Roth–Peranson algorithm, compiled straight from the generated arrays. */
function matchWithCouples(generated: GeneratedMarket, seed: string, lap: (stage: Stage) => void): Matched {
  const full = compileGeneratedFull(generated);
  lap("match");
  const x = rothPeranson(full, { rng: seedrandom(seed) });
  const { base, coupleOf, pairStart, pairProg } = full;
  const rankOf = new Int32Array(base.nA).fill(-1);
  for (let a = 0; a < base.nA; a++) if (x.primaryEntry[a]! >= 0) rankOf[a] = x.primaryEntry[a]! - base.appStart[a]!;
  const pairRank = new Int32Array(full.nC).fill(-1);
  const partnersPlaced = new Uint8Array(full.nC);
  for (let c = 0; c < full.nC; c++) {
    const j = x.couplePair[c]!;
    if (j < 0) continue;
    pairRank[c] = j - pairStart[c]!;
    partnersPlaced[c] = (pairProg[2 * j]! >= 0 ? 1 : 0) + (pairProg[2 * j + 1]! >= 0 ? 1 : 0);
  }
  return { market: base, columns: { primaryOf: x.primaryOf, rankOf, pairRank, partnersPlaced, coupleOf }, completed: x.completed, loopsDetected: x.loopsDetected };
}

/**
 * One dashboard run: generate an NRMP-2025-style market, match it (Roth–Peranson when it has couples), compare the
 * proposing sides and reduce everything to the small summary the charts draw. Deterministic for given settings.
 */
export function runDashboard(settings: DashboardSettings, onProgress: ProgressListener = () => {}): DashboardSummary {
  const timings = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  let stage: Stage = "generate";
  let started = performance.now();
  const lap = (next: Stage): void => {
    const now = performance.now();
    timings[stage] = now - started;
    stage = next;
    started = now;
    onProgress(next, DONE_BEFORE[next]);
  };
  onProgress("generate", 0);
  const generated = generateMarket(
    { preset: "nrmp-2025", applicants: settings.applicants, listLength: settings.listLength, couplesShare: settings.couplesShare },
    seedrandom(settings.seed),
  );
  lap("compile");
  const couples = generated.couples !== undefined && generated.couples.members.length > 0;
  const matched = couples ? matchWithCouples(generated, settings.seed, lap) : matchSingles(generated, lap);
  lap("compare");
  const sides = compareSides(matched.market, matched.columns.primaryOf, matched.columns.coupleOf);
  lap("summarize");
  const summary: DashboardSummary = {
    settings,
    applicants: generated.nA,
    programs: generated.nP,
    positions: sumOf(generated.quota),
    types: typeRows(generated, matched.columns),
    ...singleRankCounts(matched.columns),
    specialties: specialtyColumns(generated, matched.columns),
    couples: couplesSummary(matched.columns),
    sides,
    completed: matched.completed,
    loopsDetected: matched.loopsDetected,
    timings,
  };
  timings.summarize = performance.now() - started;
  return summary;
}

function sumOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum;
}
