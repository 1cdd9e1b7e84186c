import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPlaybackClock, type PlaybackClock } from "../src/theater/playbackClock.ts";

/** A clock over `events` events that records what each draw saw and counts `beforeMove` calls. */
function recorded(events: number): { clock: PlaybackClock; frames: Array<[number, boolean]>; moves: () => number; setTotal: (n: number) => void } {
  let total = events;
  let moves = 0;
  const frames: Array<[number, boolean]> = [];
  const clock: PlaybackClock = createPlaybackClock({
    total: () => total,
    draw: () => frames.push([clock.position, clock.playing]),
    beforeMove: () => moves++,
  });
  return { clock, frames, moves: () => moves, setTotal: (n) => (total = n) };
}

describe("createPlaybackClock", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("should start paused at 0 without drawing", () => {
    const { clock, frames } = recorded(3);
    expect([clock.position, clock.playing]).toEqual([0, false]);
    expect(frames).toEqual([]);
  });

  it("play() shows one more event every 900 ms at 1× and stops playing at the end", () => {
    const { clock, frames } = recorded(3);
    clock.play();
    expect(frames).toEqual([[0, true]]);
    vi.advanceTimersByTime(899);
    expect(clock.position).toBe(0);
    vi.advanceTimersByTime(1);
    expect(clock.position).toBe(1);
    vi.advanceTimersByTime(1800);
    // The tick that reaches the last event draws it as no longer playing, and schedules nothing more.
    expect(frames).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [3, false],
    ]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(frames.length).toBe(4);
  });

  it("pause() stops the timer where it is", () => {
    const { clock, frames } = recorded(5);
    clock.play();
    vi.advanceTimersByTime(900);
    clock.pause();
    expect(frames.at(-1)).toEqual([1, false]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(clock.position).toBe(1);
  });

  it("togglePlay() plays when paused and pauses when playing", () => {
    const { clock } = recorded(5);
    clock.togglePlay();
    expect(clock.playing).toBe(true);
    clock.togglePlay();
    expect(clock.playing).toBe(false);
  });

  it("step() and go() clamp the position to 0…total, drawing each time", () => {
    const { clock, frames } = recorded(3);
    clock.step(-1);
    clock.step(1);
    clock.go(99);
    clock.step(1);
    clock.go(-5);
    expect(frames).toEqual([
      [0, false],
      [1, false],
      [3, false],
      [3, false],
      [0, false],
    ]);
  });

  it("should stop playing when go() reaches the end, and keep playing when it moves elsewhere", () => {
    const { clock } = recorded(10);
    clock.play();
    clock.go(4);
    expect([clock.position, clock.playing]).toEqual([4, true]);
    vi.advanceTimersByTime(900);
    expect(clock.position).toBe(5);
    clock.go(10);
    expect([clock.position, clock.playing]).toEqual([10, false]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("play() from the end starts again at the first event", () => {
    const { clock, frames } = recorded(2);
    clock.go(2);
    clock.play();
    expect(frames.at(-1)).toEqual([0, true]);
  });

  it("setSpeed() shortens the interval from the next scheduled event", () => {
    const { clock } = recorded(10);
    clock.setSpeed(2);
    clock.play();
    vi.advanceTimersByTime(450);
    expect(clock.position).toBe(1);
    // The event already scheduled keeps its 450 ms; the following ones take 900 / 4.
    clock.setSpeed(4);
    vi.advanceTimersByTime(449);
    expect(clock.position).toBe(1);
    vi.advanceTimersByTime(1);
    expect(clock.position).toBe(2);
    vi.advanceTimersByTime(225);
    expect(clock.position).toBe(3);
  });

  it("should call beforeMove when it moves or starts playing, never for stopAtEnd, rewind or a go that stays put", () => {
    const { clock, moves } = recorded(3);
    clock.go(0); // already there
    expect(moves()).toBe(0);
    clock.step(1);
    expect(moves()).toBe(1);
    clock.play(); // starting counts, even without moving
    expect(moves()).toBe(2);
    vi.advanceTimersByTime(900); // each tick moves
    expect(moves()).toBe(3);
    clock.stopAtEnd();
    clock.rewind();
    expect(moves()).toBe(3);
  });

  it("stopAtEnd() stops playback on the last event and draws it", () => {
    const { clock, frames } = recorded(6);
    clock.play();
    clock.stopAtEnd();
    expect(frames.at(-1)).toEqual([6, false]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rewind() goes back to 0 without drawing", () => {
    const { clock, frames } = recorded(6);
    clock.go(4);
    clock.rewind();
    expect(clock.position).toBe(0);
    expect(frames).toEqual([[4, false]]);
  });

  it("should pause rather than step past the end when the list shrinks under a playing clock", () => {
    const { clock, frames, setTotal } = recorded(10);
    clock.go(5);
    clock.play();
    setTotal(3);
    vi.advanceTimersByTime(900);
    expect(frames.at(-1)).toEqual([5, false]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
