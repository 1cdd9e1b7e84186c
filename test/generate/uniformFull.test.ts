import {
  TRACKS, checkFullStability, compileGeneratedFull, decodeMarketFile, encodeMarketFile, generateMarket, generatedTracks, parseScenario, rothPeranson,
  scenarioJsonChunks, toScenario, type GenerateMarketOptions, type GeneratedMarket,
} from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";

const ADVANCED = TRACKS.indexOf("advanced");
const PRELIMINARY = TRACKS.indexOf("preliminary");
const uniform = (options: GenerateMarketOptions, seed: string): GeneratedMarket => generateMarket({ preset: "uniform", ...options }, seedrandom(seed));
const listOf = (start: Uint32Array, rol: ArrayLike<number> & { subarray?: unknown }, i: number): number[] =>
  Array.from({ length: start[i + 1]! - start[i]! }, (_, k) => rol[start[i]! + k]!);

/** FNV-1a over the arrays, each closed by a separator, as 8 hex digits. */
function fnv(arrays: ArrayLike<number>[]): string {
  let h = 0x811c9dc5;
  for (const array of arrays) {
    for (let i = 0; i < array.length; i++) {
      h ^= array[i]!;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * The couple list formUniformCouples documents, written independently: every pair (x_i, y_j) sorted by rank sum
 * then by i, pairs naming a one-position program twice left out, the first k kept; then (x_1, –), (–, y_1), …;
 * at most 300 pairs.
 */
function expectedCoupleList(x: number[], y: number[], k: number, quota: ArrayLike<number>): Array<[number, number]> {
  const joint: Array<[number, number, number, number]> = [];
  x.forEach((px, i) => y.forEach((py, j) => joint.push([i + j, i, px, py])));
  joint.sort((u, v) => u[0] - v[0] || u[1] - v[1]);
  const pairs: Array<[number, number]> = joint.filter(([, , px, py]) => px !== py || quota[px]! >= 2).slice(0, k).map(([, , px, py]) => [px, py]);
  for (let r = 0; r < Math.max(x.length, y.length); r++) {
    if (r < x.length) pairs.push([x[r]!, -1]);
    if (r < y.length) pairs.push([-1, y[r]!]);
  }
  return pairs.slice(0, 300);
}

const sharesArb = fc.record({
  applicants: fc.integer({ min: 2, max: 300 }),
  programs: fc.integer({ min: 1, max: 200 }),
  quota: fc.integer({ min: 1, max: 3 }),
  listLength: fc.integer({ min: 1, max: 12 }),
  couplesShare: fc.constantFrom(0, 0.05, 0.3),
  supplementalShare: fc.constantFrom(0, 0.1, 0.3),
});

describe("generateMarket({ preset: 'uniform', couplesShare, supplementalShare })", () => {
  it("should give, with both shares 0, the very market generated before the variations existed", () => {
    // Hashes of the arrays at commit 8118613 (before this change): the committed benchmark results and snapshots
    // rest on the singles uniform market, so its draws must not move.
    const hash = (options: GenerateMarketOptions) => {
      const m = generateMarket({ preset: "uniform", ...options, couplesShare: 0, supplementalShare: 0 }, seedrandom.alea("bit-identical"));
      return fnv([m.appStart, m.appRol, m.progStart, m.progRol, m.quota]);
    };
    expect(hash({ applicants: 3000, listLength: 15 })).toBe("ca95b1d6");
    expect(hash({ applicants: 2000, programs: 700, quota: 3, listLength: 8 })).toBe("0ef1f01a");
  });

  it("should produce scenarios that pass validation, for any size and shares", () => {
    fc.assert(
      fc.property(sharesArb, fc.string({ maxLength: 6 }), (options, seed) => {
        const parsed = parseScenario(toScenario(uniform(options, seed)));
        expect(parsed.ok ? [] : parsed.issues.slice(0, 3)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("should give byte-identical .mlm and JSON output for the same seed, and another market for another seed", () => {
    const options = { applicants: 400, couplesShare: 0.05, supplementalShare: 0.1 };
    const bytes = (seed: string) => encodeMarketFile(uniform(options, seed));
    const json = (seed: string) => [...scenarioJsonChunks(uniform(options, seed))].join("");
    expect(bytes("same")).toEqual(bytes("same"));
    expect(json("same")).toBe(json("same"));
    expect(json("same")).not.toBe(json("other"));
  });

  it("should honour the shares: round(c·nA/2) couples, round(s·nA) applicants with one list, round(s·nP) preliminary programs and as many advanced ones added", () => {
    const market = uniform({ applicants: 2000, programs: 1500, couplesShare: 0.05, supplementalShare: 0.1 }, "shares");
    expect(market.nP).toBe(1650);
    expect(market.couples!.members.length).toBe(100);
    expect(market.supplemental!.owner.length).toBe(200);
    expect(new Set(market.supplemental!.owner).size).toBe(200);
    const track = generatedTracks(market)!;
    expect(track.filter((t) => t === ADVANCED).length).toBe(150);
    expect(track.filter((t) => t === PRELIMINARY).length).toBe(150);
    // Couples are formed among applicants without supplemental lists.
    const owners = new Set(market.supplemental!.owner);
    expect([...market.couples!.members].some((m) => owners.has(m))).toBe(false);
  });

  it("should pair partners by their own lists (k joint pairs by rank sum, then No Match fallbacks) and change nothing else", () => {
    fc.assert(
      fc.property(sharesArb, fc.string({ maxLength: 6 }), (options, seed) => {
        // Couples are drawn last, so the same seed without couples gives the lists they were built from.
        const before = uniform({ ...options, couplesShare: 0 }, seed);
        const market = uniform({ ...options, couplesShare: Math.max(options.couplesShare, 0.05) }, seed);
        const { members, start, rol } = market.couples!;
        const k = Math.min(options.listLength, options.programs);
        const inCouple = new Set(members);
        for (let a = 0; a < market.nA; a++) {
          expect(listOf(market.appStart, market.appRol, a)).toEqual(inCouple.has(a) ? [] : listOf(before.appStart, before.appRol, a));
        }
        expect(Array.from(market.progRol)).toEqual(Array.from(before.progRol));
        for (let c = 0; c < members.length / 2; c++) {
          const x = listOf(before.appStart, before.appRol, members[2 * c]!);
          const y = listOf(before.appStart, before.appRol, members[2 * c + 1]!);
          const pairs = Array.from({ length: start[c + 1]! - start[c]! }, (_, j) => [rol[2 * (start[c]! + j)]!, rol[2 * (start[c]! + j) + 1]!]);
          expect(pairs).toEqual(expectedCoupleList(x, y, k, market.quota));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("should give each supplemental list k preliminary programs that rank her, linked to every advanced program on her primary list", () => {
    fc.assert(
      fc.property(sharesArb, fc.string({ maxLength: 6 }), (options, seed) => {
        // Without couples, whose members keep no individual list (the couples test covers them).
        const market = uniform({ ...options, couplesShare: 0, supplementalShare: 0.2 }, seed);
        const s = market.supplemental!;
        const track = generatedTracks(market)!;
        const ranks = (p: number, a: number) => listOf(market.progStart, market.progRol, p).includes(a);
        for (let l = 0; l < s.owner.length; l++) {
          const a = s.owner[l]!;
          if (l > 0) expect(a).toBeGreaterThan(s.owner[l - 1]!);
          const primary = listOf(market.appStart, market.appRol, a);
          expect(primary.every((p) => track[p] === ADVANCED && ranks(p, a))).toBe(true);
          expect(listOf(s.linkStart, s.linkProg, l)).toEqual(primary);
          const supplemental = listOf(s.start, s.rol, l);
          expect(new Set(supplemental).size).toBe(supplemental.length);
          expect(supplemental.every((p) => track[p] === PRELIMINARY && ranks(p, a))).toBe(true);
        }
        // Everyone else ranks categorical and preliminary programs only, and every program ranks exactly those who list it.
        const owners = new Set(s.owner);
        let entries = 0;
        for (let a = 0; a < market.nA; a++) {
          const primary = listOf(market.appStart, market.appRol, a);
          entries += primary.length;
          if (!owners.has(a)) expect(primary.every((p) => track[p] !== ADVANCED && ranks(p, a))).toBe(true);
        }
        expect(market.progStart[market.nP]!).toBe(entries + s.rol.length);
      }),
      { numRuns: 40 },
    );
  });

  it("should keep program tracks through the .mlm file (written as version 3 only when it holds them)", () => {
    const market = uniform({ applicants: 200, couplesShare: 0.1, supplementalShare: 0.1 }, "file");
    const decoded = decodeMarketFile(encodeMarketFile(market));
    expect(Array.from(decoded.programTrack!)).toEqual(Array.from(market.programTrack!));
    expect(encodeMarketFile(decoded)).toEqual(encodeMarketFile(market));
    const version = (m: GeneratedMarket) => JSON.parse(new TextDecoder().decode(encodeMarketFile(m).subarray(8, 8 + new DataView(encodeMarketFile(m).buffer).getUint32(4, true)))).version;
    expect(version(market)).toBe(3);
    expect(version(uniform({ applicants: 200, couplesShare: 0.1 }, "file"))).toBe(2);
  });

  it("rothPeranson should end stable on small uniform markets with couples and supplemental lists", () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 400 }), fc.string({ maxLength: 6 }), (applicants, seed) => {
        const full = compileGeneratedFull(uniform({ applicants, listLength: 6, couplesShare: 0.1, supplementalShare: 0.2 }, seed));
        const matching = rothPeranson(full, { rng: seedrandom("1") });
        expect(matching.completed).toBe(true);
        expect(checkFullStability(full, matching).stable).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});
