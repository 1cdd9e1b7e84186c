import { Option, type Command } from "commander";
import seedrandom from "seedrandom";
import { MARKET_PRESETS, encodeMarketFile, generateMarket, scenarioJsonChunks, type GenerateMarketOptions, type GeneratedMarket, type MarketPresetName } from "../index.ts";
import { type CliIo, InputError, writeFileToDisk } from "./io.ts";
import { isBinaryMarketPath } from "./loadMarket.ts";
import { numberIn, wholeNumber } from "./options.ts";

interface GenerateFlags {
  preset: MarketPresetName;
  seed: string;
  applicants?: number;
  programs?: number;
  quota?: number;
  listLength?: number;
  correlation?: number;
  couplesShare?: number;
  supplementalShare?: number;
  reversionShare?: number;
  fullRules: boolean;
  out?: string;
  json: boolean;
}

/** Registers `matchlab generate`. */
export function registerGenerateCommand(program: Command, io: CliIo): void {
  program
    .command("generate")
    .description("Generate a synthetic market: the 2025 or 2024 Main Match at published scale, or a research market.")
    .addOption(new Option("--preset <name>", "market to generate").choices(MARKET_PRESETS).default("nrmp-2025"))
    .option("--seed <seed>", "random seed (any text) for seedrandom.alea; the same seed gives the same market", "1")
    .option("--applicants <n>", "number of applicants (NRMP presets scale every count; default: published size, or 1000)", wholeNumber(1))
    .option("--programs <n>", "research presets: number of programs (default: applicants)", wholeNumber(1))
    .option("--quota <n>", "research presets: positions per program (default 1)", wholeNumber(1))
    .option("--list-length <k>", "research presets: ranks per applicant (default 15); NRMP: interviews sought by a U.S. MD (default 13)", numberIn(0.1, 1_000_000))
    .option("--correlation <r>", "correlated preset: correlation of values across applicants, 0 to 1 (default 0.5)", numberIn(0, 1))
    .option("--full-rules", `NRMP presets and uniform: the Match's full rules at realistic shares (${FULL_RULES.couplesShare * 100} % in couples, ${FULL_RULES.supplementalShare * 100} % with supplemental lists, and for NRMP presets ${FULL_RULES.reversionShare * 100} % of programs reverting); each share flag overrides its part`, false)
    .option("--couples-share <x>", "NRMP presets and uniform: share of applicants in couples (default 0, or with --full-rules 0.05)", numberIn(0, 1, true))
    .option("--supplemental-share <x>", "NRMP presets and uniform: share of applicants ranking advanced (PGY-2) programs with supplemental lists (default 0, which leaves PGY-2 programs out; with --full-rules 0.1)", numberIn(0, 1, true))
    .option("--reversion-share <x>", "NRMP presets: share of programs whose unfilled positions revert to another program (default 0, or with --full-rules 0.05)", numberIn(0, 1, true))
    .option("--out <file>", "write the market here (.mlm: compact binary, fast to load; otherwise JSON); default: JSON on stdout")
    .option("--json", "with --out, print the summary as JSON", false)
    .exitOverride()
    .action((flags: GenerateFlags) => generateCommand(io, flags));
}

const ms = (x: number): number => Math.round(x * 10) / 10;

/**
 * Shares for `--full-rules`. Couples: about 5 % of applicants in recent Matches (ALGORITHM.md, NRMP-DATA.md).
 * Supplemental lists: RP99 reports 8–12 % of applicants with them (1990s; no current figure is published).
 * Reversions: RP99 reports about 7 % of programs with positions that could revert (1990s); current use is
 * unconfirmed, so a smaller share. Without the flag every share is 0: the market stays a simple one, which the
 * strategy, explain and Monte Carlo tools (simple engine) and the singles benchmarks need. The uniform preset takes
 * the couples and supplemental shares but no reversions (its programs have no specialty or hospital to revert
 * within); the correlated preset has none of the variations, so `--full-rules` there is an error.
 */
export const FULL_RULES = { couplesShare: 0.05, supplementalShare: 0.1, reversionShare: 0.05 } as const;

/** The shares `--full-rules` gives a preset, or all 0 without the flag. */
function baseShares(flags: GenerateFlags): { couplesShare: number; supplementalShare: number; reversionShare: number } {
  if (!flags.fullRules) return { couplesShare: 0, supplementalShare: 0, reversionShare: 0 };
  if (flags.preset === "uniform") return { ...FULL_RULES, reversionShare: 0 };
  if (flags.preset === "correlated") throw new InputError("--full-rules needs an NRMP preset or uniform: the correlated preset has no couples, supplemental lists or reversions");
  return FULL_RULES;
}

function generateCommand(io: CliIo, flags: GenerateFlags): void {
  const base = baseShares(flags);
  const options: GenerateMarketOptions = {
    preset: flags.preset,
    couplesShare: flags.couplesShare ?? base.couplesShare,
    supplementalShare: flags.supplementalShare ?? base.supplementalShare,
    reversionShare: flags.reversionShare ?? base.reversionShare,
  };
  if (flags.applicants !== undefined) options.applicants = flags.applicants;
  if (flags.programs !== undefined) options.programs = flags.programs;
  if (flags.quota !== undefined) options.quota = flags.quota;
  if (flags.listLength !== undefined) options.listLength = flags.listLength;
  if (flags.correlation !== undefined) options.correlation = flags.correlation;
  const t0 = performance.now();
  let market: GeneratedMarket;
  try {
    // Alea (shipped with seedrandom) rather than seedrandom's default ARC4: the generator draws about 70 numbers
    // per applicant and ARC4 is several times slower per draw. In code, `seedrandom.alea(seed)` reproduces a CLI market.
    market = generateMarket(options, seedrandom.alea(flags.seed));
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(error.message);
    throw error;
  }
  const t1 = performance.now();
  if (flags.out === undefined) {
    for (const chunk of scenarioJsonChunks(market)) io.stdout(chunk);
    return;
  }
  const chunks: Iterable<string | Uint8Array> = isBinaryMarketPath(flags.out) ? [encodeMarketFile(market)] : scenarioJsonChunks(market);
  (io.writeFile ?? writeFileToDisk)(flags.out, chunks);
  const t2 = performance.now();

  let positions = 0;
  for (let p = 0; p < market.nP; p++) positions += market.quota[p]!;
  const entries = market.appStart[market.nA]!;
  const summary = {
    preset: flags.preset, seed: flags.seed, file: flags.out, name: market.name,
    applicants: market.nA, programs: market.nP, positions, listEntries: entries,
    meanListLength: market.nA === 0 ? 0 : entries / market.nA,
    timings: { generateMs: ms(t1 - t0), writeMs: ms(t2 - t1) },
  };
  if (flags.json) {
    io.stdout(JSON.stringify(summary) + "\n");
    return;
  }
  const n = (x: number): string => x.toLocaleString("en-US");
  io.stdout(
    `${market.name}: ${n(market.nA)} applicants, ${n(market.nP)} programs, ${n(positions)} positions (seed ${JSON.stringify(flags.seed)})\n` +
      `rank list entries: ${n(entries)} (mean ${summary.meanListLength.toFixed(2)} per applicant)\n` +
      `wrote ${flags.out} (generated in ${n(Math.round(t1 - t0))} ms, written in ${n(Math.round(t2 - t1))} ms)\n`,
  );
}
