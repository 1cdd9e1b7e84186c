import type { Command } from "commander";
import { compileMarket } from "../compile.ts";
import type { CompiledMarket } from "../market.ts";
import type { RotationPoset } from "../strategy/rotationPoset.ts";
import { findRotations } from "../strategy/rotations.ts";
import { forEachStableMatching } from "../strategy/stableMatchings.ts";
import { type CliIo, DEFAULT_MAX_BYTES, InputError } from "./io.ts";
import { loadScenario } from "./loadScenario.ts";

export interface StableMatchingsCommandOptions {
  limit: number;
  list: boolean;
  json: boolean;
  maxBytes: number;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** `matchlab stable-matchings FILE`: count (or list) every stable matching, and the rotations between them. */
export function stableMatchingsCommand(io: CliIo, file: string, options: StableMatchingsCommandOptions): void {
  const market = compileMarket(loadScenario(io, file, options.maxBytes));
  const t0 = performance.now();
  const poset = findRotations(market);
  const listed: Array<Record<string, string | null>> = [];
  let programOptimal: Int32Array = poset.applicantOptimal;
  const { count, complete } = forEachStableMatching(poset, (matchOf, applied) => {
    if (options.list) listed.push(assignments(market, matchOf));
    if (applied.length === poset.count) programOptimal = matchOf.slice();
  }, { limit: options.limit });
  const t1 = performance.now();
  const rotations = describeRotations(market, poset);
  if (options.json) {
    io.stdout(JSON.stringify({
      count,
      complete,
      rotations,
      applicantOptimal: assignments(market, poset.applicantOptimal),
      ...(complete ? { programOptimal: assignments(market, programOptimal) } : {}),
      ...(options.list ? { matchings: listed } : {}),
      timings: { enumerateMs: round(t1 - t0) },
    }) + "\n");
    return;
  }
  let out = `${complete ? count : `at least ${count}`} stable matching${count === 1 ? "" : "s"}, ${poset.count} rotation${poset.count === 1 ? "" : "s"}\n`;
  out += "Each rotation moves its applicants down their lists and gives each program an applicant it ranks higher.\n";
  rotations.forEach((rotation, r) => {
    const after = rotation.after.length === 0 ? "" : ` (after ${rotation.after.map((x) => `#${x + 1}`).join(", ")})`;
    out += `  #${r + 1}${after}: ${rotation.moves.map((m) => `${m.applicant} ${m.from} → ${m.to}`).join("; ")}\n`;
  });
  if (options.list) {
    listed.forEach((m, i) => {
      out += `${i === 0 ? "applicant-optimal" : `matching ${i + 1}`}: ${Object.entries(m).map(([a, p]) => `${a}→${p ?? "-"}`).join(", ")}\n`;
    });
  }
  io.stdout(out);
}

function assignments(market: CompiledMarket, matchOf: ArrayLike<number>): Record<string, string | null> {
  const out = Object.create(null) as Record<string, string | null>;
  market.applicantIds.forEach((id, a) => { out[id] = matchOf[a]! < 0 ? null : market.programIds[matchOf[a]!]!; });
  return out;
}

function describeRotations(market: CompiledMarket, poset: RotationPoset) {
  const after: number[][] = Array.from({ length: poset.count }, () => []);
  for (let r = 0; r < poset.count; r++) {
    for (let k = poset.successorStart[r]!; k < poset.successorStart[r + 1]!; k++) {
      const list = after[poset.successors[k]!]!;
      if (!list.includes(r)) list.push(r);
    }
  }
  return Array.from({ length: poset.count }, (_, r) => ({
    after: after[r]!.sort((x, y) => x - y),
    moves: Array.from({ length: poset.moveStart[r + 1]! - poset.moveStart[r]! }, (_, k) => {
      const m = poset.moveStart[r]! + k;
      return { applicant: market.applicantIds[poset.moveApplicant[m]!]!, from: market.programIds[poset.moveFrom[m]!]!, to: market.programIds[poset.moveTo[m]!]! };
    }),
  }));
}

const positiveInteger = (flag: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InputError(`${flag}: expected a positive whole number, got ${JSON.stringify(value)}`);
  return n;
};

/** Adds `stable-matchings` to the CLI. */
export function registerStableMatchingsCommand(program: Command, io: CliIo): void {
  program
    .command("stable-matchings")
    .description("Count every stable matching of a simple market and show the rotations that lead from the applicant-optimal one to the program-optimal one.")
    .argument("<file>", 'scenario JSON file, or "-" for standard input')
    .option("--limit <n>", "stop counting after this many", positiveInteger("--limit"), 1_000_000)
    .option("--list", "also print every matching (up to --limit)", false)
    .option("--json", "print one JSON object (count, complete, rotations, applicantOptimal, programOptimal, matchings)", false)
    .option("--max-bytes <n>", "largest input file accepted", positiveInteger("--max-bytes"), DEFAULT_MAX_BYTES)
    .exitOverride()
    .action((file: string, options: StableMatchingsCommandOptions) => stableMatchingsCommand(io, file, options));
}
