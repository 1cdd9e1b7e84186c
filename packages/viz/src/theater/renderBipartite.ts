import { create, type RenderContext } from "../svg.ts";
import type { BipartiteData } from "./bipartiteData.ts";
import type { BipartiteDims, BipartiteScales } from "./layout.ts";
import { renderApplicants } from "./renderApplicants.ts";
import { renderBlocking, renderDefs, renderEvent } from "./renderEvent.ts";
import { renderPrograms } from "./renderPrograms.ts";

/** The whole theater picture as a detached `<svg>`: programs, applicants, then the event and blocking marks on top. */
export function renderBipartite(data: BipartiteData, scales: BipartiteScales, dims: BipartiteDims, ctx: RenderContext): SVGSVGElement {
  const svg = create("svg", ctx)
    .attr("class", "bipartite")
    .attr("width", dims.width)
    .attr("height", dims.height)
    .attr("viewBox", `0 0 ${dims.width} ${dims.height}`)
    .attr("role", "group")
    .attr("aria-label", `Matching diagram: ${data.applicantIds.length} applicants on the left, ${data.programIds.length} programs with one box per position on the right`);
  const node = svg.node()!;
  node.append(renderDefs(ctx), renderPrograms(data, scales, dims, ctx), renderBlocking(data, scales, dims, ctx), renderApplicants(data, scales, dims, ctx), renderEvent(data, scales, dims, ctx));
  return node;
}
