import { h } from "../shell/dom.ts";
import { LIMITS } from "./settings.ts";
import type { DashboardSettings } from "./protocol.ts";

export interface DashboardControls {
  form: HTMLFormElement;
  /** Reads the fields; null (and the invalid field marked) when one is out of range. */
  read(): DashboardSettings | null;
  show(settings: DashboardSettings): void;
  setRunning(running: boolean): void;
}

function numberField(doc: Document, id: string, label: string, hint: string, min: number, max: number, step: number | "any"): { wrap: HTMLElement; input: HTMLInputElement } {
  const input = h(doc, "input", { id, name: id, type: "number", min, max, step, required: true, inputmode: "decimal", "aria-describedby": `${id}-hint` });
  const wrap = h(doc, "div", { class: "dash-field" }, h(doc, "label", { for: id }, label), input, h(doc, "span", { id: `${id}-hint`, class: "hint" }, hint));
  return { wrap, input };
}

/** The settings form: seed, size, couples share, list length; Enter or the button runs. */
export function dashboardControls(doc: Document, onRun: (settings: DashboardSettings) => void, onCancel: () => void): DashboardControls {
  const seed = h(doc, "input", { id: "dash-seed", name: "seed", type: "text", maxlength: 40, required: true, "aria-describedby": "dash-seed-hint", autocomplete: "off" });
  const seedWrap = h(doc, "div", { class: "dash-field" }, h(doc, "label", { for: "dash-seed" }, "Seed"), seed, h(doc, "span", { id: "dash-seed-hint", class: "hint" }, "same seed, same market"));
  const applicants = numberField(doc, "dash-applicants", "Applicants", "NRMP 2025: 47,208", LIMITS.applicants.min, LIMITS.applicants.max, 1);
  const couples = numberField(doc, "dash-couples", "In couples (%)", "recent Matches: about 5 %; at most 15", 100 * LIMITS.couplesShare.min, 100 * LIMITS.couplesShare.max, "any");
  const list = numberField(doc, "dash-list", "Interviews per U.S. MD", "≈ list length; calibrated: 13", LIMITS.listLength.min, LIMITS.listLength.max, 1);
  const run = h(doc, "button", { type: "submit", class: "primary" }, "Generate and match");
  const fresh = h(doc, "button", { type: "button" }, "New seed");
  const cancel = h(doc, "button", { type: "button", hidden: true }, "Cancel");
  const form = h(
    doc, "form", { class: "controls dash-controls", "aria-label": "Market settings", novalidate: true },
    seedWrap, applicants.wrap, couples.wrap, list.wrap,
    h(doc, "div", { class: "buttons" }, run, fresh, cancel),
  );
  const error = h(doc, "p", { class: "dash-form-error", role: "alert" });
  form.append(error);
  const inputs = [applicants.input, couples.input, list.input];
  const ranges = [`Applicants: a whole number from ${LIMITS.applicants.min.toLocaleString("en-US")} to ${LIMITS.applicants.max.toLocaleString("en-US")}`, `In couples: ${100 * LIMITS.couplesShare.min} to ${100 * LIMITS.couplesShare.max} %`, `Interviews: ${LIMITS.listLength.min} to ${LIMITS.listLength.max}`];
  const read = (): DashboardSettings | null => {
    const problems: string[] = [];
    const seedOk = seed.value.trim() !== "";
    seed.setAttribute("aria-invalid", String(!seedOk));
    if (!seedOk) problems.push("Seed: any text");
    inputs.forEach((input, k) => {
      const valid = input.value.trim() !== "" && input.checkValidity();
      input.setAttribute("aria-invalid", String(!valid));
      if (!valid) problems.push(ranges[k]!);
    });
    error.textContent = problems.length === 0 ? "" : `Please check: ${problems.join("; ")}.`;
    if (problems.length > 0) return null;
    return { seed: seed.value.trim(), applicants: Math.round(Number(applicants.input.value)), couplesShare: Number(couples.input.value) / 100, listLength: Number(list.input.value) };
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const settings = read();
    if (settings === null) form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
    else onRun(settings);
  });
  fresh.addEventListener("click", () => {
    // A new seed is a user's wish for another random market: the page's randomness is fine here (core never uses it).
    seed.value = String(crypto.getRandomValues(new Uint32Array(1))[0]! % 100000);
    form.requestSubmit();
  });
  cancel.addEventListener("click", onCancel);
  return {
    form,
    read,
    show(s) {
      seed.value = s.seed;
      applicants.input.value = String(s.applicants);
      couples.input.value = String(Math.round(s.couplesShare * 1000) / 10);
      list.input.value = String(s.listLength);
      for (const input of [seed, ...inputs]) input.removeAttribute("aria-invalid");
      error.textContent = "";
    },
    setRunning(running) {
      run.setAttribute("aria-disabled", String(running));
      cancel.hidden = !running;
    },
  };
}
