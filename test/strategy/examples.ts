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

