// Calibration of the nrmp-2025 preset: generates the market for several seeds, runs applicant-proposing deferred
// acceptance (or the Roth–Peranson engine when the market has supplemental lists, reversions or couples), and
// prints the calibration table averaged over the seeds (markdown, for NOTES/README).
// Usage: tsx --conditions=@matchlab/source scripts/calibrate.ts [--seeds 1,2,3,4,5] [--preset nrmp-2025]
//   [--supplemental-share 0.1] [--reversion-share 0.05] [--couples-share 0]   (defaults 0: a simple market, as matchlab generate)
import seedrandom from "seedrandom";
import {
  calibrationReport, compileGenerated, compileGeneratedFull, deferredAcceptance, generateMarket, generatedNeedsFullRules, rothPeranson,
  type CalibrationRow, type MarketPresetName,
} from "@matchlab/core";

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const seeds = arg("seeds", "1,2,3,4,5").split(",");
const preset = arg("preset", "nrmp-2025") as MarketPresetName;

const variations = {
  supplementalShare: Number(arg("supplemental-share", "0")),
  reversionShare: Number(arg("reversion-share", "0")),
  couplesShare: Number(arg("couples-share", "0")),
};

const runs: CalibrationRow[][] = seeds.map((seed) => {
  const generated = generateMarket({ preset, ...variations }, seedrandom.alea(seed));
  const attributes = { applicantType: generated.applicants!.type, programSpecialty: generated.programs!.specialty, specialties: generated.specialties };
  if (!generatedNeedsFullRules(generated)) {
    const market = compileGenerated(generated);
    return calibrationReport({ market, matching: deferredAcceptance(market), ...attributes });
  }
  const full = compileGeneratedFull(generated);
  const m = rothPeranson(full, { rng: seedrandom("1") });
  if (!m.completed) console.error(`seed ${seed}: the Roth–Peranson run ended unstable`);
  const matching = { side: "applicant" as const, matchOf: m.primaryOf, matchEntry: m.primaryEntry, proposals: m.proposals };
  return calibrationReport({ market: full.base, matching, supplementalOf: m.supplementalOf, ...attributes });
});
console.log(`variations: ${JSON.stringify(variations)}; engine: ${variations.supplementalShare + variations.reversionShare + variations.couplesShare > 0 ? "Roth–Peranson" : "deferred acceptance"}\n`);
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
