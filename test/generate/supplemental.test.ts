import {
  NRMP_2025, TRACKS, checkFullStability, compileFullMarket, compileGenerated, compileGeneratedFull, encodeMarketFile, generateMarket, parseScenario, rothPeranson,
  scenarioJsonChunks, toScenario, withAdvancedTrack, ScenarioError, type FullMarket, type GenerateMarketOptions, type GeneratedMarket,
} from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { generateReversions } from "../../packages/core/src/generate/reversionLinks.ts";
import { scalePreset } from "../../packages/core/src/generate/scale.ts";

const variations: GenerateMarketOptions = { supplementalShare: 0.1, reversionShare: 0.05 };
const ADVANCED = TRACKS.indexOf("advanced");
const PRELIMINARY = TRACKS.indexOf("preliminary");

/** Every supplemental list of a generated market as { owner, rol, linked } with program indices. */
function listsOf(market: GeneratedMarket): Array<{ owner: number; rol: number[]; linked: number[] }> {
  const s = market.supplemental!;
  return Array.from(s.owner, (owner, l) => ({
    owner,
    rol: [...s.rol.subarray(s.start[l]!, s.start[l + 1]!)],
    linked: [...s.linkProg.subarray(s.linkStart[l]!, s.linkStart[l + 1]!)],
  }));
}

