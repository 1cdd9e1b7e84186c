/** Which side proposes in deferred acceptance. */
export type Side = "applicant" | "program";

/** A matching in index form, as the engines return it. */
export interface Matching {
  readonly side: Side;
  /** Per applicant, her matched program index; -1 when unmatched. */
  readonly matchOf: Int32Array;
  /** Per applicant, the index into `appRol` of her match (so her 0-based rank is `matchEntry[a] - appStart[a]`); -1 when unmatched. */
  readonly matchEntry: Int32Array;
  /** Applications made (applicant-proposing) or offers made (program-proposing), including those to unranked partners. */
  readonly proposals: number;
}
