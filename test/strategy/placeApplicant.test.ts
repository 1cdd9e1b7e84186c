import {
  APPLICANT_TYPES,
  compileGenerated,
  createPlacedDrawer,
  generateMarket,
  NONE,
  NRMP_2025,
  PLACED_APPLICANT_ID,
  placeApplicant,
  planPlacement,
  step2ckFromStrength,
  strengthGivenStep2ck,
  type GeneratedMarket,
  type PlaceApplicantOptions,
} from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";

// Small scale (2,000 other applicants, 281 programs) keeps each draw to a few milliseconds.
const SCALE = 2000;
const img: PlaceApplicantOptions = { applicants: SCALE, profile: { type: "non-us-img", step2ck: 245, needsVisa: true, specialties: ["Internal Medicine", "FM"] } };
const withList: PlaceApplicantOptions = { applicants: SCALE, profile: { type: "us-md", step2ck: 250, list: ["IM-0003", "PEDS-0002", "IM-0001", "FM-0004"] } };

const listOf = (m: GeneratedMarket, a: number): number[] => Array.from(m.appRol.subarray(m.appStart[a]!, m.appStart[a + 1]!));
const rankersOf = (m: GeneratedMarket, p: number): number[] => Array.from(m.progRol.subarray(m.progStart[p]!, m.progStart[p + 1]!));
const specialtyIndex = (name: string): number => NRMP_2025.specialties.findIndex((row) => row.name === name);

