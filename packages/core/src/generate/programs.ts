import { pointerArrayFor, type PointerArray } from "../pointerArray.ts";
import { REGIONS, TRACKS, type ProgramColumns } from "./generatedMarket.ts";
import { MODEL } from "./model.ts";
import type { MarketPreset } from "./presets.ts";
import { apportion, createNormal, pickWeighted, type Rng } from "./random.ts";
import { sortSegmentsByUtility } from "./rankOrder.ts";

/** Programs in index form, grouped by specialty, plus what the interview model needs to pick among them. */
export interface GeneratedPrograms {
  ids: string[];
  quota: PointerArray;
  columns: ProgramColumns;
  /** Common quality (what every applicant sees), standard normal. */
  quality: Float32Array;
  /** Programs of specialty s are `specialtyStart[s] … specialtyStart[s + 1])`, in index order. */
  specialtyStart: Uint32Array;
  /**
   * One entry per position: its program, specialty by specialty, best program first. Specialty s owns
   * `slots[slotStart[s] … slotStart[s + 1])`, so drawing a uniform slot picks a program in proportion to its size,
   * and a quantile picks a tier, with one array read (the interview model's hot loop is bound by memory reads).
   */
  slots: Uint32Array;
  slotStart: Uint32Array;
  /** Per program, what screening reads, packed into one word: score screen (bits 0–8), no visa (bit 9), IMG-friendly (bit 10). */
  screen: Uint16Array;
}

export const SCREEN_SCORE_MASK = 0x1ff;
export const SCREEN_NO_VISA = 1 << 9;
export const SCREEN_IMG_FRIENDLY = 1 << 10;

// Visa sponsorship mix (none, J-1, H-1B); IMG-friendly programs sponsor far more often. Model choices, not data.
const VISA_FRIENDLY = [0.2, 0.55, 0.25];
const VISA_OTHER = [0.7, 0.25, 0.05];

/**
 * Builds each specialty's programs with exact program and position counts: every program gets one position,
 * the rest are spread in proportion to log-normal sizes (programs vary from a few residents to a hundred).
 */
export function generatePrograms(preset: MarketPreset, programCounts: readonly number[], positionCounts: readonly number[], rng: Rng): GeneratedPrograms {
  const normal = createNormal(rng);
  const nS = preset.specialties.length;
  const specialtyStart = new Uint32Array(nS + 1);
  for (let sp = 0; sp < nS; sp++) specialtyStart[sp + 1] = specialtyStart[sp]! + programCounts[sp]!;
  const nP = specialtyStart[nS]!;
  const quotas = new Uint32Array(nP);
  const ids = new Array<string>(nP);
  const columns: ProgramColumns = {
    specialty: new Uint8Array(nP),
    visa: new Uint8Array(nP),
    scoreScreen: new Uint16Array(nP),
    imgFriendly: new Uint8Array(nP),
    region: new Uint8Array(nP),
    track: new Uint8Array(nP),
  };
  const quality = new Float32Array(nP);
  const regionTotal = MODEL.regionWeights.reduce((sum, x) => sum + x, 0);

  for (let sp = 0; sp < nS; sp++) {
    const row = preset.specialties[sp]!;
    const first = specialtyStart[sp]!;
    const count = programCounts[sp]!;
    const sizes = Array.from({ length: count }, () => Math.exp(0.7 * normal()));
    const extra = apportion(positionCounts[sp]! - count, sizes);
    const width = Math.max(4, String(count).length);
    const friendlyBase = Math.min(0.95, (row.imgSharePct / 100) * 1.8 + 0.05);
    for (let k = 0; k < count; k++) {
      const p = first + k;
      ids[p] = `${row.code}-${String(k + 1).padStart(width, "0")}`;
      quotas[p] = 1 + extra[k]!;
      const q = normal();
      quality[p] = q;
      columns.specialty[p] = sp;
      columns.track[p] = TRACKS.indexOf(row.track);
      columns.region[p] = pickWeighted(rng, MODEL.regionWeights, regionTotal) % REGIONS.length;
      // Weaker programs are more often IMG-friendly, as in the published IMG shares by program.
      const friendly = rng() < Math.min(1, friendlyBase * (q < 0 ? 1.3 : 0.7));
      columns.imgFriendly[p] = friendly ? 1 : 0;
      columns.visa[p] = pickWeighted(rng, friendly ? VISA_FRIENDLY : VISA_OTHER, 1);
      columns.scoreScreen[p] = rng() < MODEL.scoreScreenShare ? Math.max(200, Math.min(260, Math.round(222 + 8 * q + 4 * normal()))) : 0;
    }
  }

  // Within each specialty: programs from best to worst, then one slot per position in that order.
  const byQuality = new Uint32Array(nP);
  for (let p = 0; p < nP; p++) byQuality[p] = p;
  sortSegmentsByUtility(specialtyStart, byQuality, Math.max(nP - 1, 0), (_s, p) => quality[p]!);
  const slotStart = new Uint32Array(nS + 1);
  for (let sp = 0; sp < nS; sp++) slotStart[sp + 1] = slotStart[sp]! + positionCounts[sp]!;
  const slots = new Uint32Array(slotStart[nS]!);
  for (let i = 0, slot = 0; i < nP; i++) slots.fill(byQuality[i]!, slot, (slot += quotas[byQuality[i]!]!));
  const screen = new Uint16Array(nP);
  for (let p = 0; p < nP; p++) {
    screen[p] = columns.scoreScreen[p]! | (columns.visa[p] === 0 ? SCREEN_NO_VISA : 0) | (columns.imgFriendly[p] === 1 ? SCREEN_IMG_FRIENDLY : 0);
  }
  const quota = new (pointerArrayFor(Math.max(0, ...positionCounts)))(nP);
  quota.set(quotas);
  return { ids, quota, columns, quality, specialtyStart, slots, slotStart, screen };
}
