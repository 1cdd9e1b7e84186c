import type { Scenario } from "@matchlab/core";

/**
 * A chain of bumps that comes back. Without Iris: Walt holds P, Kim holds Q. If Iris applies to P alone, P prefers
 * her to Walt and bumps him; Walt goes to Q, which prefers him to Kim; Kim goes to P, which prefers Kim to Iris, so
 * Iris ends unmatched. P "would accept her" against the market without her, yet P is not in her budget set.
 */
export const echo: Scenario = {
  programs: [
    { id: "P", quota: 1, rol: ["Kim", "Iris", "Walt"] },
    { id: "Q", quota: 1, rol: ["Walt", "Kim"] },
  ],
  applicants: [
    { id: "Walt", rol: ["P", "Q"] },
    { id: "Kim", rol: ["Q", "P"] },
    { id: "Iris", rol: ["P"] },
  ],
};


/**
 * A 9×9 complete one-to-one market (found by fast-check, FC_SEED=-2025751023) with three rotations from the
 * applicant-optimal matching a0:p3 a1:p2 a2:p4 a3:p0 a4:p6 a5:p7 a6:p5 a7:p8 a8:p1:
 *   ρ0 = a0 p3→p7, a5 p7→p4, a2 p4→p3;   ρ1 = a1 p2→p8, a7 p8→p5, a6 p5→p2;   ρ2 = a0 p7→p8, a1 p8→p7.
 * ρ0 and ρ1 are exposed at the start and independent. ρ2 needs a0 at p7 (after ρ0) and a1 at p8 (after ρ1): there
 * p8 prefers a0 to a1 and p7 prefers a1 to a0. The closed sets ∅, {ρ0}, {ρ1}, {ρ0, ρ1}, {ρ0, ρ1, ρ2} give 5 stable
 * matchings, the last the program-optimal one. Both ρ0 and ρ1 start at the bottom of the walk's stack (a0, then a1),
 * and a walk that dropped her once her stack emptied never came back to expose ρ2.
 */
export const walkRestart: Scenario = {
  programs: [
    { id: "p0", quota: 1, rol: ["a8", "a3", "a5", "a0", "a4", "a7", "a6", "a1", "a2"] },
    { id: "p1", quota: 1, rol: ["a8", "a6", "a4", "a2", "a7", "a3", "a1", "a0", "a5"] },
    { id: "p2", quota: 1, rol: ["a5", "a8", "a3", "a0", "a6", "a4", "a1", "a7", "a2"] },
    { id: "p3", quota: 1, rol: ["a5", "a4", "a2", "a8", "a0", "a1", "a7", "a6", "a3"] },
    { id: "p4", quota: 1, rol: ["a5", "a2", "a8", "a4", "a3", "a1", "a0", "a7", "a6"] },
    { id: "p5", quota: 1, rol: ["a7", "a6", "a2", "a3", "a4", "a0", "a1", "a8", "a5"] },
    { id: "p6", quota: 1, rol: ["a4", "a5", "a3", "a8", "a2", "a6", "a7", "a0", "a1"] },
    { id: "p7", quota: 1, rol: ["a1", "a0", "a3", "a2", "a8", "a5", "a7", "a4", "a6"] },
    { id: "p8", quota: 1, rol: ["a0", "a5", "a3", "a1", "a7", "a2", "a8", "a6", "a4"] },
  ],
  applicants: [
    { id: "a0", rol: ["p0", "p4", "p5", "p3", "p1", "p6", "p7", "p8", "p2"] },
    { id: "a1", rol: ["p1", "p5", "p3", "p6", "p4", "p2", "p8", "p7", "p0"] },
    { id: "a2", rol: ["p5", "p6", "p0", "p1", "p4", "p3", "p7", "p2", "p8"] },
    { id: "a3", rol: ["p1", "p5", "p0", "p2", "p8", "p6", "p7", "p4", "p3"] },
    { id: "a4", rol: ["p8", "p5", "p6", "p4", "p0", "p7", "p2", "p1", "p3"] },
    { id: "a5", rol: ["p7", "p0", "p5", "p1", "p4", "p6", "p3", "p8", "p2"] },
    { id: "a6", rol: ["p4", "p8", "p0", "p1", "p5", "p3", "p7", "p6", "p2"] },
    { id: "a7", rol: ["p3", "p8", "p7", "p1", "p4", "p5", "p0", "p2", "p6"] },
    { id: "a8", rol: ["p1", "p4", "p5", "p3", "p8", "p2", "p0", "p7", "p6"] },
  ],
};

/**
 * A 6×6 complete one-to-one market with the same flaw, found by a 2,000-run soak (seed 1) and shrunk: the walk that
 * dropped its first applicant once her stack emptied listed 4 of its 6 stable matchings (brute force: 6).
 */
export const walkRestartSmall: Scenario = {
  programs: [
    { id: "p0", quota: 1, rol: ["a2", "a5", "a0", "a1", "a4", "a3"] },
    { id: "p1", quota: 1, rol: ["a3", "a5", "a2", "a4", "a1", "a0"] },
    { id: "p2", quota: 1, rol: ["a1", "a0", "a2", "a4", "a3", "a5"] },
    { id: "p3", quota: 1, rol: ["a3", "a4", "a5", "a0", "a2", "a1"] },
    { id: "p4", quota: 1, rol: ["a1", "a2", "a4", "a3", "a5", "a0"] },
    { id: "p5", quota: 1, rol: ["a0", "a1", "a3", "a4", "a5", "a2"] },
  ],
  applicants: [
    { id: "a0", rol: ["p3", "p2", "p5", "p0", "p1", "p4"] },
    { id: "a1", rol: ["p0", "p3", "p1", "p5", "p2", "p4"] },
    { id: "a2", rol: ["p0", "p3", "p2", "p5", "p4", "p1"] },
    { id: "a3", rol: ["p0", "p5", "p4", "p3", "p1", "p2"] },
    { id: "a4", rol: ["p0", "p2", "p3", "p5", "p1", "p4"] },
    { id: "a5", rol: ["p0", "p2", "p4", "p3", "p5", "p1"] },
  ],
};
