import type { PlaybackHandlers } from "./controls.ts";

export interface PlaybackClockOptions {
  /**
   * How many events there are. Read at every move, so the list may change under the clock (the simple theater
   * switches scenario and proposing side).
   */
  total(): number;
  /** Redraws the view from the clock's `position` and `playing`; called after every change the clock makes. */
  draw(): void;
  /**
   * Runs before the clock itself moves the position (go, step, each tick while playing) or starts playing. The
   * simple theater drops its hand-edited or lattice-picked matching here: those belong to the final step.
   * `stopAtEnd` and `rewind` do not call it.
   * @defaultValue does nothing
   */
  beforeMove?: () => void;
  /**
   * Milliseconds one event stays on screen at speed 1×; speed s shows each for `interval / s`.
   * @defaultValue 900
   */
  interval?: number;
}

/** Both theaters' play/pause/step timer over a list of events; it is also the handlers of `createControls`. */
export interface PlaybackClock extends PlaybackHandlers {
  /** How many events are shown, 0…total (0: none yet; total: the run's end). */
  readonly position: number;
  /** Whether a timer is advancing the position. */
  readonly playing: boolean;
  /** Advances one event per interval until the end; from the end it starts again at 0. */
  play(): void;
  /** Stops the timer where it is. */
  pause(): void;
  /** Stops on the last event without calling `beforeMove` (the caller has just set what that step shows). */
  stopAtEnd(): void;
  /** Back to 0 without drawing or calling `beforeMove`: for a caller that loads new events, then draws. */
  rewind(): void;
}

/** A clock over `total()` events: the position is clamped to 0…total and playback stops when it reaches the end. */
export function createPlaybackClock(options: PlaybackClockOptions): PlaybackClock {
  const { total, draw, beforeMove = () => {}, interval = 900 } = options;
  let position = 0;
  let playing = false;
  let speed = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Stops playback without drawing. A timer is pending only while playing, so this clears any. */
  function halt(): void {
    playing = false;
    clearTimeout(timer);
  }
  function go(k: number): void {
    const n = total();
    const next = Math.max(0, Math.min(n, k));
    if (next !== position) beforeMove();
    position = next;
    if (position >= n) halt();
    draw();
  }
  function play(): void {
    if (position >= total()) position = 0;
    beforeMove();
    playing = true;
    tick();
  }
  function tick(): void {
    clearTimeout(timer);
    draw();
    if (!playing) return;
    timer = setTimeout(() => {
      // The list may have shrunk since this tick was scheduled.
      if (position >= total()) return pause();
      position++;
      beforeMove();
      if (position >= total()) playing = false;
      tick();
    }, interval / speed);
  }
  function pause(): void {
    halt();
    draw();
  }

  return {
    get position() {
      return position;
    },
    get playing() {
      return playing;
    },
    go,
    step: (delta) => go(position + delta),
    togglePlay: () => (playing ? pause() : play()),
    setSpeed: (s) => {
      speed = s;
    },
    play,
    pause,
    stopAtEnd() {
      halt();
      position = total();
      draw();
    },
    rewind() {
      position = 0;
    },
  };
}
