import { apportion } from "./random.ts";
import type { MarketPreset } from "./presets.ts";

/** A preset resized to a number of applicants: exact published counts at full scale, proportional otherwise. */
export interface ScaledPreset {
  typeCounts: number[];
  specialtyPrograms: number[];
  specialtyPositions: number[];
}

/**
 * Scales every count by `applicants / published active applicants` with largest-remainder rounding, so totals
 * are exact at every size and equal the published figures at full scale. A specialty keeps at least one
 * position per program; one left with no positions gets no programs (tiny markets).
 */
export function scalePreset(preset: MarketPreset, applicants: number): ScaledPreset {
  const active = preset.applicantTypes.reduce((sum, t) => sum + t.active, 0);
  const typeCounts = apportion(applicants, preset.applicantTypes.map((t) => t.active));
  if (applicants === active) {
    return {
      typeCounts,
      specialtyPrograms: preset.specialties.map((row) => row.programs),
      specialtyPositions: preset.specialties.map((row) => row.positions),
    };
  }
  const factor = applicants / active;
  const specialtyPositions = apportion(Math.round(preset.positions * factor), preset.specialties.map((row) => row.positions));
  const specialtyPrograms = apportion(Math.round(preset.programs * factor), preset.specialties.map((row) => row.programs));
  for (let i = 0; i < specialtyPrograms.length; i++) {
    const positions = specialtyPositions[i]!;
    if (specialtyPrograms[i]! > positions) specialtyPrograms[i] = positions;
    if (specialtyPrograms[i] === 0 && positions > 0) specialtyPrograms[i] = 1;
  }
  return { typeCounts, specialtyPrograms, specialtyPositions };
}
