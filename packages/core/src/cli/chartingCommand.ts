import { type Command, Option } from "commander";
import seedrandom from "seedrandom";
import { presetChartingOutcomes } from "../strategy/presetDrawers.ts";
import { type CliIo, InputError } from "./io.ts";
import { wholeNumber } from "./options.ts";
import { formatTable } from "./table.ts";

interface ChartingFlags {
  preset: "nrmp-2025" | "nrmp-2024";
  applicants?: number;
  draws: number;
  seed: number;
  json: boolean;
}

/** `matchlab charting`: probability of matching against programs ranked, by applicant type, on a preset market. */
function chartingCommand(io: CliIo, flags: ChartingFlags): void {
  const t0 = performance.now();
  if (flags.seed > 0xffffffff) throw new InputError(`--seed: expected a whole number below 2^32, got ${flags.seed}`);
  const series = presetChartingOutcomes(
    {
      market: { preset: flags.preset, ...(flags.applicants === undefined ? {} : { applicants: flags.applicants }) },
      draws: flags.draws,
      seed: flags.seed,
      onProgress: (done, total) => io.stderr(`matchlab: charting ${done}/${total} markets\n`),
    },
    seedrandom.alea,
  );
  const totalMs = Math.round(performance.now() - t0);
  if (flags.json) {
    io.stdout(JSON.stringify({ preset: flags.preset, applicants: flags.applicants ?? null, draws: flags.draws, seed: flags.seed, series, timings: { totalMs } }) + "\n");
    return;
  }
  const longest = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.programsRanked)));
  const rows: string[][] = [];
  for (let k = 0; k <= longest; k++) {
    const cells = series.map((s) => {
      const point = s.points.find((p) => p.programsRanked === k);
      return point === undefined ? "" : `${(100 * point.probability).toFixed(1)} % (${point.applicants})`;
    });
    if (cells.some((c) => c !== "")) rows.push([String(k), ...cells]);
  }
  let out = `Probability of matching by programs ranked, ${flags.preset}${flags.applicants === undefined ? "" : ` at ${flags.applicants} applicants`}, ${flags.draws} market${flags.draws === 1 ? "" : "s"} (seed ${flags.seed}, ${totalMs} ms)\n`;
  out += "Cells: share matched (applicants with that many programs ranked, over all markets).\n\n";
  out += formatTable(["ranked", ...series.map((s) => s.group)], rows);
  out += "\nList length is an outcome of the model (stronger applicants get more interviews): the curve shows association, as the NRMP's charts do.\n";
  io.stdout(out);
}

/** Adds `charting` to the CLI. */
export function registerChartingCommand(program: Command, io: CliIo): void {
  program
    .command("charting")
    .description("\"Charting Outcomes\": the probability of matching against the number of programs ranked, by applicant type, over markets drawn from a preset.")
    .addOption(new Option("--preset <name>", "the market").choices(["nrmp-2025", "nrmp-2024"]).default("nrmp-2025"))
    .option("--applicants <n>", "applicants per market (default: published size)", wholeNumber(1))
    .option("--draws <n>", "markets drawn", wholeNumber(1), 3)
    .option("--seed <n>", "base seed, a whole number below 2^32; market i uses a mix of it and i", wholeNumber(0), 1)
    .option("--json", "print one JSON object: series per applicant type, each with points { programsRanked, applicants, matched, probability }", false)
    .exitOverride()
    .action((flags: ChartingFlags) => chartingCommand(io, flags));
}
