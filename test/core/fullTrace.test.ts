import { readFileSync } from "node:fs";
import {
  collectFullResult,
  collectFullTrace,
  compileFullMarket,
  createFullTrace,
  replayFullTrace,
  rothPeranson,
  type FullTraceEvent,
  type RothPeransonOptions,
  type Scenario,
} from "@matchlab/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { fullScenario } from "../arbitraries/fullMarket.ts";

const builtIn = (name: string): Scenario => JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), "utf8")) as Scenario;

/** Runs the engine with and without a trace; returns both results and the collected events. */
function traced(scenario: Scenario, options: RothPeransonOptions = {}) {
  const market = compileFullMarket(scenario);
  const trace = createFullTrace();
  const plain = collectFullResult(market, rothPeranson(market, { ...options, rng: seedrandom("7") }));
  const result = collectFullResult(market, rothPeranson(market, { ...options, rng: seedrandom("7"), trace }));
  const quota = new Map(scenario.programs.map((p) => [p.id, p.quota]));
  return { plain, result, events: collectFullTrace(market, trace), trace, quota };
}

/** The state changes of a trace, compactly: "hold Ana Derm", "bump S H1 by A1"… (narration events left out). */
const moves = (events: FullTraceEvent[]): string[] =>
  events
    .filter((e) => ["hold", "leave", "bump", "partnerWithdrawn", "coupleHold", "suppHold", "suppBump", "evenCut", "reversion", "reclaim", "loopBroken"].includes(e.kind))
    .map((e) => [e.kind, e.applicant, e.program, e.partner, e.partnerProgram, e.other, e.count].filter((x) => x !== null).join(" "));

const everything = fullScenario({ singles: { min: 0, max: 6 }, couples: { min: 0, max: 3 }, programs: { min: 1, max: 5 }, variations: true });

