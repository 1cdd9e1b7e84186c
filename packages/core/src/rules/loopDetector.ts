/**
 * The Roth–Peranson loop detector (ALGORITHM.md §8): during one step (one admission, or one round of the end
 * game) it logs every "unmatching" event: an applicant bumped from a program. A cycling run repeats its bumps
 * forever, so the same (applicant, program) pair bumped `LOOP_REPEATS` times in one step means a loop is in
 * progress; the events since its first occurrence are the loop. Withdrawals that follow from a bump (her partner,
 * her PGY-1 position) are not logged: they repeat legitimately when a couple moves down pairs that share a
 * program, or an applicant regains the same PGY-1 position under another advanced program. A single repeat can
 * also be legitimate (bumped, back through a repair, bumped again), hence a threshold above 2.
 *
 * An open-addressing hash table over the step's log, cleared in O(1) per step by stamping slots with the step
 * number. It grows (rarely, amortised) when a step logs more than half its capacity.
 */
/** Bumps of one (applicant, program) pair within one step that count as a loop. */
export const LOOP_REPEATS = 3;

export interface LoopDetector {
  /** Applicant of each event logged in the current step. */
  logApplicant: Int32Array;
  /** Program of each event logged in the current step. */
  logProgram: Int32Array;
  /** Events logged in the current step. */
  length: number;
  /** Times each logged pair was bumped in the current step. */
  logCount: Int32Array;
  /** Hash slot → index into the log; valid only where `stamp[slot] === step`. */
  slotEvent: Int32Array;
  stamp: Int32Array;
  step: number;
  /** Log index where the repeated pair first occurred in this step; -1 while no loop is seen. */
  loopStart: number;
}

export function createLoopDetector(capacity = 1024): LoopDetector {
  const size = 1 << Math.ceil(Math.log2(Math.max(16, 2 * capacity)));
  return {
    logApplicant: new Int32Array(size >> 1),
    logProgram: new Int32Array(size >> 1),
    logCount: new Int32Array(size >> 1),
    length: 0,
    slotEvent: new Int32Array(size),
    stamp: new Int32Array(size),
    step: 0,
    loopStart: -1,
  };
}

/** Starts a new step: forgets the previous step's events. */
export function beginStep(detector: LoopDetector): void {
  detector.step++;
  detector.length = 0;
  detector.loopStart = -1;
}

const hashOf = (a: number, p: number, mask: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(p + 1, 0x85ebca6b)) & mask;

/** Logs that applicant `a` was bumped from program `p`; returns true when that makes a loop. */
export function logUnmatch(detector: LoopDetector, a: number, p: number): boolean {
  if (detector.length >= detector.logApplicant.length) grow(detector);
  const { slotEvent, stamp, step, logApplicant, logProgram } = detector;
  const mask = slotEvent.length - 1;
  for (let slot = hashOf(a, p, mask); ; slot = (slot + 1) & mask) {
    if (stamp[slot] !== step) {
      const i = detector.length++;
      logApplicant[i] = a;
      logProgram[i] = p;
      detector.logCount[i] = 1;
      stamp[slot] = step;
      slotEvent[slot] = i;
      return false;
    }
    const i = slotEvent[slot]!;
    if (logApplicant[i] === a && logProgram[i] === p) {
      if (++detector.logCount[i]! < LOOP_REPEATS) return false;
      detector.loopStart = i;
      return true;
    }
  }
}

/** Doubles the table and re-inserts the current step's events. */
function grow(detector: LoopDetector): void {
  const bigger = createLoopDetector(2 * detector.logApplicant.length);
  bigger.step = 1;
  for (let i = 0; i < detector.length; i++) logUnmatch(bigger, detector.logApplicant[i]!, detector.logProgram[i]!);
  bigger.logCount.set(detector.logCount.subarray(0, detector.length));
  detector.logApplicant = bigger.logApplicant;
  detector.logProgram = bigger.logProgram;
  detector.logCount = bigger.logCount;
  detector.slotEvent = bigger.slotEvent;
  detector.stamp = bigger.stamp;
  detector.step = 1;
}

/** The applicants and programs involved in the detected loop (deduplicated, in order of first appearance). */
export function loopParticipants(detector: LoopDetector): { applicants: number[]; programs: number[] } {
  const applicants = new Set<number>();
  const programs = new Set<number>();
  for (let i = Math.max(detector.loopStart, 0); i < detector.length; i++) {
    applicants.add(detector.logApplicant[i]!);
    programs.add(detector.logProgram[i]!);
  }
  return { applicants: [...applicants], programs: [...programs] };
}
