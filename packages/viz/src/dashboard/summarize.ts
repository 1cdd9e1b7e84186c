import { APPLICANT_TYPES, NONE, NRMP_2025, PUBLISHED_2025, type GeneratedMarket } from "@matchlab/core";
import type { CouplesSummary, SpecialtyColumns, TypeRow } from "./protocol.ts";

/** A finished match in the few columns the dashboard reads, whichever engine produced it. */
export interface MatchColumns {
  /** Per applicant, her program; -1 when unmatched. */
  primaryOf: Int32Array;
  /** Per single, the 0-based rank of her program on her list; -1 when unmatched or in a couple. */
  rankOf: Int32Array;
  /** Per couple, the 0-based index of its matched pair on its list; -1 when unmatched. Empty without couples. */
  pairRank: Int32Array;
  /** Per couple, how many partners the matched pair places (0, 1 or 2). Empty without couples. */
  partnersPlaced: Uint8Array;
  /** Per applicant, her couple; -1 for singles. */
  coupleOf: Int32Array;
}

const IMG_TYPES = new Set([APPLICANT_TYPES.indexOf("us-img"), APPLICANT_TYPES.indexOf("non-us-img")]);

/** Match rate by applicant type (and overall) beside the 2025 published rates. O(nA). */
export function typeRows(market: GeneratedMarket, m: MatchColumns): TypeRow[] {
  const types = market.applicants?.type;
  const count = new Uint32Array(APPLICANT_TYPES.length);
  const matched = new Uint32Array(APPLICANT_TYPES.length);
  let all = 0;
  for (let a = 0; a < market.nA; a++) {
    const t = types === undefined ? NONE : types[a]!;
    const placed = m.primaryOf[a]! >= 0;
    if (placed) all++;
    if (t === NONE) continue;
    count[t]!++;
    if (placed) matched[t]!++;
  }
  const rows: TypeRow[] = [];
  APPLICANT_TYPES.forEach((type, t) => {
    if (count[t] === 0) return;
    const published = NRMP_2025.applicantTypes.find((f) => f.type === type)?.matchRatePct ?? null;
    rows.push({ type, applicants: count[t]!, matched: matched[t]!, publishedPct: published });
  });
  rows.push({ type: "all applicants", applicants: market.nA, matched: all, publishedPct: PUBLISHED_2025.matchRatePct });
  return rows;
}

/** singleRanks[r]: singles matched at their (r + 1)-th choice; its length is the longest rank seen. */
export function singleRankCounts(m: MatchColumns): { singleRanks: Uint32Array; singles: number } {
  let longest = 0;
  let singles = 0;
  for (let a = 0; a < m.rankOf.length; a++) {
    if (m.coupleOf[a]! < 0) singles++;
    longest = Math.max(longest, m.rankOf[a]! + 1);
  }
  const singleRanks = new Uint32Array(longest);
  for (let a = 0; a < m.rankOf.length; a++) if (m.rankOf[a]! >= 0) singleRanks[m.rankOf[a]!]!++;
  return { singleRanks, singles };
}

/** Positions, filled positions and IMG-filled positions per specialty. O(nA + nP). */
export function specialtyColumns(market: GeneratedMarket, m: MatchColumns): SpecialtyColumns {
  const names = [...market.specialties];
  const n = names.length;
  const positions = new Uint32Array(n);
  const filled = new Uint32Array(n);
  const imgFilled = new Uint32Array(n);
  const specialty = market.programs?.specialty;
  if (specialty !== undefined) {
    for (let p = 0; p < market.nP; p++) if (specialty[p]! < n) positions[specialty[p]!]! += market.quota[p]!;
    const types = market.applicants?.type;
    for (let a = 0; a < market.nA; a++) {
      const p = m.primaryOf[a]!;
      if (p < 0 || specialty[p]! >= n) continue;
      filled[specialty[p]!]!++;
      if (types !== undefined && IMG_TYPES.has(types[a]!)) imgFilled[specialty[p]!]!++;
    }
  }
  const referenceImgPct = names.map((name) => NRMP_2025.specialties.find((f) => f.name === name)?.imgSharePct ?? 0);
  return { names, positions, filled, imgFilled, referenceImgPct };
}

/** Upper bounds (inclusive, 1-based) of the pair-rank buckets; a couple's list has at most 300 pairs. */
const BUCKETS = [1, 5, 20, 50, 300];
const BUCKET_LABELS = ["1st pair", "2nd–5th", "6th–20th", "21st–50th", "51st or lower"];

/** Couples' outcomes: both placed, one placed through a "No Match" pair, neither; ranks of matched pairs. */
export function couplesSummary(m: MatchColumns): CouplesSummary {
  const nC = m.pairRank.length;
  const pairRankBuckets = new Uint32Array(BUCKETS.length);
  const ranks: number[] = [];
  let both = 0;
  let one = 0;
  for (let c = 0; c < nC; c++) {
    const j = m.pairRank[c]!;
    if (j < 0) continue;
    if (m.partnersPlaced[c] === 2) both++;
    else if (m.partnersPlaced[c] === 1) one++;
    ranks.push(j + 1);
    pairRankBuckets[BUCKETS.findIndex((bound) => j + 1 <= bound)]!++;
  }
  ranks.sort((x, y) => x - y);
  const medianPairRank = ranks.length === 0 ? null : ranks[(ranks.length - 1) >> 1]!;
  return { couples: nC, both, one, neither: nC - both - one, pairRankBuckets, bucketLabels: BUCKET_LABELS, medianPairRank };
}
