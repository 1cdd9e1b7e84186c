import { deferredAcceptance } from "./deferredAcceptance.ts";
import type { CompiledMarket } from "./market.ts";
import type { Matching, Side } from "./matching.ts";
import { programProposing } from "./programProposing.ts";
import type { Trace } from "./trace.ts";
import type { Workspace } from "./workspace.ts";

export interface SolveOptions {
  /**
   * Which side proposes.
   * @defaultValue "applicant" (the NRMP's algorithm since 1998)
   */
  side?: Side;
  /** An event log from `createTrace(market, side)`. */
  trace?: Trace;
  /**
   * Buffers to reuse across runs (see `createWorkspace`); the matching's arrays then live in it.
   * @defaultValue none: every run allocates its own arrays
   */
  workspace?: Workspace;
}

/** Runs deferred acceptance with the chosen side proposing. */
export function solve(market: CompiledMarket, options: SolveOptions = {}): Matching {
  const side = options.side ?? "applicant";
  if (options.trace !== undefined && options.trace.side !== side) {
    throw new Error(`solve: the trace was created for ${options.trace.side}-proposing, not ${side}-proposing`);
  }
  const engineOptions = {
    ...(options.trace === undefined ? {} : { trace: options.trace }),
    ...(options.workspace === undefined ? {} : { workspace: options.workspace }),
  };
  return side === "applicant" ? deferredAcceptance(market, engineOptions) : programProposing(market, engineOptions);
}
