import type { FullMarket } from "./fullMarket.ts";

/**
 * Which program-list entries the repair step must look at (rpState.ts `wants`). A program that regains a vacancy
 * asks, for each applicant on its list, whether she would rather have it than what she holds. A single or a
 * supplemental list only ever prefers a program she has passed on her way down (rejected by it, or bumped from
 * it), so the engine marks an entry when that happens and the repair skips unmarked ones: on an NRMP-size market
 * with supplemental lists the repair scans ~600k entries a run, and all but a few percent are applicants who never
 * reached the program. Couples' pairs are too varied to track that way, so every entry a couple's pair names
 * starts marked and stays so. Marks are never cleared (one who moved up past the program is filtered by the
 * repair's own check), so the marks are a superset of the candidates and the repair pushes exactly the agents the
 * full scan did.
 */

/** The marks a run starts with (a bitset, bitset.ts): every entry some pair of a couple names for that member. */
export function initialCandidates(m: FullMarket): Int32Array {
  return m.coupleEntries;
}
