// Calibration of the nrmp-2025 preset: generates the market for several seeds, runs applicant-proposing deferred
// acceptance, and prints the calibration table averaged over the seeds (markdown, for NOTES/README).
// Usage: tsx --conditions=@matchlab/source scripts/calibrate.ts [--seeds 1,2,3,4,5] [--preset nrmp-2025]
import seedrandom from "seedrandom";
import { calibrationReport, compileGenerated, deferredAcceptance, generateMarket, type CalibrationRow, type MarketPresetName } from "@matchlab/core";

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const seeds = arg("seeds", "1,2,3,4,5").split(",");
const preset = arg("preset", "nrmp-2025") as MarketPresetName;

const runs: CalibrationRow[][] = seeds.map((seed) => {
  const generated = generateMarket({ preset }, seedrandom.alea(seed));
  const market = compileGenerated(generated);
  const matching = deferredAcceptance(market);
  return calibrationReport({ market, matching, applicantType: generated.applicants!.type, programSpecialty: generated.programs!.specialty, specialties: generated.specialties });
});
const fmt = (x: number | null, unit: string, sign = false): string =>
  x === null ? "–" : `${sign && x > 0 ? "+" : ""}${unit === "positions" ? Math.round(x).toLocaleString("en-US") : x.toFixed(1)}`;
console.log(`| measure | simulated (mean of ${seeds.length} seeds) | NRMP 2025 | difference |`);
console.log("| --- | --- | --- | --- |");
runs[0]!.forEach((first, i) => {
  const values = runs.map((r) => r[i]!.simulated).filter((x): x is number => x !== null);
  const mean = values.length === 0 ? null : values.reduce((s, x) => s + x, 0) / values.length;
  const diff = mean === null || first.published === null ? null : mean - first.published;
  const unit = first.unit === "%" ? " %" : "";
  console.log(`| ${first.section}: ${first.label} | ${fmt(mean, first.unit)}${unit} | ${fmt(first.published, first.unit)}${first.published === null ? "" : unit} | ${fmt(diff, first.unit, true)} |`);
});
