import { compileMarket, EventKind } from "@matchlab/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleScenario } from "../../../test/arbitraries/market.ts";
import { runScenario } from "../src/engine/runScenario.ts";
import { builtIns } from "../src/scenarios.ts";
import { frameFromMatching, holdersToMatch, replay } from "../src/theater/replay.ts";

describe("replay", () => {
  it("should end, for both proposing sides, on the engine's matching", () => {
    fc.assert(
      fc.property(simpleScenario(), (scenario) => {
        const run = runScenario(scenario);
        for (const side of [run.applicant, run.program]) {
          const frame = replay(side.trace!, run.quota, run.applicantIds.length, Number.MAX_SAFE_INTEGER);
          expect(Array.from(holdersToMatch(frame, run.applicantIds.length))).toEqual(Array.from(side.matchOf));
          expect(Array.from(frame.waiting).every((a) => a === -1)).toBe(true);
        }
      }),
    );
  });

  it("should never seat more applicants than positions, at any step", () => {
    fc.assert(
      fc.property(simpleScenario(), fc.nat(), (scenario, pick) => {
        const run = runScenario(scenario);
        const trace = run.applicant.trace!;
        const frame = replay(trace, run.quota, run.applicantIds.length, pick % (trace.kind.length + 1));
        for (let p = 0; p < run.quota.length; p++) expect(frame.slotStart[p + 1]! - frame.slotStart[p]!).toBe(run.quota[p]);
        const seated = Array.from(frame.slotHolder).filter((a) => a >= 0);
        expect(new Set(seated).size).toBe(seated.length);
      }),
    );
  });

  it("replay(Run-A-Match) marks exhausted applicants only after their exhausted event", () => {
    // Short-list lesson: Omar is bumped from Ridge, rejected unranked by Lakeside, then exhausts his list.
    const scenario = builtIns.find((b) => b.key === "short-list")!.scenario;
    const run = runScenario(scenario);
    const trace = run.applicant.trace!;
    const at = Array.from(trace.kind).indexOf(EventKind.exhausted);
    expect(trace.narration[at]).toBe("Omar has no programs left to try and is unmatched for now");
    expect(replay(trace, run.quota, 4, at).exhausted[0]).toBe(0);
    expect(replay(trace, run.quota, 4, at + 1).exhausted[0]).toBe(1);
  });

  it("frameFromMatching(matchOf) seats each matched applicant in her program", () => {
    const scenario = builtIns[0]!.scenario;
    const market = compileMarket(scenario);
    const run = runScenario(scenario);
    const frame = frameFromMatching(run.applicant.matchOf, run.quota);
    expect(Array.from(holdersToMatch(frame, market.nA))).toEqual(Array.from(run.applicant.matchOf));
  });
});
