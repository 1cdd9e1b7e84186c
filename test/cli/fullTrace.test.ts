import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCliWith } from "../support/cli.ts";

const scenario = (name: string): string => readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), "utf8");
const files = { "order.json": scenario("couples-order-matters"), "supp.json": scenario("supplemental-derm") };

describe("matchlab match --trace on scenarios with couples, supplemental lists and reversions", () => {
  it("should add the trace to the JSON, couple events naming the partner and the pair", () => {
    const { code, stdout } = runCliWith(["match", "order.json", "--trace", "--json"], files);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.traceTruncated).toBe(false);
    expect(out.assignments).toEqual({ X1: "A", X2: "B", Y1: "C", Y2: "D" });
    const holds = out.trace.filter((e: { kind: string }) => e.kind === "coupleHold");
    expect(holds).toEqual([
      expect.objectContaining({ applicant: "X1", program: "A", partner: "X2", partnerProgram: "B", text: "X1 & X2 are held together at (A, B)" }),
      expect.objectContaining({ applicant: "Y1", program: "C", partner: "Y2", partnerProgram: "D" }),
    ]);
    for (const e of out.trace) expect(Object.keys(e)).toEqual(expect.arrayContaining(["kind", "applicant", "program", "other", "text"]));
  });

  it("should print the numbered narration before the result table", () => {
    const { code, stdout } = runCliWith(["match", "supp.json", "--trace"], files);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {3}1\. The match starts/);
    expect(stdout).toContain("Ana is bumped from her PGY-1 position at IM-Prelim: IM-Prelim prefers Ben; she keeps her advanced position");
    expect(stdout.indexOf("Surg-Prelim tentatively holds Ana for PGY-1")).toBeLessThan(stdout.indexOf("supplemental-derm: Roth–Peranson"));
  });
});
