import type { Frame } from "./replay.ts";

/** The event being shown, by index (core's `EventKind` numbers; -1 for unused fields). */
export interface ShownEvent {
  kind: number;
  applicant: number;
  program: number;
  other: number;
}

/** Everything one picture of the theater shows; columns are read by index. */
export interface BipartiteData {
  side: "applicant" | "program";
  applicantIds: readonly string[];
  programIds: readonly string[];
  quota: readonly number[];
  frame: Frame;
  /** The event just played, or null at the start and for hand-made matchings. */
  event: ShownEvent | null;
  /** Per applicant, 1 when her outcome differs between applicant- and program-proposing. */
  differs: Uint8Array;
  /** The applicant picked for "why not there?" / "try to break it"; -1 when none. */
  selected: number;
  /** Per applicant, 1 when moved by hand, or by the last step between stable matchings in the lattice. */
  moved: Uint8Array;
  /** What `moved` means, for screen readers ("moved by hand"). */
  movedNote: string;
  blocking: ReadonlyArray<{ applicant: number; program: number }>;
}

/** Top edge of applicant `a`'s box, centred in her band. */
export function applicantTop(bandStart: number, bandwidth: number, boxHeight: number): number {
  return bandStart + (bandwidth - boxHeight) / 2;
}
