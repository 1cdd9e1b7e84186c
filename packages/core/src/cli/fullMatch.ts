import seedrandom from "seedrandom";
import { checkFullStability, collectFullResult, collectFullTrace, createFullTrace, describeBlocking, formatSmsMatching, rothPeranson } from "../index.ts";
import type { FullMatchResult, FullProgramOutcome } from "../rules/fullResult.ts";
import type { FullStabilityReport } from "../rules/fullStability.ts";
import type { FullMarket } from "../rules/fullMarket.ts";
import { InputError } from "./io.ts";
import { ChunkedText, recordKeys, stringListJson, writeRecord } from "./jsonRecords.ts";
import { formatTable } from "./table.ts";

export interface FullMatchOptions {
  side: "applicant" | "program";
  json: boolean;
  trace: boolean;
  seed: number;
  maxReorderings: number;
  sms: boolean;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** What `fullMatch` runs: a name for the output and the compile step (from a scenario or a generated market). */
export interface FullSource {
  name: string | undefined;
  compile: () => FullMarket;
}

/**
 * `matchlab match` on a market with couples, supplemental lists or reversions: the Roth–Peranson engine. The
 * output goes to `write`, in chunks for `--json` (see jsonRecords.ts).
 */
export function fullMatch(source: FullSource, options: FullMatchOptions, parseMs: number, write: (text: string) => void): void {
  if (options.side !== "applicant") throw new InputError("--side program: couples, supplemental lists and reversions run only with the applicant-proposing Roth–Peranson algorithm");
  const t1 = performance.now();
  const market = source.compile();
  const t2 = performance.now();
  const trace = options.trace ? createFullTrace() : undefined;
  const matching = rothPeranson(market, { rng: seedrandom(String(options.seed)), maxReorderings: options.maxReorderings, ...(trace === undefined ? {} : { trace }) });
  const t3 = performance.now();
  const report = checkFullStability(market, matching);
  const result = collectFullResult(market, matching);
  const timings = { parseMs: round(parseMs), compileMs: round(t2 - t1), solveMs: round(t3 - t2) };
  const events = trace === undefined ? undefined : collectFullTrace(market, trace);
  if (options.sms) return write(formatSmsMatching(Object.fromEntries(result.applicants.map((a) => [a.id, a.program])), result.completed));
  if (options.json) {
    const out = new ChunkedText(write);
    writeJson(out, market, result, report, timings, events === undefined ? {} : { trace: events, traceTruncated: trace!.truncated });
    out.add("\n");
    out.flush();
    return;
  }
  const narration = events === undefined ? "" : events.map((event, i) => `${String(i + 1).padStart(4)}. ${event.text}`).join("\n") + (trace!.truncated ? "\n      … (trace truncated)" : "") + "\n\n";
  write(narration + formatHuman(market, result, report, source.name));
}

/**
 * The `--json` answer, key by key in this order: side, algorithm, assignments, ranks, supplemental, couples,
 * programs, reversions, evenCuts, blockingPairs, stable, loop, stats, timings (then trace, traceTruncated). The
 * id-keyed records are written entry by entry (`writeRecord`), the rest with `JSON.stringify`.
 */
function writeJson(out: ChunkedText, market: FullMarket, result: FullMatchResult, report: FullStabilityReport, timings: Record<string, number>, trace: object): void {
  const { applicants, programs } = result;
  const applicantKeys = recordKeys(applicants.map((a) => a.id));
  out.add(`{"side":"applicant","algorithm":"roth-peranson","assignments":`);
  writeRecord(out, applicantKeys, (i) => applicants[i]!.program);
  out.add(`,"ranks":`);
  writeRecord(out, applicantKeys, (i) => applicants[i]!.rank);
  out.add(`,"supplemental":`);
  writeRecord(out, applicantKeys, (i) => applicants[i]!.supplemental ?? undefined);
  out.add(`,"couples":${JSON.stringify(result.couples.map((c) => ({ members: c.members, pair: c.pair, rank: c.rank })))},"programs":`);
  writeRecord(
    out,
    recordKeys(programs.map((p) => p.id)),
    (i) => {
      const p = programs[i]!;
      return { quota: p.quota, originalQuota: p.originalQuota, matched: p.matched, unfilled: p.unfilled };
    },
    (i) => fullProgramJson(programs[i]!),
  );
  let matched = 0;
  for (const a of applicants) if (a.program !== null) matched++;
  const rest = {
    reversions: result.reversions,
    evenCuts: result.evenCuts,
    blockingPairs: report.blocking.map((b) => describeBlocking(market, b)),
    stable: report.stable,
    loop: { detected: result.loopsDetected > 0, resolved: result.completed, method: result.method, reorderings: result.reorderings, kprOrders: result.kprOrders, walkSteps: result.walkSteps, loopsDetected: result.loopsDetected, loopsBroken: result.loopsBroken, last: result.loop },
    stats: { applicants: applicants.length, matched, unmatched: applicants.length - matched, proposals: result.proposals },
    timings,
    ...trace,
  };
  out.add("," + JSON.stringify(rest).slice(1)); // "{…}" without its "{": closes the answer
}

/** A program's entry in `programs`, as `JSON.stringify({ quota, originalQuota, matched, unfilled })` writes it. */
export const fullProgramJson = (p: FullProgramOutcome): string =>
  `{"quota":${p.quota},"originalQuota":${p.originalQuota},"matched":${stringListJson(p.matched)},"unfilled":${p.unfilled}}`;

function formatHuman(market: FullMarket, result: FullMatchResult, report: FullStabilityReport, name: string | undefined): string {
  const rows = result.programs.map((p) => [p.id, p.quota === p.originalQuota ? String(p.quota) : `${p.quota} (was ${p.originalQuota})`, p.matched.join(", ") || "-", String(p.unfilled)]);
  let out = `${name ?? "scenario"}: Roth–Peranson (applicant-proposing, couples, supplemental lists, reversions)\n\n`;
  out += formatTable(["program", "quota", "matched", "unfilled"], rows);
  if (result.couples.length > 0) {
    out += "\n" + formatTable(["couple", "pair", "rank"], result.couples.map((c) => [c.members.join(" + "), c.pair === null ? "unmatched" : c.pair.map((p) => p ?? "No Match").join(" + "), c.rank === null ? "-" : String(c.rank)]));
  }
  const supp = result.applicants.filter((a) => a.supplemental !== null);
  if (supp.length > 0) out += `\nPGY-1 from supplemental lists: ${supp.map((a) => `${a.id} → ${a.supplemental}`).join(", ")}\n`;
  for (const c of result.evenCuts) out += `even request (round ${c.round}): ${c.program} cut to ${c.quota} positions, ${c.removed} back in the match\n`;
  for (const r of result.reversions) out += `reversion (round ${r.round}): ${r.positions} position${r.positions === 1 ? "" : "s"} of ${r.from} → ${r.to}\n`;
  const matched = result.applicants.filter((a) => a.program !== null).length;
  out += `\nmatched: ${matched} of ${result.applicants.length} applicants; proposals: ${result.proposals}\n`;
  if (result.loop !== null) {
    out += result.completed
      ? `loops: ${result.loopsDetected} detected, resolved by ${methodText(result)}\n`
      : `loop: the algorithm cycles (applicants ${result.loop.applicants.join(", ")}; programs ${result.loop.programs.join(", ")}); no stable matching found in ${result.reorderings + 1} order${result.reorderings === 0 ? "" : "s"}, ${result.kprOrders} Kojima–Pathak–Roth order${result.kprOrders === 1 ? "" : "s"} and ${result.walkSteps} repair-walk step${result.walkSteps === 1 ? "" : "s"}; the matching shown is the least unstable one found\n`;
  }
  const first = report.blocking[0];
  out += report.stable ? "stable: yes (no blocking single, couple or supplemental case)\n" : `stable: NO (${report.blocking.length} blocking${first === undefined ? "" : `, e.g. ${JSON.stringify(describeBlocking(market, first))}`})\n`;
  return out;
}

/** How a stable matching was found, in words. */
function methodText(result: FullMatchResult): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (result.method === "reordered") return `${plural(result.reorderings, "re-ordering")} of the couples`;
  if (result.method === "kpr") return `the Kojima–Pathak–Roth fallback (${plural(result.kprOrders, "couple order")}, after ${plural(result.reorderings, "re-ordering")})`;
  if (result.method === "repair-walk") return `the repair walk (${plural(result.walkSteps, "step")}, after ${plural(result.reorderings, "re-ordering")} and ${plural(result.kprOrders, "Kojima–Pathak–Roth order")})`;
  return "breaking them in the production order";
}
