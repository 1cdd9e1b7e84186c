import { deferredAcceptance, programProposing, type CompiledMarket } from "@matchlab/core";
import type { SidesSummary } from "./protocol.ts";

/**
 * Applicant- versus program-proposing deferred acceptance, for the dashboard's "would match differently" count.
 *
 * Without couples this is the textbook comparison on the whole market. Core has no program-proposing version of
 * the couples algorithm, so with couples the basis is narrower and said so: couples keep the positions the full
 * algorithm gave them, each program's quota drops by the couple members it holds, and the singles are matched on
 * what is left by both sides' deferred acceptance (couple members keep empty lists there, so they take no part).
 * `agreeWithEngine` checks the basis: singles whose applicant-proposing program there is the full algorithm's.
 */
export function compareSides(market: CompiledMarket, primaryOf: Int32Array, coupleOf: Int32Array): SidesSummary {
  const couples = coupleOf.some((c) => c >= 0);
  let residual = market;
  if (couples) {
    const quota = Uint32Array.from(market.quota);
    for (let a = 0; a < market.nA; a++) if (coupleOf[a]! >= 0 && primaryOf[a]! >= 0) quota[primaryOf[a]!]!--;
    residual = { ...market, quota };
  }
  const ap = deferredAcceptance(residual).matchOf;
  const pp = programProposing(residual).matchOf;
  let compared = 0;
  let differ = 0;
  let agreeWithEngine = 0;
  for (let a = 0; a < market.nA; a++) {
    if (coupleOf[a]! >= 0) continue;
    compared++;
    if (ap[a] !== pp[a]) differ++;
    if (ap[a] === primaryOf[a]) agreeWithEngine++;
  }
  return { basis: couples ? "singles" : "market", compared, differ, agreeWithEngine };
}
