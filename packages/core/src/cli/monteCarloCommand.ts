import { availableParallelism } from "node:os";
import seedrandom from "seedrandom";
import type { Scenario } from "../schema.ts";
import type { MonteCarloOptions, StrategySummary } from "../strategy/monteCarlo.ts";
import { PLACED_APPLICANT_ID, planPlacement, type ApplicantProfile } from "../strategy/placeApplicant.ts";
import type { PlacedDrawerOptions } from "../strategy/presetDrawers.ts";
import type { ListStrategy } from "../strategy/strategies.ts";
import { type CliIo, InputError } from "./io.ts";
import { runMonteCarloInWorkers } from "./monteCarloWorkers.ts";
import { resolveProfile, splitList, type ProfileFlags } from "./placedProfile.ts";
import { formatTable, ordinal } from "./table.ts";

/** Flags of `matchlab strategy [FILE] --monte-carlo N`. */
export interface MonteCarloFlags extends ProfileFlags {
  monteCarlo: number;
  preset: "nrmp-2025" | "nrmp-2024";
  applicants?: number;
  programSeed: string;
  seed: number;
  workers?: number;
  truncate: number;
  safety?: string;
  reaches?: string;
  add?: string;
  list?: string;
  json: boolean;
}

/** Her options for the drawer, checked in this thread once (so a bad id is exit 2, not a worker crash). */
function placement(profile: ApplicantProfile, flags: MonteCarloFlags): { drawer: PlacedDrawerOptions; catalogue: readonly string[]; quota: ArrayLike<number> } {
  const drawer: PlacedDrawerOptions = { preset: flags.preset, profile, programSeed: flags.programSeed, ...(flags.applicants === undefined ? {} : { applicants: flags.applicants }) };
  try {
    const { programs } = planPlacement(drawer, seedrandom.alea(flags.programSeed));
    return { drawer, catalogue: programs.ids, quota: programs.quota };
  } catch (error) {
    if (error instanceof RangeError) {
      // Name the flag the user typed rather than the API field.
      const flag = (field: string): string => ({ list: "--true-list", specialties: "--specialties", step2ck: "--step2ck", type: "--type", region: "--region" })[field] ?? field;
      const message = error.message.replace(/^placeApplicant: /, "").replace(/^profile\.(\w+)/, (_m, field: string) => flag(field)).replace(/^applicants /, "--applicants ");
      throw new InputError(message);
    }
    throw error;
  }
}

/**
 * Her list names programs of the catalogue; say so when the file's programs are not that catalogue (another preset,
 * scale or seed), since the same id would then name a different program. Checked on ids and positions.
 */
function warnIfOtherPrograms(io: CliIo, file: string, scenario: Scenario, catalogue: readonly string[], quota: ArrayLike<number>, flags: MonteCarloFlags): void {
  const same = scenario.programs.length === catalogue.length && scenario.programs.every((p, i) => p.id === catalogue[i] && p.quota === quota[i]);
  if (!same) {
    io.stderr(
      `matchlab: warning: the programs in ${file} are not the ${flags.preset} catalogue drawn with --program-seed ${flags.programSeed} at ${flags.applicants} applicants; ` +
        "her list is read as catalogue ids (pass the --seed the file was generated with as --program-seed)\n",
    );
  }
}

/** The strategies compared: truthful, truncation, and the ones that need named programs when her list is fixed. */
function strategiesFor(list: readonly string[] | undefined, catalogue: readonly string[], flags: MonteCarloFlags): { strategies: ListStrategy[]; extra: string[] } {
  const ids = (flag: string, text: string): string[] => {
    const out = splitList(text);
    for (const id of out) if (!catalogue.includes(id)) throw new InputError(`${flag}: no program ${JSON.stringify(id)} in the ${flags.preset} catalogue (ids like ${catalogue[0]})`);
    return out;
  };
  const strategies: ListStrategy[] = [{ kind: "truthful" }, { kind: "truncate", keep: flags.truncate }];
  if (list !== undefined && list.length >= 2) strategies.push({ kind: "safetyFirst", program: flags.safety === undefined ? list.at(-1)! : ids("--safety", flags.safety)[0]! });
  else if (flags.safety !== undefined) throw new InputError("--safety needs her fixed true list (--true-list, or FILE --applicant)");
  if (list !== undefined && list.length >= 2) strategies.push({ kind: "reachesOnly", reaches: flags.reaches === undefined ? list.slice(0, Math.ceil(list.length / 3)) : ids("--reaches", flags.reaches) });
  else if (flags.reaches !== undefined) throw new InputError("--reaches needs her fixed true list (--true-list, or FILE --applicant)");
  const extra = flags.add === undefined ? [] : ids("--add", flags.add);
  if (extra.length > 0) strategies.push({ kind: "addPrograms", count: extra.length });
  if (flags.list !== undefined) strategies.push({ kind: "custom", list: ids("--list", flags.list) });
  return { strategies, extra };
}

