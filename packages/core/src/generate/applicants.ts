import { APPLICANT_TYPES, NONE, REGIONS, type ApplicantColumns } from "./generatedMarket.ts";
import { MODEL, step2ckFromStrength, TYPE_BEHAVIOUR } from "./model.ts";
import type { MarketPreset } from "./presets.ts";
import { createNormal, pickWeighted, shuffleRange, stochasticRound, type Rng } from "./random.ts";

/** Applicant attributes plus the latent values the interview and preference models read. */
export interface GeneratedApplicants {
  columns: ApplicantColumns;
  /** Latent strength: type mean + z, the programs' common view of her. */
  strength: Float32Array;
  /** z, her standardized strength within her type (drives Step 2 CK, interview count and tier). */
  z: Float32Array;
}

// Published split of matched applicants within IMGs and within U.S. graduates (NRMP-DATA.md §2, 2025 counts).
const IMG_SPLIT: Record<string, number> = { "us-img": 3108, "non-us-img": 6653 };
const US_SPLIT: Record<string, number> = { "us-md": 19044, "us-do": 7773, other: 1089 };
// Backup specialties and how often each is chosen relative to its demand: a preliminary year is the classic
// backup of competitive applicants, then Internal Medicine (model choices, tuned with the calibration table).
const BACKUP_WEIGHT: Record<string, number> = { OTH: 2, IM: 1, PEDS: 0.4, FM: 0.3 };
// Published applicant counts include those who rank a specialty only as a backup, which the backup draw already
// adds; these factors take them out again where backups concentrate (tuned with the calibration table).
const DEMAND_FACTOR: Record<string, number> = { FM: 0.75, IM: 0.8, PEDS: 0.9 };

/**
 * Per type, weights over specialties for the target specialty: the applicants a specialty needs from a type to
 * end with its published fill and IMG share given that type's match rate (filled × type share / match rate),
 * times how oversubscribed the specialty is (published applicants per position).
 */
export function specialtyWeights(preset: MarketPreset, positions: readonly number[]): number[][] {
  const imgTotal = IMG_SPLIT["us-img"]! + IMG_SPLIT["non-us-img"]!;
  const usTotal = US_SPLIT["us-md"]! + US_SPLIT["us-do"]! + US_SPLIT["other"]!;
  return APPLICANT_TYPES.map((type) => {
    const figures = preset.applicantTypes.find((t) => t.type === type)!;
    const isImg = type in IMG_SPLIT;
    const split = isImg ? IMG_SPLIT[type]! / imgTotal : US_SPLIT[type]! / usTotal;
    return preset.specialties.map((row, i) => {
      // Advanced rows are never a target through this draw: their applicants are chosen apart (advanced.ts).
      if (row.track === "advanced") return 0;
      // No published fill: 87 %, the DERIVED fill of the "Other PGY-1" remainder (presets.ts).
      const filled = positions[i]! * ((row.fillPct ?? 87) / 100);
      const share = isImg ? row.imgSharePct / 100 : 1 - row.imgSharePct / 100;
      // Oversubscribed specialties (more applicants per position) draw more applicants than they fill.
      const demand = (row.applicants / Math.max(1, row.positions)) * (DEMAND_FACTOR[row.code] ?? 1);
      return (filled * share * split * demand) / (figures.matchRatePct / 100);
    });
  });
}

/** Draws every applicant's type (exact counts, shuffled), strength, score, visa need, experience, region and specialties. */
export function generateApplicants(preset: MarketPreset, typeCounts: readonly number[], positions: readonly number[], rng: Rng): GeneratedApplicants {
  const n = typeCounts.reduce((sum, c) => sum + c, 0);
  const normal = createNormal(rng);
  const type = new Uint8Array(n);
  for (let t = 0, a = 0; t < typeCounts.length; t++) type.fill(t, a, (a += typeCounts[t]!));
  shuffleRange(type, 0, n, rng);

  const weights = specialtyWeights(preset, positions);
  const totals = weights.map((w) => w.reduce((sum, x) => sum + x, 0));
  const backupWeights = weights.map((w) => w.map((x, i) => x * (BACKUP_WEIGHT[preset.specialties[i]!.code] ?? 0)));
  const regionTotal = MODEL.regionWeights.reduce((sum, x) => sum + x, 0);

  const columns: ApplicantColumns = {
    type,
    step2ck: new Uint16Array(n),
    needsVisa: new Uint8Array(n),
    usceMonths: new Uint8Array(n),
    region: new Uint8Array(n),
    specialty: new Uint8Array(n),
    backup: new Uint8Array(n).fill(NONE),
  };
  const strength = new Float32Array(n);
  const z = new Float32Array(n);
  for (let a = 0; a < n; a++) {
    const t = type[a]!;
    const behaviour = TYPE_BEHAVIOUR[APPLICANT_TYPES[t]!];
    const za = normal();
    z[a] = za;
    strength[a] = behaviour.strengthMean + za;
    const score = step2ckFromStrength(behaviour, za, normal());
    columns.step2ck[a] = Math.max(180, Math.min(290, Math.round(score)));
    columns.needsVisa[a] = rng() < behaviour.visaProbability ? 1 : 0;
    columns.usceMonths[a] = behaviour.usceMonths === 0 ? 0 : Math.min(36, stochasticRound(rng, behaviour.usceMonths * 2 * rng()));
    columns.region[a] = pickWeighted(rng, MODEL.regionWeights, regionTotal) % REGIONS.length;
    const target = pickWeighted(rng, weights[t]!, totals[t]!);
    columns.specialty[a] = target;
    if (rng() < behaviour.backupProbability) {
      const w = backupWeights[t]!;
      const total = w.reduce((sum, x, i) => (i === target ? sum : sum + x), 0);
      if (total > 0) {
        const saved = w[target]!;
        w[target] = 0;
        columns.backup[a] = pickWeighted(rng, w, total);
        w[target] = saved;
      }
    }
  }
  return { columns, strength, z };
}
