import { compileMarket } from "@matchlab/core";
import { describe, expect, it } from "vitest";
import { runScenario } from "../src/engine/runScenario.ts";
import { findBuiltIn } from "../src/scenarios.ts";
import { moveApplicant } from "../src/theater/breakIt.ts";
import { scene, type SceneState } from "../src/theater/scene.ts";

function state(step: number, hand: ((m: Int32Array) => Int32Array) | null = null): SceneState {
  const scenario = findBuiltIn("run-a-match")!.scenario;
  const run = runScenario(scenario);
  return { market: compileMarket(scenario), quota: run.quota, run: run.applicant, differs: new Uint8Array(5), step, hand: hand === null ? null : hand(run.applicant.matchOf), selected: -1 };
}

describe("scene", () => {
  it("scene(step 0) invites the user to start and shows no event", () => {
    const now = scene(state(0));
    expect(now.narration).toBe("Press Play or Forward to start the Match.");
    expect(now.data.event).toBeNull();
    expect(now.caption).toBe("Tentative holds after event 0");
    expect(Array.from(now.shown)).toEqual([-1, -1, -1, -1, -1]);
  });

  it("scene(step k) narrates event k with core's text", () => {
    // Anderson enters first and applies to City, her only program.
    const now = scene(state(1));
    expect(now.narration).toBe("1. Anderson applies to City");
    expect(now.data.event).toEqual({ kind: 0, applicant: 0, program: 1, other: -1 });
  });

  it("scene(last step) captions the final matching", () => {
    const s = state(Number.MAX_SAFE_INTEGER);
    const now = scene({ ...s, step: s.run.trace!.kind.length });
    expect(now.caption).toBe("Final matching");
    expect(Array.from(now.shown)).toEqual(Array.from(s.run.matchOf));
  });

  it("scene(hand-made) marks moved applicants and blocking pairs", () => {
    // Ford (index 2) from General to Mercy (index 0): she ranks General above Mercy, and General ranked her and
    // now has an open position, so Ford + General block.
    const now = scene(state(0, (m) => moveApplicant(m, 2, 0)));
    expect(now.caption).toBe("Hand-made matching");
    expect(Array.from(now.data.moved)).toEqual([0, 0, 1, 0, 0]);
    expect(now.data.blocking).toEqual([{ applicant: 2, program: 2 }]);
  });
});
