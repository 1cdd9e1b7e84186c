import type { FullTraceEvent } from "./fullTraceEvents.ts";

/** "Ana & Ben", a couple named by its members. */
const pairOf = (e: FullTraceEvent): string => `${e.applicant} & ${e.partner}`;
/** "(City, No Match)", the programs of a couple's pair. */
const programsOf = (e: FullTraceEvent): string => `(${e.program ?? "No Match"}, ${e.partnerProgram ?? "No Match"})`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
const alsoLoses = (e: FullTraceEvent): string => (e.supplemental === null ? "" : `, and with it her PGY-1 position at ${e.supplemental}`);

function coupleRefusal(e: FullTraceEvent): string {
  const refused = e.other;
  const program = refused === e.applicant ? e.program : e.partnerProgram;
  switch (e.reason) {
    case "unranked": return `${program} did not rank ${refused}`;
    case "banned": return `${program} turns ${refused} away while a loop is being broken`;
    case "noRoomForBoth": return `${program} has no room for both of them`;
    default: return `${program} is full of applicants it prefers to ${refused}`;
  }
}

function supplementalRefusal(e: FullTraceEvent): string {
  switch (e.reason) {
    case "unranked": return `${e.program} rejects ${e.applicant}'s PGY-1 application: ${e.program} did not rank ${e.applicant}`;
    case "banned": return `${e.program} turns ${e.applicant} away for PGY-1 while a loop is being broken`;
    default: return e.other === null ? `${e.program} rejects ${e.applicant}'s PGY-1 application: it has no position to offer` : `${e.program} rejects ${e.applicant}'s PGY-1 application: it is full and prefers everyone it holds (its last is ${e.other})`;
  }
}

/** A narration line for one event, in the style of the simple engine's trace. */
export function narrateFullEvent(e: FullTraceEvent, supplementalLists: boolean): string {
  const a = e.applicant;
  const p = e.program;
  const o = e.other;
  switch (e.kind) {
    case "attempt":
      return e.count === 0
        ? "The match starts: singles in id order, then couples"
        : `Attempt ${(e.count ?? 0) + 1}: the last run ended unstable after a loop, so it starts over with the couples in a new order (${e.order?.join(", ") ?? ""})${supplementalLists ? " and the singles shuffled" : ""}`;
    case "admit": return e.partner === null ? `${a} enters the match` : `The couple ${pairOf(e)} enters the match`;
    case "propose": return `${a} applies to ${p}`;
    case "hold": return `${p} tentatively holds ${a}`;
    case "keeps": return `${a} finds nothing better that would take her and keeps ${p}`;
    case "rejectUnranked": return `${p} rejects ${a}: ${p} did not rank ${a}`;
    case "rejectFull": return o === null ? `${p} rejects ${a}: ${p} has no position to offer` : `${p} rejects ${a}: ${p} is full and prefers everyone it holds (its last is ${o})`;
    case "rejectBanned": return `${p} turns ${a} away: that pair kept repeating in a loop and is set aside for now`;
    case "leave": return e.count === 1 ? `${a} leaves ${p} as her couple moves${alsoLoses(e)}` : `${a} leaves ${p} for a program she ranks higher${alsoLoses(e)}`;
    case "bump": return o === null ? `${a} loses her place at ${p}${alsoLoses(e)}` : `${a} is bumped from ${p}: ${p} prefers ${o}${alsoLoses(e)}`;
    case "partnerWithdrawn": return p === null ? `${o}'s partner ${a} is withdrawn too: a couple matches both or neither; the couple proposes again` : `${a} withdraws from ${p}: her partner ${o} was bumped and a couple matches both or neither; the couple proposes again${alsoLoses(e)}`;
    case "exhausted": return `${a} has no programs left to try and is unmatched for now`;
    case "coupleProposes": return `${pairOf(e)} apply as a pair to ${programsOf(e)}`;
    case "coupleHold": return `${pairOf(e)} are held together at ${programsOf(e)}`;
    case "coupleKeeps": return `${pairOf(e)} find no better pair that would take both and keep ${programsOf(e)}`;
    case "coupleRejected": return `The pair ${programsOf(e)} fails for ${pairOf(e)}: ${coupleRefusal(e)}`;
    case "coupleExhausted": return `${pairOf(e)} have no pairs left to try and are unmatched for now`;
    case "suppList": return `${a} holds the advanced program ${p}: her supplemental list for a PGY-1 year is now in force`;
    case "suppPropose": return `${a} applies to ${p} for her PGY-1 year`;
    case "suppHold": return o === null ? `${p} tentatively holds ${a} for PGY-1` : `${p} tentatively holds ${a} for PGY-1; she leaves ${o}`;
    case "suppReject": return supplementalRefusal(e);
    case "suppBump": return o === null ? `${a} loses her PGY-1 position at ${p}; she keeps her advanced position` : `${a} is bumped from her PGY-1 position at ${p}: ${p} prefers ${o}; she keeps her advanced position`;
    case "suppExhausted": return `${a} has no PGY-1 program left on her supplemental list for ${p}`;
    case "vacancy": return `${p} is re-examined after a vacancy: the best-ranked ${plural(e.count ?? 0, "applicant")} it would take and who prefer it will propose again`;
    case "reconsider":
      return e.partner !== null ? `${pairOf(e)} could do better with ${p} and propose again` : `${a} could do better with ${p} and proposes again`;
    case "loopBroken":
      return `Loop detected: ${e.loop?.applicants.join(", ") ?? ""} keep displacing one another at ${e.loop?.programs.join(", ") ?? ""}; ${p} turns ${a} away for now so the run can go on`;
    case "polish": return `The run broke loops: the set-aside pairs are allowed again and every applicant who could block proposes once more`;
    case "endRound": return `End game, round ${e.count ?? 0}: even-number requests, then reversions of unfilled positions`;
    case "evenCut": return `${p} asked for an even number of residents: its quota drops to ${e.count ?? 0} and its last holder ${a} goes back into the match`;
    case "reversion": return `${p} has ${plural(e.count ?? 0, "unfilled position")}: ${e.count === 1 ? "it reverts" : "they revert"} to ${o}`;
    case "fallback":
      return `No order ended stable, so the fallbacks took over from the least unstable run (${["and found no stable matching either", "Kojima–Pathak–Roth's couples-one-at-a-time algorithm found a stable matching", "a repair walk found a stable matching"][e.count ?? 0]}); their steps are not traced: the matching they returned follows`;
    case "quota": return `${p} ends with ${plural(e.count ?? 0, "position")}`;
    case "reclaim": return `${p} takes back a position it had reverted to ${o}: an applicant it wants has turned up`;
  }
}
