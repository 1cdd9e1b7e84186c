// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { findBuiltIn } from "../src/scenarios.ts";
import * as gallery from "./views/theater.ts";
import { itMatchesGallerySnapshots } from "./gallerySnapshots.ts";


describe("theater render functions under jsdom", () => {
  it("renderBipartite returns a detached SVG built with the given document", () => {
    const svg = gallery.runAMatchStart(document);
    expect(svg.parentNode).toBeNull();
    expect(svg.ownerDocument).toBe(document);
    expect(svg.namespaceURI).toBe("http://www.w3.org/2000/svg");
  });

  it("renderBipartite draws one box per applicant and one slot per position", () => {
    const svg = gallery.runAMatchStart(document);
    const scenario = findBuiltIn("run-a-match")!.scenario;
    expect(svg.querySelectorAll(".applicant").length).toBe(scenario.applicants.length);
    expect(svg.querySelectorAll(".slot").length).toBe(scenario.programs.reduce((n, p) => n + p.quota, 0));
    expect(svg.querySelectorAll(".slot.filled").length).toBe(0);
    expect(svg.querySelector(".event")!.childNodes.length).toBe(0);
  });

  it("should make every applicant box focusable and labelled", () => {
    for (const box of gallery.runAMatchEnd(document).querySelectorAll(".applicant")) {
      expect(box.getAttribute("tabindex")).toBe("0");
      expect(box.getAttribute("role")).toBe("button");
      expect(box.getAttribute("aria-label")).toMatch(/^\w+: held at \w+$/);
    }
  });

  it("should draw the final Run-A-Match matching in the slots", () => {
    const svg = gallery.runAMatchEnd(document);
    const seated = [...svg.querySelectorAll(".program")].map((g) => [...g.querySelectorAll(".slot.filled text")].map((t) => t.textContent));
    // Mercy holds Chen; City holds Anderson and Eastman; General holds Ford and Davis (in order of arrival).
    expect(seated.map((names) => names.sort())).toEqual([["Chen"], ["Anderson", "Eastman"], ["Davis", "Ford"]]);
  });

  it.each([
    ["runAMatchFirstBump", "bump", "bumped"],
    ["runAMatchRejectFull", "rejectFull", "✕ full"],
    ["shortListRejectUnranked", "rejectUnranked", "✕ not ranked"],
    ["shortListExhausted", "exhausted", "✕ list exhausted"],
  ] as const)("%s marks the %s event with a word as well as a colour", (name, kind, word) => {
    const svg = gallery[name](document);
    const event = svg.querySelector(`.event.${kind}`)!;
    expect(event).not.toBeNull();
    expect([...event.querySelectorAll("text")].map((t) => t.textContent)).toContain(word);
    if (kind !== "exhausted") expect(event.querySelector("path")!.getAttribute("marker-end")).toBe(`url(#t-arrow-${kind})`);
    expect(svg.querySelector(`#t-arrow-${kind}`)).not.toBeNull();
  });

  it("should say when a program runs out of applicants to offer (program-proposing)", () => {
    const event = gallery.shortListProgramExhausted(document).querySelector(".event.exhausted")!;
    expect(event.textContent).toBe("✕ no one left to offer");
  });

  it("should mark exhausted applicants with a strike as well as a colour", () => {
    const svg = gallery.shortListExhausted(document);
    expect(svg.querySelectorAll(".applicant.exhausted .strike").length).toBe(1);
  });

  it("should badge applicants whose outcome differs by proposing side", () => {
    expect(gallery.whoProposesProgramSidePhone(document).querySelectorAll(".applicant.differs .badge").length).toBe(3);
  });

  it("should draw each blocking pair of a hand-made matching", () => {
    expect(gallery.appicBrokenByHand(document).querySelectorAll(".blocking path").length).toBe(2);
  });

  itMatchesGallerySnapshots(gallery);
});
