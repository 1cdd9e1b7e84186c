import { ordinal } from "../theater/ordinal.ts";
import type { LabSession, LabWhatIf } from "./session.ts";

export type MythKey = "reachFirst" | "safetyFirst" | "rankFewer" | "addMore";

/** One myth card: a what-if on her own list, and what it teaches. */
export interface MythResult {
  key: MythKey;
  title: string;
  /** What was done to her list, in words. */
  change: string;
  /** The list submitted in this what-if (for "add more": her longer true list). */
  submitted: string[];
  /** Her true list in this what-if (longer than hers only for "add more"). */
  trueList: string[];
  result: LabWhatIf;
  /** The result compared with her truthful list as it stands: what the card teaches on her own numbers. */
  lesson: string;
  /** False when her list gives nothing to try (e.g. no reach); `change` then says why. */
  applicable: boolean;
}

const place = (o: LabWhatIf["truthful"]): string => (o.program === null ? "unmatched" : `${o.program}${o.trueRank === null ? "" : ` (your ${ordinal(o.trueRank)} choice)`}`);


/**
 * The four myth cards, computed on her lists. Each is one what-if on the analyzer kept by the session, so all four
 * cost a few chain replays at most.
 */
export function mythCards(session: LabSession, trueList: readonly string[]): MythResult[] {
  const truthful = session.whatIf(trueList, trueList).truthful;
  const take = trueList.map((id) => session.wouldTake(id));
  const card = (key: MythKey, title: string, change: string, submitted: string[], lesson: (r: LabWhatIf) => string, trueIds = trueList, applicable = true): MythResult => {
    const result = session.whatIf(trueIds, submitted);
    return { key, title, change, submitted, trueList: [...trueIds], result, lesson: lesson(result), applicable };
  };
  const same = (r: LabWhatIf): boolean => r.submitted.program === truthful.program;

  // A reach is a program that would not take her: the lowest such on her list, moved to the top.
  const reachIndex = take.lastIndexOf(false);
  const reach = reachIndex >= 0 ? trueList[reachIndex]! : undefined;
  const reachCard =
    reach === undefined
      ? card("reachFirst", "Rank a reach program first: does it cost you your safety?", "Every program on your list would take you, so there is no reach to move.", [...trueList], () => "Add a long shot to your true list to try this card.", trueList, false)
      : card(
          "reachFirst",
          "Rank a reach program first: does it cost you your safety?",
          `Moved ${reach}, a program that would not take you, to the top.`,
          [reach, ...trueList.filter((id) => id !== reach)],
          (r) => (same(r) ? `Still ${place(r.submitted)}. A program that does not want you is skipped as if it were not there: a reach at the top costs nothing.` : `Changed to ${place(r.submitted)}.`),
        );

  // A safety is the program she is likeliest to get: the lowest on her list that would take her.
  const safetyIndex = take.lastIndexOf(true);
  const safety = safetyIndex >= 0 ? trueList[safetyIndex]! : undefined;
  const safetyCard =
    safety === undefined
      ? card("safetyFirst", "Rank where you think you'll match higher", "No program on your list would take you, so there is no safety to move up.", [...trueList], () => "Adding programs that would rank you is what helps here (see the last card).", trueList, false)
      : card(
          "safetyFirst",
          "Rank where you think you'll match higher",
          `Moved ${safety}, your likeliest match, to the top.`,
          [safety, ...trueList.filter((id) => id !== safety)],
          (r) =>
            r.verdict === "worse"
              ? `Now ${place(r.submitted)} instead of ${place(truthful)}. Ranking a "sure thing" first throws away better programs that would have taken you: rank by what you want.`
              : `Still ${place(r.submitted)}: your truthful match already is your likeliest one. Moving it up could only have cost you, never gained.`,
        );

  const keep = Math.max(1, Math.floor(trueList.length / 2));
  const fewerCard = card(
    "rankFewer",
    "Rank fewer programs",
    `Kept only your first ${keep} of ${trueList.length}.`,
    trueList.slice(0, keep),
    (r) =>
      r.verdict === "worse"
        ? `Now ${place(r.submitted)} instead of ${place(truthful)}. A shorter list never helps: it only removes programs you could have matched.`
        : `Still ${place(r.submitted)} here, but a shorter list never helps: in another market the programs you dropped could be the ones that take you.`,
    trueList,
    trueList.length > 1,
  );

  const extra = session.programsThatWouldTakeYou(trueList, 3);
  const longer = [...trueList, ...extra];
  const addCard = card(
    "addMore",
    "Add more programs",
    extra.length === 0 ? "No program outside your list ranks you in this market, so there is nothing to add that could take you." : `Added ${extra.join(", ")} below your list (programs that rank you).`,
    longer,
    (r) =>
      extra.length === 0
        ? "Programs rank only applicants they interviewed, so only those can catch you: list every one you would accept. Added at the bottom, they never push you down."
        : truthful.program === null && r.submitted.program !== null
        ? `Now ${place(r.submitted)} instead of unmatched. Programs you would genuinely accept, added at the bottom, can only help.`
        : `Still ${place(r.submitted)}. Added at the bottom, programs you would accept never push you down: they only catch you if everything above falls through.`,
    longer,
    extra.length > 0,
  );
  return [reachCard, safetyCard, fewerCard, addCard];
}