describe("generateMarket({ supplementalShare, reversionShare })", () => {
  it("should produce scenarios that pass validation, with and without couples, at several sizes", () => {
    for (const [applicants, couplesShare] of [[150, 0], [600, 0.05], [1500, 0.1]] as const) {
      const market = generateMarket({ applicants, couplesShare, ...variations }, seedrandom(`valid-${applicants}`));
      expect(market.supplemental!.owner.length).toBeGreaterThan(0);
      const parsed = parseScenario(toScenario(market));
      expect(parsed.ok ? [] : parsed.issues.slice(0, 3)).toEqual([]);
    }
  });

  it("should give byte-identical .mlm and JSON output for the same seed", () => {
    const bytes = (seed: string) => encodeMarketFile(generateMarket({ applicants: 400, couplesShare: 0.05, ...variations }, seedrandom(seed)));
    const json = (seed: string) => [...scenarioJsonChunks(generateMarket({ applicants: 400, couplesShare: 0.05, ...variations }, seedrandom(seed)))].join("");
    expect(bytes("same")).toEqual(bytes("same"));
    expect(json("same")).toBe(json("same"));
    expect(json("same")).not.toBe(json("other"));
  });

  it("should only link advanced programs on the applicant's own list, each once, to lists of preliminary programs she is ranked by", () => {
    fc.assert(
      fc.property(fc.string(), fc.double({ min: 0.02, max: 0.5, noNaN: true }), (seed, share) => {
        const market = generateMarket({ applicants: 200, supplementalShare: share }, seedrandom(seed));
        const track = market.programs!.track;
        const ownList = (a: number) => new Set(market.appRol.subarray(market.appStart[a]!, market.appStart[a + 1]!));
        const programRanks = (p: number, a: number) => market.progRol.subarray(market.progStart[p]!, market.progStart[p + 1]!).includes(a);
        const linkedBy = new Map<string, number>();
        for (const [l, list] of listsOf(market).entries()) {
          const own = ownList(list.owner);
          expect(list.linked.length).toBeGreaterThan(0);
          for (const p of list.linked) {
            expect(track[p]).toBe(ADVANCED);
            expect(own.has(p)).toBe(true);
            const key = `${list.owner}:${p}`;
            expect(linkedBy.has(key)).toBe(false);
            linkedBy.set(key, l);
          }
          expect(new Set(list.rol).size).toBe(list.rol.length);
          for (const p of list.rol) {
            expect(track[p]).toBe(PRELIMINARY);
            expect(own.has(p)).toBe(false);
            expect(programRanks(p, list.owner)).toBe(true);
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it("should give supplemental lists to about the requested share of applicants", () => {
    // Chosen applicants without any advanced interview (screens refuse some draws) get no list, so the owners
    // number at most round(share × nA), and most of them.
    const market = generateMarket({ applicants: 2000, supplementalShare: 0.1 }, seedrandom("share"));
    const owners = new Set(market.supplemental!.owner).size;
    expect(owners).toBeLessThanOrEqual(200);
    expect(owners).toBeGreaterThan(160);
  });

  it("should link reversions within a specialty and region (preliminary programs to Internal Medicine), never in chains", () => {
    const market = generateMarket({ applicants: 3000, reversionShare: 0.2 }, seedrandom("reversions"));
    const { specialty, region } = market.programs!;
    const oth = market.specialties.indexOf("Other PGY-1");
    const im = market.specialties.indexOf("Internal Medicine");
    const links = [...market.revertsTo!.entries()].filter(([, q]) => q >= 0);
    expect(links.length).toBeGreaterThan(0.1 * market.nP);
    for (const [p, q] of links) {
      expect(region[q]).toBe(region[p]);
      expect(specialty[q]).toBe(specialty[p] === oth ? im : specialty[p]);
      expect(market.revertsTo![q]).toBe(-1);
    }
  });

  it("generateReversions should handle a million-applicant market's program count (regression: a spread overflowed the stack)", () => {
    // 1M applicants give about 140,000 programs; the cell count once came from Math.max(...column).
    const nP = 200_000;
    const column = (f: (p: number) => number) => Uint8Array.from({ length: nP }, (_, p) => f(p));
    const columns = { specialty: column((p) => p % 2), region: column((p) => (p >> 1) % 4), visa: column(() => 0), scoreScreen: new Uint16Array(nP), imgFriendly: column(() => 0), track: column(() => 0) };
    const revertsTo = generateReversions(0.05, columns, [0, 1], seedrandom("big"));
    const links = revertsTo.filter((q) => q >= 0).length;
    expect(links).toBeGreaterThan(0.045 * nP);
    expect(links).toBeLessThanOrEqual(0.05 * nP);
  });

  it("withAdvancedTrack(NRMP_2025) should add the published PGY-2 positions and keep the certified program total at full scale", () => {
    const preset = withAdvancedTrack(NRMP_2025);
    const scaled = scalePreset(preset, 47208);
    expect(scaled.specialtyPositions.reduce((s, x) => s + x, 0)).toBe(43237);
    expect(scaled.specialtyPrograms.reduce((s, x) => s + x, 0)).toBe(6626);
    expect(preset.specialties.at(-1)).toMatchObject({ code: "ADV", track: "advanced", positions: 3196 });
  });
});

/** A FullMarket as plain arrays, to compare two builds field by field. */
const plain = (m: FullMarket) => {
  const { base, ...rest } = m;
  const arrays = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v]));
  const b = base as unknown as Record<string, unknown>;
  const baseArrays = Object.fromEntries(Object.entries(b).map(([k, v]) => [k, ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v]));
  return { ...arrays, base: baseArrays };
};

describe("compileGeneratedFull(market)", () => {
  it("should build the same FullMarket as compileFullMarket(toScenario(market))", () => {
    for (const seed of ["c1", "c2"]) {
      const market = generateMarket({ applicants: 500, couplesShare: 0.06, ...variations }, seedrandom(seed));
      expect(plain(compileGeneratedFull(market))).toEqual(plain(compileFullMarket(toScenario(market))));
    }
  });

  it("should give a stable Roth–Peranson matching in which supplemental PGY-1 positions go only with linked advanced matches", () => {
    const market = generateMarket({ applicants: 1500, couplesShare: 0.05, ...variations }, seedrandom("rp"));
    const full = compileGeneratedFull(market);
    const matching = rothPeranson(full, { rng: seedrandom("1") });
    expect(checkFullStability(full, matching).stable).toBe(true);
    let supplemental = 0;
    for (let a = 0; a < market.nA; a++) {
      const s = matching.supplementalOf[a]!;
      if (s < 0) continue;
      supplemental++;
      const p = matching.primaryOf[a]!;
      expect(market.programs!.track[p]).toBe(ADVANCED);
      const lists = listsOf(market).filter((l) => l.owner === a && l.linked.includes(p));
      expect(lists).toHaveLength(1);
      expect(lists[0]!.rol).toContain(s);
    }
    expect(supplemental).toBeGreaterThan(0);
  });

  it("compileGenerated should refuse supplemental lists and reversions, naming the field", () => {
    const withSupplemental = generateMarket({ applicants: 300, supplementalShare: 0.1 }, seedrandom("refuse"));
    expect(() => compileGenerated(withSupplemental)).toThrow(ScenarioError);
    expect(() => compileGenerated(withSupplemental)).toThrow(/supplemental lists, which need the full NRMP rules/);
    const withReversions = generateMarket({ applicants: 3000, reversionShare: 0.1 }, seedrandom("refuse"));
    expect(() => compileGenerated(withReversions)).toThrow(/reversions, which need the full NRMP rules/);
  });
});
