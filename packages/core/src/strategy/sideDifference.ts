import type { CompiledMarket } from "../market.ts";
import { deferredAcceptance } from "../deferredAcceptance.ts";
import { programProposing } from "../programProposing.ts";
import { rosterRanks } from "./rosters.ts";

export interface SideDifference {
  /** Applicants matched differently, with their program under each algorithm (-1 unmatched). */
  applicants: Array<{ applicant: number; applicantProposing: number; programProposing: number }>;
  /** Programs whose rosters differ between the two algorithms. */
  programs: number[];
}

/**
 * Who is matched differently under applicant- and program-proposing deferred acceptance (ALGORITHM.md §12.1). In a
 * simple market every such applicant prefers the applicant-proposing result and every such program the other.
 */
export function compareProposingSides(market: CompiledMarket): SideDifference {
  const ap = deferredAcceptance(market).matchOf;
  const pp = programProposing(market).matchOf;
  const applicants: SideDifference["applicants"] = [];
  for (let a = 0; a < market.nA; a++) if (ap[a] !== pp[a]) applicants.push({ applicant: a, applicantProposing: ap[a]!, programProposing: pp[a]! });
  const rosterA = rosterRanks(market, ap);
  const rosterP = rosterRanks(market, pp);
  const programs: number[] = [];
  for (let p = 0; p < market.nP; p++) if (rosterA[p]!.join() !== rosterP[p]!.join()) programs.push(p);
  return { applicants, programs };
}