describe("placeApplicant", () => {
  it("should keep her profile in every draw and let only her interviews rank her", () => {
    const plan = planPlacement(img, seedrandom.alea("1"));
    const im = specialtyIndex("Internal Medicine");
    const fm = specialtyIndex("Family Medicine");
    let interviews = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const m = placeApplicant(plan, seedrandom.alea(String(seed)));
      const me = m.nA - 1;
      expect(m.nA).toBe(SCALE + 1);
      expect(m.applicantIds[me]).toBe(PLACED_APPLICANT_ID);
      const c = m.applicants!;
      expect([APPLICANT_TYPES[c.type[me]!], c.step2ck[me], c.needsVisa[me], c.specialty[me], c.backup[me]]).toEqual(["non-us-img", 245, 1, im, fm]);
      const mine = listOf(m, me);
      interviews += mine.length;
      for (const p of mine) {
        // The interview model's screens hold for her as for anyone: her specialties, a visa sponsor, a passable screen.
        expect([im, fm]).toContain(m.programs!.specialty[p]);
        expect(m.programs!.visa[p]).not.toBe(0);
        expect(m.programs!.scoreScreen[p]).toBeLessThanOrEqual(245);
      }
      // Mutual interviews: exactly the programs on her list rank her.
      for (let p = 0; p < m.nP; p++) expect(rankersOf(m, p).includes(me)).toBe(mine.includes(p));
    }
    expect(interviews).toBeGreaterThan(0);
  });

  it("should respect any profile: her columns, and interviews only where the model's screens let her in", () => {
    const specialties = NRMP_2025.specialties.map((row) => row.name);
    fc.assert(
      fc.property(
        fc.constantFrom(...APPLICANT_TYPES),
        fc.integer({ min: 150, max: 300 }),
        fc.boolean(),
        fc.uniqueArray(fc.constantFrom(...specialties), { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (type, step2ck, needsVisa, chosen, seed) => {
          const options: PlaceApplicantOptions = { applicants: 500, profile: { type, step2ck, needsVisa, specialties: chosen } };
          const m = placeApplicant(planPlacement(options, seedrandom.alea("1")), seedrandom.alea(String(seed)));
          const me = m.nA - 1;
          const c = m.applicants!;
          expect([APPLICANT_TYPES[c.type[me]!], c.step2ck[me], c.needsVisa[me] === 1]).toEqual([type, step2ck, needsVisa]);
          expect([m.specialties[c.specialty[me]!], c.backup[me] === NONE ? undefined : m.specialties[c.backup[me]!]]).toEqual([chosen[0], chosen[1]]);
          for (const p of listOf(m, me)) {
            expect(chosen).toContain(m.specialties[m.programs!.specialty[p]!]);
            if (needsVisa) expect(m.programs!.visa[p]).not.toBe(0);
            expect(m.programs!.scoreScreen[p]).toBeLessThanOrEqual(step2ck);
            expect(rankersOf(m, p)).toContain(me);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("should make her true list her interviews, in her order, in every draw", () => {
    const plan = planPlacement(withList, seedrandom.alea("1"));
    for (let seed = 1; seed <= 4; seed++) {
      const m = placeApplicant(plan, seedrandom.alea(String(seed)));
      const me = m.nA - 1;
      expect(listOf(m, me).map((p) => m.programIds[p])).toEqual(withList.profile.list);
      for (let p = 0; p < m.nP; p++) expect(rankersOf(m, p).includes(me)).toBe(withList.profile.list!.includes(m.programIds[p]!));
      // No specialties given: her target is the specialty of her first program.
      expect(m.applicants!.specialty[me]).toBe(specialtyIndex("Internal Medicine"));
      expect(m.applicants!.backup[me]).toBe(NONE);
      // The market compiles for the engine (her list has no duplicates, both sides agree).
      expect(compileGenerated(m).nA).toBe(SCALE + 1);
    }
  });

  it("should keep program ids, and the catalogue's attributes, the same across seeds", () => {
    // The catalogue is the programs of generateMarket with the program seed, whatever the draw seed.
    const catalogue = generateMarket({ applicants: SCALE }, seedrandom.alea("1"));
    const plan = planPlacement(img, seedrandom.alea("1"));
    const draws = [3, 17, 4242].map((seed) => placeApplicant(plan, seedrandom.alea(String(seed))));
    for (const m of draws) {
      expect(m.programIds).toEqual(catalogue.programIds);
      expect(m.programs).toEqual(catalogue.programs);
      expect(Array.from(m.quota)).toEqual(Array.from(catalogue.quota));
    }
    // Ids depend only on the preset and scale: another program seed gives the same ids (specialty code + index).
    expect(planPlacement(img, seedrandom.alea("other")).programs.ids).toEqual(catalogue.programIds);
    expect(generateMarket({ applicants: SCALE }, seedrandom.alea("99")).programIds).toEqual(catalogue.programIds);
    expect(catalogue.programIds.slice(0, 2)).toEqual(["IM-0001", "IM-0002"]);
    // The draws themselves differ (the rest of the market is random).
    expect(Array.from(draws[0]!.appRol)).not.toEqual(Array.from(draws[1]!.appRol));
  });

  it("createPlacedDrawer should give the same market for the same seed", () => {
    const first = createPlacedDrawer(img, seedrandom.alea);
    const second = createPlacedDrawer(img, seedrandom.alea);
    const [x, y] = [first(12345), second(12345)];
    expect(Array.from(x.appRol)).toEqual(Array.from(y.appRol));
    expect(Array.from(x.progRol)).toEqual(Array.from(y.progRol));
    expect(Array.from(first(7).appRol)).not.toEqual(Array.from(x.appRol));
  });

  it("should rank a stronger score higher in programs' lists, as the model ranks others", () => {
    // Same list, scores 280 and 200: her latent strength is drawn given the score, and programs rank by strength
    // (plus taste), so the higher score must sit higher on average over the same draws.
    const position = (step2ck: number): number => {
      const plan = planPlacement({ ...withList, profile: { ...withList.profile, step2ck } }, seedrandom.alea("1"));
      let sum = 0;
      for (let seed = 1; seed <= 8; seed++) {
        const m = placeApplicant(plan, seedrandom.alea(String(seed)));
        for (const p of listOf(m, m.nA - 1)) {
          const rankers = rankersOf(m, p);
          sum += rankers.indexOf(m.nA - 1) / rankers.length;
        }
      }
      return sum;
    };
    expect(position(280)).toBeLessThan(position(200));
  });

  it("planPlacement rejects a bad profile with the function's name and the field", () => {
    const bad = (profile: Partial<PlaceApplicantOptions["profile"]>) => () => planPlacement({ applicants: SCALE, profile: { ...img.profile, ...profile } }, seedrandom.alea("1"));
    expect(bad({ specialties: ["Astrology"] })).toThrow(/placeApplicant: profile.specialties\[0\]: unknown specialty "Astrology"/);
    expect(bad({ specialties: ["IM", "FM", "PEDS"] })).toThrow(/at most one backup/);
    expect(bad({ specialties: ["IM", "IM"] })).toThrow(/backup must differ/);
    expect(bad({ step2ck: 400 })).toThrow(/profile.step2ck must be a score in \[150, 300\], got 400/);
    expect(bad({ list: ["IM-0001", "XX-1"] })).toThrow(/profile.list\[1\]: no program "XX-1"/);
    expect(bad({ list: ["IM-0001", "IM-0001"] })).toThrow(/profile.list\[1\]: program "IM-0001" appears twice/);
  });
});

describe("strengthGivenStep2ck", () => {
  it("strengthGivenStep2ck(b, mean + sd, 0) is 0.8: the posterior mean one sd above the type mean", () => {
    const b = { strengthMean: 0, step2ckMean: 250, step2ckSd: 14, interviews: 13, backupProbability: 0, visaProbability: 0, usceMonths: 0, programBonus: 0 };
    expect(strengthGivenStep2ck(b, 264, 0)).toBeCloseTo(0.8, 12);
  });

  it("should invert step2ckFromStrength: drawn strengths given a score match the forward model's", () => {
    // Forward: z ~ N(0, 1), score from z. Among samples whose score lands near mean + sd, z averages ≈ 0.8 with
    // sd ≈ 0.6; draws from the inverse at that score must agree (tolerances: a few standard errors).
    const b = { strengthMean: 0, step2ckMean: 250, step2ckSd: 14, interviews: 13, backupProbability: 0, visaProbability: 0, usceMonths: 0, programBonus: 0 };
    const rng = seedrandom("strength");
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    const forward: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      const z = normal();
      const score = step2ckFromStrength(b, z, normal());
      if (Math.abs(score - 264) < 0.7) forward.push(z);
    }
    const inverse = Array.from({ length: 20_000 }, () => strengthGivenStep2ck(b, 264, normal()));
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = (xs: number[]): number => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
    expect(forward.length).toBeGreaterThan(3000);
    expect(Math.abs(mean(forward) - mean(inverse))).toBeLessThan(0.05);
    expect(Math.abs(sd(forward) - sd(inverse))).toBeLessThan(0.05);
  });
});
