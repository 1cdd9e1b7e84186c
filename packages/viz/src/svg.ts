import { select, type Selection } from "d3";

export const SVG_NS = "http://www.w3.org/2000/svg";

/** What render functions may touch of the page: the document to create nodes with (jsdom's in tests). */
export interface RenderContext {
  document: Document;
  /** Prefix for generated ids (arrow markers), unique per diagram on a page. */
  idPrefix: string;
}

/** A detached SVG element of `ctx.document`, wrapped in a d3 selection (Plot's `create("svg:g", context)`). */
export function create<K extends keyof SVGElementTagNameMap>(name: K, ctx: RenderContext): Selection<SVGElementTagNameMap[K], undefined, null, undefined> {
  return select(ctx.document.createElementNS(SVG_NS, name) as SVGElementTagNameMap[K]);
}

/** The Okabe–Ito palette, distinguishable with every common form of colour blindness. */
export const palette = {
  blue: "#0072B2",
  green: "#009E73",
  vermillion: "#D55E00",
  orange: "#E69F00",
  sky: "#56B4E9",
  purple: "#CC79A7",
  yellow: "#F0E442",
  ink: "#1b1b1b",
  grey: "#6b6b6b",
} as const;
