import type { Scenario } from "@matchlab/core";

/** Options of `nrmpLikeMarket`. */
export interface NrmpLikeOptions {
  applicants: number;
  /** Programs; NRMP has about one program per 8 applicants. */
  programs: number;
  /** Share of applicants in couples (0.05 in the issue). */
  coupleShare: number;
  /** Share of all applicants with a supplemental list (drawn among those who rank an advanced program). */
  supplementalShare: number;
  /** Programs each applicant ranks. @defaultValue 12 */
  listLength?: number;
}

/**
 * A quick NRMP-sized market maker for tests and rough timings (the generator branch owns the real one): mildly
 * skewed program popularity, 6 % advanced and 10 % preliminary programs, couples pairing their members' lists,
 * programs ranking about 90 % of their applicants in random order. Deterministic for a given `rng`.
 */
export function nrmpLikeMarket(options: NrmpLikeOptions, rng: () => number): Scenario {
  const { applicants: nA, programs: nP, coupleShare, supplementalShare, listLength = 12 } = options;
  const pick = (): number => Math.floor(Math.pow(rng(), 1.3) * nP);
  const track = Array.from({ length: nP }, () => {
    const r = rng();
    return r < 0.06 ? ("advanced" as const) : r < 0.16 ? ("preliminary" as const) : ("categorical" as const);
  });
  const prelims = track.flatMap((t, p) => (t === "preliminary" ? [p] : []));
  const applied: number[][] = Array.from({ length: nP }, () => []);
  const lists = Array.from({ length: nA }, () => {
    const set = new Set<number>();
    while (set.size < Math.min(listLength, nP)) set.add(pick());
    return [...set];
  });
  const nCoupled = Math.floor((nA * coupleShare) / 2) * 2;
  const applicants: Scenario["applicants"] = [];
  let rankAdvanced = 0;
  for (let a = nCoupled; a < nA; a++) if (lists[a]!.some((p) => track[p] === "advanced")) rankAdvanced++;
  const suppChance = rankAdvanced === 0 ? 0 : Math.min(1, (supplementalShare * nA) / rankAdvanced);
  for (let a = nCoupled; a < nA; a++) {
    const rol = lists[a]!;
    rol.forEach((p) => applied[p]!.push(a));
    const advanced = rol.filter((p) => track[p] === "advanced");
    if (advanced.length > 0 && prelims.length > 0 && rng() < suppChance) {
      const supp = new Set<number>();
      while (supp.size < Math.min(6, prelims.length)) supp.add(prelims[Math.floor(rng() * prelims.length)]!);
      supp.forEach((p) => applied[p]!.push(a));
      applicants.push({ id: `a${a}`, rol: rol.map((p) => `p${p}`), supplemental: [{ rol: [...supp].map((p) => `p${p}`), linkedTo: advanced.map((p) => `p${p}`) }] });
    } else {
      applicants.push({ id: `a${a}`, rol: rol.map((p) => `p${p}`) });
    }
  }
  const couples: NonNullable<Scenario["couples"]> = [];
  for (let a = 0; a < nCoupled; a += 2) {
    const l0 = lists[a]!;
    const l1 = lists[a + 1]!;
    const seen = new Set<string>();
    const rol: Array<[string, string]> = [];
    for (let k = 0; k < 20; k++) {
      const pair: [string, string] = [`p${l0[k % l0.length]!}`, `p${l1[(k * 7) % l1.length]!}`];
      if (!seen.has(pair.join())) seen.add(pair.join()), rol.push(pair);
    }
    couples.push({ members: [`a${a}`, `a${a + 1}`], rol });
    l0.forEach((p) => applied[p]!.push(a));
    l1.forEach((p) => applied[p]!.push(a + 1));
  }
  const programs = Array.from({ length: nP }, (_, p) => {
    const rol = [...new Set(applied[p]!)].filter(() => rng() < 0.9);
    for (let i = rol.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [rol[i], rol[j]] = [rol[j]!, rol[i]!];
    }
    return { id: `p${p}`, quota: 1 + Math.floor(rng() * 12), track: track[p]!, rol: rol.map((a) => `a${a}`) };
  });
  return { programs, applicants, couples };
}
