import type { MatchResult, ProgramOutcome, StabilityReport } from "../index.ts";
import type { CompiledMarket } from "../market.ts";
import { ChunkedText, recordKeys, stringListJson, writeRecord } from "./jsonRecords.ts";

/**
 * `matchlab match --json` for the simple engine, key by key in this order: side, assignments, ranks, programs,
 * blockingPairs, stable, stats, timings (then trace). The id-keyed records are written entry by entry in chunks
 * (`writeRecord`), the rest with `JSON.stringify`: the text `JSON.stringify` gives for the whole answer.
 */
export function writeMatchJson(write: (text: string) => void, market: CompiledMarket, result: MatchResult, report: StabilityReport, timings: Record<string, number>, events: unknown): void {
  const { applicants, programs } = result;
  const applicantKeys = recordKeys(applicants.map((a) => a.id));
  const out = new ChunkedText(write);
  out.add(`{"side":${JSON.stringify(result.side)},"assignments":`);
  writeRecord(out, applicantKeys, (i) => applicants[i]!.program);
  out.add(`,"ranks":`);
  writeRecord(out, applicantKeys, (i) => applicants[i]!.rank);
  out.add(`,"programs":`);
  writeRecord(
    out,
    recordKeys(programs.map((p) => p.id)),
    (i) => {
      const p = programs[i]!;
      return { quota: p.quota, matched: p.matched, unfilled: p.unfilled };
    },
    (i) => programJson(programs[i]!),
  );
  const rest = {
    blockingPairs: report.blockingPairs.map(({ applicant, program }) => ({ applicant: market.applicantIds[applicant]!, program: market.programIds[program]! })),
    stable: report.stable,
    stats: result.stats,
    timings,
    ...(events === undefined ? {} : { trace: events }),
  };
  out.add("," + JSON.stringify(rest).slice(1) + "\n"); // "{…}" without its "{": closes the answer
  out.flush();
}

/** A program's entry in `programs`, as `JSON.stringify({ quota, matched, unfilled })` writes it. */
export const programJson = (p: ProgramOutcome): string => `{"quota":${p.quota},"matched":${stringListJson(p.matched)},"unfilled":${p.unfilled}}`;