const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** `matchlab strategy [FILE] --monte-carlo N --preset P`: strategies compared over N drawn markets, in worker threads. */
export async function monteCarloCommand(io: CliIo, file: string | undefined, flags: MonteCarloFlags): Promise<void> {
  const t0 = performance.now();
  // drawSeed mixes 32-bit integers: larger seeds would silently collide with smaller ones.
  if (flags.seed > 0xffffffff) throw new InputError(`--seed: expected a whole number below 2^32, got ${flags.seed}`);
  const { label, profile, scenario } = resolveProfile(io, file, flags);
  // Markets like the file: its applicant count is the scale, so its program ids are the catalogue's.
  if (scenario !== undefined && flags.applicants === undefined) flags = { ...flags, applicants: scenario.applicants.length };
  const { drawer, catalogue, quota } = placement(profile, flags);
  if (scenario !== undefined) warnIfOtherPrograms(io, file!, scenario, catalogue, quota, flags);
  const { strategies, extra } = strategiesFor(profile.list, catalogue, flags);
  const options: MonteCarloOptions = { applicant: PLACED_APPLICANT_ID, draws: flags.monteCarlo, seed: flags.seed, strategies, extraPrograms: extra };
  const workers = flags.workers ?? Math.min(availableParallelism(), flags.monteCarlo);
  const report = await runMonteCarloInWorkers(options, {
    // From source the worker imports TypeScript (its entry registers tsx); a built package has the .js beside this file.
    drawModule: new URL(import.meta.url.endsWith(".ts") ? "./placedDrawer.ts" : "./placedDrawer.js", import.meta.url).href,
    drawExport: "createPlacedDrawer",
    drawArgs: drawer,
    workers,
    // Workers start clean: the worker entry registers tsx itself when running from source.
    execArgv: [],
    onProgress: (done, total) => io.stderr(`matchlab: monte carlo ${done}/${total} draws\n`),
  });
  const json = {
    applicant: label,
    preset: flags.preset,
    applicants: flags.applicants ?? null,
    programSeed: flags.programSeed,
    profile: { type: profile.type, step2ck: profile.step2ck, needsVisa: profile.needsVisa ?? false, specialties: profile.specialties ?? null, region: profile.region ?? null },
    trueList: profile.list ?? null,
    draws: report.draws,
    seed: report.seed,
    workers,
    strategies: report.strategies.map((s: StrategySummary) => ({ label: s.label, strategy: s.strategy, matchProbability: s.matchProbability, rankCounts: s.rankCounts, unmatched: s.unmatched, vsTruthful: s.vsTruthful })),
    timings: { totalMs: Math.round(performance.now() - t0) },
  };
  if (flags.json) {
    io.stdout(JSON.stringify(json) + "\n");
    return;
  }
  const who = `${label} (${profile.type}, Step 2 CK ${profile.step2ck}${profile.needsVisa === true ? ", needs a visa" : ""}${profile.specialties === undefined ? "" : `; ${profile.specialties.join(", then ")}`})`;
  let out = `${who} placed in ${report.draws} draws of ${flags.preset} (seed ${report.seed}, ${workers} worker${workers === 1 ? "" : "s"}, ${json.timings.totalMs} ms)\n`;
  out += `true list: ${profile.list === undefined ? "drawn by the interview model in each draw (her interviews vary)" : profile.list.join(", ")}\n\n`;
  const ranks = Math.min(4, Math.max(1, ...report.strategies.map((s) => s.rankCounts.length)));
  const header = ["strategy", "P(match)", ...Array.from({ length: ranks }, (_, k) => (k === ranks - 1 && ranks === 4 ? "4th+" : ordinal(k + 1))), "unmatched", "better", "equal", "worse"];
  const rows = report.strategies.map((s) => {
    const counts = Array.from({ length: ranks }, (_, k) => (k === ranks - 1 ? s.rankCounts.slice(k).reduce((x, y) => x + y, 0) : s.rankCounts[k] ?? 0));
    return [s.label, percent(s.matchProbability), ...counts.map(String), String(s.unmatched), String(s.vsTruthful.better), String(s.vsTruthful.equal), String(s.vsTruthful.worse)];
  });
  out += formatTable(header, rows);
  out += "\nColumns 1st… count draws by the true rank of her match; better/equal/worse compare each draw with truthful ranking.\n";
  out += "No reordering or truncation of her true list beats it in any draw (strategy-proofness); adding programs she would\n";
  out += "accept can help. A simulated market is not a prediction of a real Match.\n";
  io.stdout(out);
}
