import { h } from "../shell/dom.ts";

export interface PlaybackHandlers {
  go(step: number): void;
  step(delta: number): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
}

export interface PlaybackControls {
  root: HTMLElement;
  /** Reflects the current step, the event count and whether it is playing. */
  update(step: number, total: number, playing: boolean): void;
}

export const speeds = [0.5, 1, 2, 4, 8] as const;

/** Play/pause, step back/forward, start/end, speed and a scrubbable timeline, all plain focusable controls. */
export function createControls(doc: Document, handlers: PlaybackHandlers): PlaybackControls {
  const button = (label: string, text: string, onClick: () => void, cls = ""): HTMLButtonElement => {
    const b = h(doc, "button", { type: "button", "aria-label": label, title: label, class: cls }, text);
    b.addEventListener("click", onClick);
    return b;
  };
  const start = button("Go to start", "◀◀ Start", () => handlers.go(0));
  const back = button("Step back", "◀ Back", () => handlers.step(-1));
  const play = button("Play", "▶ Play", () => handlers.togglePlay(), "primary");
  const forward = button("Step forward", "Forward ▶", () => handlers.step(1));
  const end = button("Go to end", "End ▶▶", () => handlers.go(Number.MAX_SAFE_INTEGER));
  const speed = h(doc, "select", { "aria-label": "Speed" });
  for (const s of speeds) speed.append(h(doc, "option", { value: s, selected: s === 1 }, `${s}×`));
  speed.addEventListener("change", () => handlers.setSpeed(Number(speed.value)));
  const timeline = h(doc, "input", { type: "range", min: 0, max: 0, value: 0, step: 1, "aria-label": "Timeline: event number", class: "timeline" });
  timeline.addEventListener("input", () => handlers.go(Number(timeline.value)));
  const counter = h(doc, "output", { class: "counter", "aria-live": "off" });
  const root = h(
    doc,
    "div",
    { class: "controls", role: "group", "aria-label": "Playback" },
    h(doc, "div", { class: "buttons" }, start, back, play, forward, end, h(doc, "label", { class: "speed" }, "Speed ", speed)),
    h(doc, "div", { class: "scrub" }, timeline, counter),
  );
  return {
    root,
    update(step, total, playing) {
      timeline.max = String(total);
      timeline.value = String(step);
      timeline.setAttribute("aria-valuetext", `event ${step} of ${total}`);
      counter.textContent = `event ${step} / ${total}`;
      play.textContent = playing ? "⏸ Pause" : "▶ Play";
      play.setAttribute("aria-label", playing ? "Pause" : "Play");
      play.title = playing ? "Pause" : "Play";
      // aria-disabled rather than disabled: a disabled button drops keyboard focus; go/step clamp anyway.
      for (const b of [start, back]) b.setAttribute("aria-disabled", String(step === 0));
      for (const b of [forward, end]) b.setAttribute("aria-disabled", String(step >= total));
    },
  };
}
