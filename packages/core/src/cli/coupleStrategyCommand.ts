import type { Scenario } from "../schema.ts";
import { coupleExhaustiveCheck, coupleWhatIf, type CoupleListOutcome, type ProgramPair } from "../strategy/coupleExhaustive.ts";
import { listCount } from "../strategy/exhaustive.ts";
import { type CliIo, InputError } from "./io.ts";
import { loadScenario } from "./loadScenario.ts";
import { ordinal } from "./table.ts";

export interface CoupleStrategyFlags {
  couple: string;
  list?: string;
  exhaustive: boolean;
  json: boolean;
  maxBytes: number;
}

/** Largest couple list enumerated: 1,957 lists, one full Roth–Peranson run each. */
const MAX_COUPLE_PAIRS = 6;
/** Largest lists × total list length tried: a few seconds of full runs. */
const MAX_COUPLE_WORK = 5e7;

/** Pairs of `--list` for a couple: "City+Mercy,General+-", where "-" is No Match for that partner. */
export function parsePairList(scenario: Scenario, text: string): ProgramPair[] {
  const programs = new Set(scenario.programs.map((p) => p.id));
  const side = (id: string, entry: number): string | null => {
    if (id === "-") return null;
    if (!programs.has(id)) throw new InputError(`--list: no program with id ${JSON.stringify(id)} in this scenario (pair ${entry})`);
    return id;
  };
  return text.split(",").map((item) => item.trim()).filter((item) => item.length > 0).map((item, i) => {
    const parts = item.split("+").map((part) => part.trim());
    if (parts.length !== 2) throw new InputError(`--list: pair ${i + 1} is ${JSON.stringify(item)}; expected two program ids joined by "+" ("-" for No Match), e.g. City+Mercy`);
    const pair = [side(parts[0]!, i + 1), side(parts[1]!, i + 1)] as const;
    if (pair[0] === null && pair[1] === null) throw new InputError(`--list: pair ${i + 1} is "-+-"; at most one partner may be unmatched in a pair`);
    return pair;
  });
}

const describe = (o: CoupleListOutcome): string =>
  o.pair === null ? "unmatched" : `${o.pair.map((p) => p ?? "No Match").join(" + ")} (${o.rank === null ? "not on its true list" : `its ${ordinal(o.rank)} pair`})`;
const showList = (list: readonly ProgramPair[]): string => list.map((p) => p.map((x) => x ?? "-").join("+")).join(", ") || "empty list";

/** `matchlab strategy FILE --couple ID`: the couple's list in the scenario is its true preference order. */
export function coupleStrategyCommand(io: CliIo, file: string, flags: CoupleStrategyFlags): void {
  const scenario = loadScenario(io, file, flags.maxBytes);
  const couple = (scenario.couples ?? []).find((c) => c.members.includes(flags.couple));
  if (couple === undefined) throw new InputError(`--couple: no couple has a member with id ${JSON.stringify(flags.couple)} in this scenario`);
  const n = couple.rol.length;
  const size = scenario.programs.reduce((s, p) => s + p.rol.length, 0) + scenario.applicants.reduce((s, a) => s + a.rol.length, 0);
  if (flags.exhaustive && (n > MAX_COUPLE_PAIRS || listCount(n) * size > MAX_COUPLE_WORK)) {
    throw new InputError(`--exhaustive --couple: the couple ranks ${n} pairs (${listCount(n).toLocaleString("en-US")} lists, one full run each); at most ${MAX_COUPLE_PAIRS} pairs on a small market`);
  }
  const whatIf = flags.list === undefined ? undefined : coupleWhatIf(scenario, { member: flags.couple, list: parsePairList(scenario, flags.list) });
  const exhaustive = flags.exhaustive ? coupleExhaustiveCheck(scenario, { member: flags.couple, maxPairs: MAX_COUPLE_PAIRS }) : undefined;
  const truthful = exhaustive?.truthful ?? whatIf?.truthful ?? coupleWhatIf(scenario, { member: flags.couple, list: couple.rol }).truthful;
  if (flags.json) {
    const json = {
      couple: couple.members,
      trueList: couple.rol,
      truthful,
      ...(whatIf === undefined ? {} : { submitted: whatIf.submitted, verdict: whatIf.verdict }),
      ...(exhaustive === undefined
        ? {}
        : { best: exhaustive.best, listsTried: exhaustive.listsTried, better: exhaustive.better, ties: exhaustive.ties, worse: exhaustive.worse, unstableRuns: exhaustive.unstableRuns }),
    };
    io.stdout(JSON.stringify(json) + "\n");
    return;
  }
  let out = `couple ${couple.members.join(" + ")}, true list: ${showList(couple.rol)} (Roth–Peranson, full rules)\n`;
  out += `truthful list → ${describe(truthful)}\n`;
  if (whatIf !== undefined) {
    const verdict = whatIf.verdict === "same" ? "same as truthful" : `${whatIf.verdict} than truthful`;
    out += `submitted list (${showList(whatIf.submitted.list)}) → ${describe(whatIf.submitted)}: ${verdict}\n`;
  }
  if (exhaustive !== undefined) {
    out += `\nevery list from its ${n} pairs (${exhaustive.listsTried.toLocaleString("en-US")} lists, one full run each):\n`;
    out += `  best outcome: ${describe(exhaustive.best)}, e.g. with (${showList(exhaustive.best.list)})\n`;
    out += `  better than truthful: ${exhaustive.better}; as good: ${exhaustive.ties}; worse: ${exhaustive.worse}`;
    out += exhaustive.unstableRuns > 0 ? `; ${exhaustive.unstableRuns} runs found no stable matching\n` : "\n";
    out += exhaustive.better > 0
      ? "  This couple gains by misreporting: with couples, no stable mechanism makes truthful ranking safe.\n"
      : "  No list beats truthful ranking here, but theory gives couples no such guarantee in general.\n";
  }
  io.stdout(out);
}
