import type { ListStrategy, MonteCarloReport, PlacedDrawerOptions } from "@matchlab/core";

/** A point of her "charting outcomes" curve: programs ranked (her first k) and the share of draws she matched. */
export interface CurvePoint {
  ranked: number;
  probability: number;
}

/** What a Monte Carlo run needs from the rest of the lab: her placement and her true list (catalogue ids). */
export interface McInput {
  drawer: PlacedDrawerOptions;
  trueList: readonly string[];
}

/** The strategies compared on her list: truthful, safety first, reaches only, and truncation after each k. */
export function labStrategies(trueList: readonly string[]): ListStrategy[] {
  const n = trueList.length;
  const out: ListStrategy[] = [{ kind: "truthful" }];
  if (n >= 2) {
    out.push({ kind: "safetyFirst", program: trueList[n - 1]! });
    out.push({ kind: "reachesOnly", reaches: trueList.slice(0, Math.ceil(n / 3)) });
  }
  for (let k = 1; k < n; k++) out.push({ kind: "truncate", keep: k });
  return out;
}

/** P(match) against programs ranked: truncation after k for k < n, her whole list at n. */
export function curvePoints(report: MonteCarloReport, n: number): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (const s of report.strategies) if (s.strategy.kind === "truncate") points.push({ ranked: s.strategy.keep, probability: s.matchProbability });
  const truthful = report.strategies.find((s) => s.strategy.kind === "truthful");
  if (truthful !== undefined) points.push({ ranked: n, probability: truthful.matchProbability });
  return points.sort((a, b) => a.ranked - b.ranked);
}

/** The command line that gives the same table: its default safety (her last program) and reaches (her first third) are the lab's. */
export function cliEquivalent(input: McInput, draws: number, seed: number, keep: number): string {
  const p = input.drawer.profile;
  return [
    `matchlab strategy --monte-carlo ${draws} --seed ${seed} --applicants ${input.drawer.applicants}`,
    `--type ${p.type} --step2ck ${p.step2ck}${p.needsVisa === true ? " --visa" : ""} --specialties ${(p.specialties ?? []).join(",")}`,
    `--true-list ${input.trueList.join(",")} --truncate ${keep}`,
  ].join(" ");
}


/**
 * Her peers' curve (others of her applicant type in the same markets): P(match) by list length, for lengths held
 * by at least `minApplicants` of them, so a handful of unusual lists does not draw a noisy tail.
 */
export function peerPoints(peers: { applicants: readonly number[]; matched: readonly number[] }, minApplicants = 20): CurvePoint[] {
  const out: CurvePoint[] = [];
  peers.applicants.forEach((n, k) => {
    if (k >= 1 && n >= minApplicants) out.push({ ranked: k, probability: (peers.matched[k] ?? 0) / n });
  });
  return out;
}
