import { compileMarket, createPlacedDrawer, PLACED_APPLICANT_ID } from "@matchlab/core";
import seedrandom from "seedrandom";
import { mythCards } from "./myths.ts";
import type { LabAnswers, LabLoaded, LabRequest } from "./protocol.ts";
import { LabSession } from "./session.ts";

export type Progress = (stage: string, done: number, total: number) => void;

/**
 * The lab's engine: holds one session (market + analyzer) between requests, so a what-if after the first costs
 * only the chain replays of programs not tried before. Runs in the lab's Web Worker, or inline without one.
 */
export function createLabEngine(): (request: LabRequest, progress: Progress) => LabAnswers[LabRequest["kind"]] {
  let session: LabSession | null = null;
  const need = (): LabSession => {
    if (session === null) throw new Error("lab: choose an applicant or place yourself in a market first");
    return session;
  };
  const loaded = (s: LabSession, t0: number): LabLoaded => ({
    applicant: s.market.applicantIds[s.applicant]!,
    trueList: s.marketList(),
    programIds: [...s.market.programIds],
    applicants: s.market.nA,
    programs: s.market.nP,
    ms: performance.now() - t0,
  });
  return (request, progress) => {
    const t0 = performance.now();
    switch (request.kind) {
      case "loadScenario": {
        const market = compileMarket(request.scenario);
        const a = market.applicantIds.indexOf(request.applicant);
        if (a < 0) throw new Error(`lab: no applicant ${JSON.stringify(request.applicant)} in this scenario`);
        session = new LabSession(market, a);
        return loaded(session, t0);
      }
      case "place": {
        progress("drawing the program catalogue", 0, 3);
        // The same drawer as `matchlab strategy --monte-carlo` (seedrandom's Alea): the same seed, the same market.
        const draw = createPlacedDrawer(request.options, seedrandom.alea);
        progress("drawing the other applicants, interviews and rank lists", 1, 3);
        const market = draw(request.seed);
        progress("settling the market without you", 2, 3);
        session = new LabSession(market, market.applicantIds.indexOf(PLACED_APPLICANT_ID));
        progress("ready", 3, 3);
        return loaded(session, t0);
      }
      case "whatIf":
        return need().whatIf(request.trueList, request.submitted);
      case "exhaustive":
        return need().exhaustive(request.trueList);
      case "myths":
        return mythCards(need(), request.trueList);
    }
  };
}
