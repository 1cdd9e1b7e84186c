import { range, scaleBand, type ScaleBand } from "d3";

/** Sizes of the bipartite diagram, in CSS pixels. */
export interface BipartiteDims {
  width: number;
  height: number;
  margin: number;
  /** Applicant boxes: left edge and size. */
  applicantX: number;
  applicantWidth: number;
  boxHeight: number;
  /** Program blocks: left edge and width. */
  programX: number;
  programWidth: number;
  slotWidth: number;
  slotGap: number;
  labelHeight: number;
}

export interface BipartiteScales {
  /** Applicant index → top of her box. */
  applicantY: ScaleBand<number>;
  /** Program index → top of its block (label row, then slot rows). */
  programTop: Float64Array;
  /** Slots per row in each program's block. */
  slotsPerRow: Uint16Array;
}

/** The rectangle of slot `k` (0-based within its program) of program `p`. */
export function slotRect(scales: BipartiteScales, dims: BipartiteDims, p: number, k: number): { x: number; y: number; w: number; h: number } {
  const perRow = scales.slotsPerRow[p]!;
  const row = Math.floor(k / perRow);
  const col = k % perRow;
  return {
    x: dims.programX + col * (dims.slotWidth + dims.slotGap),
    y: scales.programTop[p]! + dims.labelHeight + row * (dims.boxHeight + dims.slotGap),
    w: dims.slotWidth,
    h: dims.boxHeight,
  };
}

/** Lays out applicants in a column on the left and programs, one box per position, on the right. */
export function layoutBipartite(nA: number, quota: readonly number[], width: number): { scales: BipartiteScales; dims: BipartiteDims } {
  const w = Math.max(300, Math.round(width));
  const margin = 8;
  const boxHeight = 28;
  const slotGap = 6;
  const labelHeight = 20;
  const applicantWidth = Math.min(150, Math.max(84, Math.round(w * 0.26)));
  const programX = Math.round(w * (w < 520 ? 0.4 : 0.45));
  const programWidth = w - programX - margin;
  // Up to 3 slots a row on wide screens, fewer when each would get narrower than 80 px.
  const maxPerRow = Math.max(1, Math.min(3, Math.floor((programWidth + slotGap) / (80 + slotGap))));
  const widest = Math.max(1, ...quota.map((q) => Math.min(Math.max(q, 1), maxPerRow)));
  const slotWidth = Math.floor((programWidth - (widest - 1) * slotGap) / widest);
  const slotsPerRow = new Uint16Array(quota.length);
  const programTop = new Float64Array(quota.length);
  let y = margin;
  for (let p = 0; p < quota.length; p++) {
    slotsPerRow[p] = Math.max(1, Math.min(quota[p]!, widest));
    const rows = Math.max(1, Math.ceil(quota[p]! / slotsPerRow[p]!));
    programTop[p] = y;
    y += labelHeight + rows * (boxHeight + slotGap) + 10;
  }
  const height = Math.max(y, margin * 2 + nA * (boxHeight + 10)) + margin;
  const applicantY = scaleBand<number>()
    .domain(range(nA))
    .range([margin, height - margin])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  return {
    scales: { applicantY, programTop, slotsPerRow },
    dims: { width: w, height, margin, applicantX: margin, applicantWidth, boxHeight, programX, programWidth, slotWidth, slotGap, labelHeight },
  };
}