describe("rothPeranson(market, { trace })", () => {
  it("should replay to the engine's final matching, supplemental positions and quotas", () => {
    fc.assert(
      fc.property(everything, (scenario) => {
        const { result, events, trace, quota } = traced(scenario);
        expect(trace.truncated).toBe(false);
        // replayFullTrace throws on any event that does not fit the state so far (bumped from a program she does not hold…).
        const state = replayFullTrace(events, quota);
        for (const a of result.applicants) {
          expect(state.primary.get(a.id) ?? null).toBe(a.program);
          expect(state.supplemental.get(a.id) ?? null).toBe(a.supplemental);
        }
        for (const p of result.programs) expect(state.quota.get(p.id)).toBe(p.quota);
      }),
    );
  });

  // No order ends stable here, so the fallbacks return the least unstable run: the first attempt, which reverted
  // twice, where the last traced attempt reverted once (found by this property; the fallback's events lacked them).
  const keptEarlierAttempt = {
    programs: [
      { id: "p0", quota: 2, rol: ["c0b", "c2a", "c0a", "c2b"], track: "categorical", revertsTo: "p1" },
      { id: "p1", quota: 1, rol: ["c2a", "c2b"], track: "categorical" },
    ],
    applicants: [{ id: "s0", rol: [] }, { id: "s1", rol: [] }],
    couples: [
      { members: ["c0a", "c0b"], rol: [["p0", "p0"]] },
      { members: ["c1a", "c1b"], rol: [] },
      { members: ["c2a", "c2b"], rol: [["p1", "p0"], ["p1", "p1"], ["p0", null]] },
    ],
  } as Scenario;

  it("should replay the assignments before the end game, then the reversions, to the same matching", () => {
    fc.assert(
      fc.property(everything, (scenario) => {
        const { result, events, quota } = traced(scenario);
        const lastAttempt = events.map((e) => e.kind).lastIndexOf("attempt");
        const roundAt = events.findIndex((e, i) => i > lastAttempt && e.kind === "endRound");
        // A run stopped by loops before its end game has no end-game round: everything is "before".
        const firstRound = roundAt < 0 ? events.length : roundAt;
        const before = replayFullTrace(events, quota, firstRound);
        // Before the end game no quota has moved.
        expect(before.quota).toEqual(quota);
        const after = replayFullTrace(events, quota);
        // When the fallbacks ran, the matching they returned (perhaps an earlier attempt's) follows their event.
        const fallbackAt = events.map((e) => e.kind).lastIndexOf("fallback");
        const reversions = events.slice(fallbackAt >= 0 ? fallbackAt : firstRound).filter((e) => e.kind === "reversion").map((e) => ({ from: e.program, to: e.other, positions: e.count }));
        expect(reversions).toEqual(result.reversions.map(({ from, to, positions }) => ({ from, to, positions })));
        expect(new Map([...after.primary].sort())).toEqual(new Map(result.applicants.filter((a) => a.program !== null).map((a) => [a.id, a.program!] as const).sort()));
      }),
      { examples: [[keptEarlierAttempt]] },
    );
  });

  it("should not change the matching it traces", () => {
    fc.assert(
      fc.property(everything, (scenario) => {
        const { plain, result } = traced(scenario);
        expect(result).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });

  it("should narrate every event with the ids it names and no placeholder", () => {
    fc.assert(
      fc.property(everything, (scenario) => {
        for (const e of traced(scenario).events) {
          expect(e.text).not.toMatch(/undefined|null|NaN/);
          if (e.applicant !== null) expect(e.text).toContain(e.applicant);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("should narrate a PGY-1 position lost to an even-number cut without naming anyone (regression)", () => {
    // s3 holds the advanced p0, and p1 holds her for PGY-1; p1 asks for an even number, so its quota drops from 2
    // to 0 and s3 loses her PGY-1 position to the cut, not to another applicant.
    const scenario: Scenario = {
      programs: [
        { id: "p0", quota: 1, rol: ["s3"], track: "advanced" },
        { id: "p1", quota: 2, rol: ["s3"], track: "preliminary", evenOnly: true },
      ],
      applicants: [{ id: "s3", rol: ["p0"], supplemental: [{ rol: ["p1"], linkedTo: ["p0"] }] }],
    };
    const lost = traced(scenario).events.find((e) => e.kind === "suppBump")!;
    expect(lost.text).toBe("s3 loses her PGY-1 position at p1; she keeps her advanced position");
  });

  it("should log each re-ordering as a new attempt, with the couples' order, and replay from the last one", () => {
    // couples-no-stable-matching has no stable matching; a second couple (B1, B2) on its own program P makes
    // re-ordering worth trying, so every attempt ends unstable and the engine tries maxReorderings more orders.
    const base = builtIn("couples-no-stable-matching");
    const scenario: Scenario = { ...base, programs: [...base.programs, { id: "P", quota: 2, rol: ["B1", "B2"] }], couples: [...base.couples!, { members: ["B1", "B2"], rol: [["P", "P"]] }] };
    const { result, events, quota } = traced(scenario, { maxReorderings: 3 });
    const attempts = events.filter((e) => e.kind === "attempt");
    expect(attempts.map((e) => e.count)).toEqual([0, 1, 2, 3]);
    expect(attempts[0]!.order).toEqual(["A1", "B1"]);
    for (const e of attempts.slice(1)) expect(e.text).toMatch(/^Attempt \d: the last run ended unstable after a loop/);
    // No order ends stable, so the fallbacks (untraced) run from the least unstable run; the trace then restarts
    // with their matching, which the replay must reach.
    const fallback = events.find((e) => e.kind === "fallback")!;
    expect(fallback.text).toMatch(/^No order ended stable, so the fallbacks took over .* their steps are not traced/);
    expect(events.filter((e) => e.kind === "quota").length).toBe(scenario.programs.length);
    const state = replayFullTrace(events, quota);
    for (const a of result.applicants) expect(state.primary.get(a.id) ?? null).toBe(a.program);
  });

  it("should stop at its limit and say it was truncated", () => {
    const market = compileFullMarket(builtIn("couples-no-stable-matching"));
    const trace = createFullTrace({ limit: 10 });
    rothPeranson(market, { trace });
    expect(trace.length).toBe(10);
    expect(trace.truncated).toBe(true);
    expect(() => createFullTrace({ limit: 0 })).toThrow("createFullTrace: limit must be a whole number ≥ 1");
  });
});

describe("rothPeranson(market, { trace }) on the built-in scenarios", () => {
  it("couples-order-matters: X is admitted first and takes (A, B); Y's (A, B) fails at A, which prefers X1, so Y takes (C, D)", () => {
    const { events } = traced(builtIn("couples-order-matters"));
    expect(moves(events)).toEqual(["coupleHold X1 A X2 B", "coupleHold Y1 C Y2 D"]);
    const rejected = events.find((e) => e.kind === "coupleRejected")!;
    expect(rejected).toMatchObject({ applicant: "Y1", partner: "Y2", program: "A", partnerProgram: "B", other: "Y1", reason: "full" });
    expect(rejected.text).toBe("The pair (A, B) fails for Y1 & Y2: A is full of applicants it prefers to Y1");
  });

  it("couples-no-stable-matching: S is bumped by A1, bumps A2 at H2, the couple withdraws A1, and the cycle repeats until the loop is detected", () => {
    const { events, result } = traced(builtIn("couples-no-stable-matching"));
    // S takes H1; the couple takes (H1, H2) and H1 prefers A1, so S is bumped; S then takes H2, which prefers her to
    // A2, so A2 is bumped and A1 withdraws from H1 (both or neither). H1 is vacant again: S moves back up to H1,
    // vacating H2, where the couple fits again… The third bump of S at H1 in one step is the loop.
    expect(moves(events).slice(0, 8)).toEqual([
      "hold S H1",
      "coupleHold A1 H1 A2 H2",
      "bump S H1 A1",
      "hold S H2",
      "bump A2 H2 S",
      "partnerWithdrawn A1 H1 A2",
      "leave S H2",
      "hold S H1",
    ]);
    const loop = events.find((e) => e.kind === "loopBroken")!;
    expect(loop).toMatchObject({ applicant: "S", program: "H1", loop: { applicants: ["S", "A2", "A1"], programs: ["H1", "H2"] } });
    expect(events.filter((e) => e.kind === "bump" && e.applicant === "S" && e.program === "H1").length).toBeGreaterThanOrEqual(3);
    // The run ends in a matching that the replay reproduces, whatever it is (no stable one exists).
    const partnerEvent = events.find((e) => e.kind === "partnerWithdrawn")!;
    expect(partnerEvent.text).toBe("A1 withdraws from H1: her partner A2 was bumped and a couple matches both or neither; the couple proposes again");
    expect(result.completed).toBe(false);
  });

  it("supplemental-derm: Ana holds Derm, starts her supplemental list at IM-Prelim, is bumped from it by Ben and goes on to Surg-Prelim", () => {
    const { events } = traced(builtIn("supplemental-derm"));
    expect(moves(events)).toEqual(["hold Ana Derm", "suppHold Ana IM-Prelim", "hold Ben IM-Prelim", "suppBump Ana IM-Prelim Ben", "suppHold Ana Surg-Prelim"]);
    expect(events.find((e) => e.kind === "suppList")).toMatchObject({ applicant: "Ana", program: "Derm" });
    expect(events.find((e) => e.kind === "suppBump")!.text).toBe("Ana is bumped from her PGY-1 position at IM-Prelim: IM-Prelim prefers Ben; she keeps her advanced position");
  });

  it("reversion-chain: Eli is rejected by the full IM-Prelim, Neuro-PGY2's unfilled position reverts to IM-Prelim in round 1, and Eli takes it", () => {
    const { events } = traced(builtIn("reversion-chain"));
    expect(moves(events)).toEqual(["hold Cai Neuro-PGY2", "hold Dee IM-Prelim", "reversion Neuro-PGY2 IM-Prelim 1", "hold Eli IM-Prelim"]);
    expect(events.find((e) => e.kind === "rejectFull" && e.applicant === "Eli")).toMatchObject({ program: "IM-Prelim", other: "Dee" });
    // FM has no position of its own, and none ever reverts to it.
    expect(events.find((e) => e.kind === "rejectFull" && e.applicant === "Fay")!.text).toBe("FM rejects Fay: FM has no position to offer");
    expect(events.find((e) => e.kind === "reversion")!.text).toBe("Neuro-PGY2 has 1 unfilled position: it reverts to IM-Prelim");
    const reconsider = events.find((e) => e.kind === "reconsider")!;
    expect(reconsider).toMatchObject({ applicant: "Eli", program: "IM-Prelim" });
  });

  it("even-request: E holds Ava, Bo and Cy (3 of 4, odd), the end game cuts E to 2 and Cy, its last, goes on to F", () => {
    const { events, quota } = traced(builtIn("even-request"));
    expect(moves(events)).toEqual(["hold Ava E", "hold Bo E", "hold Cy E", "evenCut Cy E 2", "bump Cy E", "hold Cy F"]);
    expect(events.find((e) => e.kind === "evenCut")!.text).toBe("E asked for an even number of residents: its quota drops to 2 and its last holder Cy goes back into the match");
    expect(replayFullTrace(events, quota).quota.get("E")).toBe(2);
  });
});
