// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { renderBarsWithMarks } from "../src/dashboard/barsWithMarks.ts";
import { renderRankHistogram } from "../src/dashboard/rankHistogram.ts";
import * as gallery from "./views/dashboard.ts";
import { itMatchesGallerySnapshots } from "./gallerySnapshots.ts";

const ctx = { document, idPrefix: "t" };
const num = (el: Element | null, attr: string): number => Number(el!.getAttribute(attr));

describe("renderBarsWithMarks", () => {
  it("renderBarsWithMarks returns a detached, labelled SVG image built with the given document", () => {
    const svg = gallery.dashboardRateBars(document);
    expect(svg.parentNode).toBeNull();
    expect(svg.ownerDocument).toBe(document);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("Match rate by applicant type");
  });

  it("renderBarsWithMarks draws bars proportional to the values and a tick at each reference", () => {
    // Scale: 0 … 100 over x from 120 (the label width) to 300 − 64 (room for the value text) = 236.
    const svg = renderBarsWithMarks({ labels: ["a", "b"], values: [50, 100], references: [25, null], format: String, domainMax: 100, title: "t" }, { width: 300, labelWidth: 120, barHeight: 20 }, ctx);
    const bars = [...svg.querySelectorAll("rect.bar")];
    expect(bars.map((b) => num(b, "x"))).toEqual([120, 120]);
    expect(bars.map((b) => num(b, "width"))).toEqual([58, 116]);
    const ticks = [...svg.querySelectorAll("line.reference")];
    expect(ticks.length).toBe(1);
    expect(num(ticks[0]!, "x1")).toBe(120 + 116 / 4);
    expect([...svg.querySelectorAll(".bar-label")].map((t) => t.textContent)).toEqual(["a", "b"]);
    expect([...svg.querySelectorAll(".bar-value")].map((t) => t.textContent)).toEqual(["50", "100"]);
  });

  it("renderBarsWithMarks puts the value text past the reference tick when the tick lies beyond the bar", () => {
    const svg = renderBarsWithMarks({ labels: ["a"], values: [10], references: [80], format: String, domainMax: 100, title: "t" }, { width: 300, labelWidth: 120, barHeight: 20 }, ctx);
    expect(num(svg.querySelector(".bar-value"), "x")).toBeGreaterThan(num(svg.querySelector("line.reference"), "x1"));
  });

  it("renderBarsWithMarks draws zero-width bars for zeros and scales to the largest value when no maximum is given", () => {
    const svg = renderBarsWithMarks({ labels: ["a", "b"], values: [0, 7], format: String, title: "t" }, { width: 300, labelWidth: 120, barHeight: 20 }, ctx);
    expect([...svg.querySelectorAll("rect.bar")].map((b) => num(b, "width"))).toEqual([0, 116]);
  });
});

describe("renderRankHistogram", () => {
  it("renderRankHistogram draws one bar per rank, heights proportional to the counts", () => {
    const svg = gallery.dashboardRankHistogram(document);
    const bars = [...svg.querySelectorAll("rect.bar")];
    expect(bars.length).toBe(6);
    const heights = bars.map((b) => num(b, "height"));
    expect(heights[0]! / heights[1]!).toBeCloseTo(400 / 210, 6);
    expect(heights[0]! / heights[5]!).toBeCloseTo(400 / 5, 6);
    // All bars stand on the same baseline.
    expect(new Set(bars.map((b) => num(b, "y") + num(b, "height"))).size).toBe(1);
  });

  it("should thin the choice labels so they never collide on a narrow chart", () => {
    const counts = Array.from({ length: 40 }, (_, r) => 40 - r);
    const wide = renderRankHistogram(counts, "t", { width: 1200, height: 200 }, ctx);
    const narrow = renderRankHistogram(counts, "t", { width: 320, height: 200 }, ctx);
    expect(wide.querySelectorAll("text.x").length).toBe(40);
    const labels = [...narrow.querySelectorAll("text.x")].map((t) => num(t, "x"));
    expect(labels.length).toBeLessThan(40);
    for (let i = 1; i < labels.length; i++) expect(labels[i]! - labels[i - 1]!).toBeGreaterThanOrEqual(20);
  });

  itMatchesGallerySnapshots(gallery);
});

describe("splitLabel", () => {
  it("should keep a label that fits on one line and split a long one at the space nearest its middle", async () => {
    const { splitLabel } = await import("../src/dashboard/barsWithMarks.ts");
    expect(splitLabel("Surgery", 100)).toEqual(["Surgery"]);
    expect(splitLabel("Obstetrics and Gynecology", 120)).toEqual(["Obstetrics and", "Gynecology"]);
    expect(splitLabel("Otorhinolaryngology", 60)).toEqual(["Otorhinolaryngology"]);
  });
});
