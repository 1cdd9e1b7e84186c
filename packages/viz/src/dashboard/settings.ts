import { PUBLISHED_2025 } from "@matchlab/core";
import type { DashboardSettings } from "./protocol.ts";

/** The published 2025 market: 47,208 active applicants, 5 % in couples, the calibrated list length. */
export const DEFAULT_SETTINGS: DashboardSettings = { seed: "2025", applicants: PUBLISHED_2025.activeApplicants, couplesShare: 0.05, listLength: 13 };

/** Bounds of each control; the address is clamped to them, so a hand-edited link still runs. */
export const LIMITS = {
  applicants: { min: 1000, max: 100_000 },
  // Above about 15 % the couples algorithm meets loops by the thousand (30 % ran for 10 minutes in Node).
  couplesShare: { min: 0, max: 0.15 },
  listLength: { min: 2, max: 30 },
} as const;

const clamp = (x: number, { min, max }: { min: number; max: number }): number => Math.min(max, Math.max(min, x));

function numberParam(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  const x = raw === null || raw.trim() === "" ? NaN : Number(raw);
  return Number.isFinite(x) ? x : fallback;
}

/** `#/dashboard?seed=7&applicants=20000&couples=0.1&list=10` → settings; anything missing or bad → the default. */
export function settingsFromParams(params: URLSearchParams): DashboardSettings {
  const seed = params.get("seed");
  return {
    seed: seed === null || seed.trim() === "" ? DEFAULT_SETTINGS.seed : seed.trim().slice(0, 40),
    applicants: Math.round(clamp(numberParam(params, "applicants", DEFAULT_SETTINGS.applicants), LIMITS.applicants)),
    couplesShare: clamp(numberParam(params, "couples", DEFAULT_SETTINGS.couplesShare), LIMITS.couplesShare),
    listLength: clamp(numberParam(params, "list", DEFAULT_SETTINGS.listLength), LIMITS.listLength),
  };
}

export function settingsToParams(settings: DashboardSettings): Record<string, string> {
  return { seed: settings.seed, applicants: String(settings.applicants), couples: String(settings.couplesShare), list: String(settings.listLength) };
}

export const sameSettings = (x: DashboardSettings, y: DashboardSettings): boolean =>
  x.seed === y.seed && x.applicants === y.applicants && x.couplesShare === y.couplesShare && x.listLength === y.listLength;
