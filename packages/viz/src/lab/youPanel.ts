import { APPLICANT_TYPES, NRMP_2025, needsFullRules, type ApplicantType, type PlacedDrawerOptions, type Scenario } from "@matchlab/core";
import { builtIns } from "../scenarios.ts";
import { h } from "../shell/dom.ts";
import type { DraftStore } from "../shell/store.ts";

/** Who the lab studies: an applicant of a scenario, or the user placed in a generated market. */
export type LabSource =
  | { kind: "scenario"; scenario: Scenario; applicant: string; label: string }
  | { kind: "place"; options: PlacedDrawerOptions; seed: number; label: string };

/** Applicants besides her in a placed market: modest by default, so a placement takes a fraction of a second. */
export const MARKET_SIZES = [
  { applicants: 2000, label: "2,000 applicants (fastest)" },
  { applicants: 5000, label: "5,000 applicants (default)" },
  { applicants: NRMP_2025.applicantTypes.reduce((s, t) => s + t.active, 0), label: "full NRMP 2025 scale" },
] as const;

const TYPE_LABELS: Record<ApplicantType, string> = {
  "us-md": "U.S. MD senior",
  "us-do": "U.S. DO senior",
  "us-img": "U.S. citizen IMG",
  "non-us-img": "Non-U.S. citizen IMG",
  other: "Other (previous graduate, Canadian, Fifth Pathway)",
};

/** Scenarios the lab can study: singles only (the guarantee it demonstrates holds for single applicants). */
function scenarioChoices(store: DraftStore): Array<{ key: string; title: string; scenario: Scenario | null }> {
  const draft = store.validation;
  const mine = draft.ok && !needsFullRules(draft.scenario) ? draft.scenario : null;
  return [
    ...builtIns.filter((b) => !needsFullRules(b.scenario)).map((b) => ({ key: b.key, title: b.title, scenario: b.scenario })),
    { key: "workbench", title: mine === null ? "Your workbench scenario (needs a valid singles scenario)" : `Your workbench scenario: ${store.draft.name}`, scenario: mine },
  ];
}

/**
 * The "You" panel: pick an applicant in a scenario, or describe yourself and be placed in a generated NRMP 2025
 * market. Calls `load` with the chosen source.
 */
export function youPanel(doc: Document, store: DraftStore, load: (source: LabSource) => void): { element: HTMLElement; progress: HTMLProgressElement; status: HTMLElement } {
  const choices = scenarioChoices(store);
  const scenarioSelect = h(doc, "select", { id: "lab-scenario" }, ...choices.map((c) => h(doc, "option", { value: c.key, disabled: c.scenario === null }, c.title)));
  const applicantSelect = h(doc, "select", { id: "lab-applicant" });
  const fillApplicants = (): void => {
    const scenario = choices.find((c) => c.key === scenarioSelect.value)?.scenario;
    applicantSelect.replaceChildren(...(scenario?.applicants ?? []).map((a) => h(doc, "option", { value: a.id }, `${a.id} (${a.rol.length} program${a.rol.length === 1 ? "" : "s"})`)));
  };
  const loadScenario = (): void => {
    const scenario = choices.find((c) => c.key === scenarioSelect.value)?.scenario;
    if (scenario == null || applicantSelect.value === "") return;
    load({ kind: "scenario", scenario, applicant: applicantSelect.value, label: `${applicantSelect.value} in ${choices.find((c) => c.key === scenarioSelect.value)!.title}` });
  };
  scenarioSelect.addEventListener("change", () => {
    fillApplicants();
    loadScenario();
  });
  applicantSelect.addEventListener("change", loadScenario);
  fillApplicants();

  const typeSelect = h(doc, "select", { id: "lab-type" }, ...APPLICANT_TYPES.map((t) => h(doc, "option", { value: t }, TYPE_LABELS[t])));
  const step2 = h(doc, "input", { id: "lab-step2ck", type: "number", min: 150, max: 300, step: 1, value: 245, inputmode: "numeric" });
  const visa = h(doc, "input", { id: "lab-visa", type: "checkbox" });
  const specialtyOptions = (none: boolean): HTMLOptionElement[] => [
    ...(none ? [h(doc, "option", { value: "" }, "none")] : []),
    ...NRMP_2025.specialties.map((s) => h(doc, "option", { value: s.code }, s.name)),
  ];
  const target = h(doc, "select", { id: "lab-target" }, ...specialtyOptions(false));
  const backup = h(doc, "select", { id: "lab-backup" }, ...specialtyOptions(true));
  const size = h(doc, "select", { id: "lab-size" }, ...MARKET_SIZES.map((s, i) => h(doc, "option", { value: s.applicants, selected: i === 1 }, s.label)));
  const seed = h(doc, "input", { id: "lab-seed", type: "number", min: 0, max: 4294967295, step: 1, value: 1, inputmode: "numeric" });
  const place = h(doc, "button", { type: "button", class: "primary" }, "Place me in a market");
  const progress = h(doc, "progress", { max: 3, value: 0, "aria-label": "Placing you in a market", hidden: true });
  const status = h(doc, "p", { class: "hint", role: "status" });
  const field = (id: string, label: string, control: HTMLElement): HTMLElement => h(doc, "p", { class: "field" }, h(doc, "label", { for: id }, label), " ", control);
  place.addEventListener("click", () => {
    const score = Number(step2.value);
    if (!Number.isFinite(score) || score < 150 || score > 300) {
      status.textContent = "Step 2 CK: enter a score from 150 to 300.";
      step2.focus();
      return;
    }
    const seedValue = Number(seed.value);
    if (!Number.isSafeInteger(seedValue) || seedValue < 0 || seedValue > 0xffffffff) {
      status.textContent = "Seed: enter a whole number from 0 to 4294967295.";
      seed.focus();
      return;
    }
    const specialties = backup.value === "" || backup.value === target.value ? [target.value] : [target.value, backup.value];
    const profile = { type: typeSelect.value as ApplicantType, step2ck: score, needsVisa: visa.checked, specialties };
    load({ kind: "place", options: { preset: "nrmp-2025", applicants: Number(size.value), profile }, seed: seedValue, label: `you (${TYPE_LABELS[profile.type]}, Step 2 CK ${score}${visa.checked ? ", needs a visa" : ""})` });
  });

  const element = h(
    doc,
    "section",
    { class: "lab-panel you", "aria-labelledby": "lab-you-title" },
    h(doc, "h3", { id: "lab-you-title" }, "You"),
    h(
      doc,
      "div",
      { class: "you-columns" },
      h(doc, "fieldset", {}, h(doc, "legend", {}, "Be an applicant in a scenario"), field("lab-scenario", "Scenario", scenarioSelect), field("lab-applicant", "Applicant", applicantSelect)),
      h(
        doc,
        "fieldset",
        {},
        h(doc, "legend", {}, "Or describe yourself"),
        field("lab-type", "Applicant type", typeSelect),
        field("lab-step2ck", "Step 2 CK score", step2),
        h(doc, "p", { class: "field" }, visa, " ", h(doc, "label", { for: "lab-visa" }, "I need a visa")),
        field("lab-target", "Target specialty", target),
        field("lab-backup", "Backup specialty", backup),
        field("lab-size", "Market size", size),
        field("lab-seed", "Seed", seed),
        h(doc, "p", { class: "hint" }, "You are placed in a synthetic NRMP 2025 market generated in your browser (in a background thread): programs rank you as they rank others of your profile. 5,000 applicants by default, for speed; the same seed always gives the same market."),
        h(doc, "p", {}, place, " ", progress),
      ),
    ),
    status,
  );
  return { element, progress, status };
}

/** Loads the panel's current scenario applicant (the lab's starting point). */
export function initialScenarioSource(store: DraftStore): LabSource | null {
  const first = scenarioChoices(store)[0];
  const applicant = first?.scenario?.applicants[0];
  if (first === undefined || first.scenario === null || applicant === undefined) return null;
  return { kind: "scenario", scenario: first.scenario, applicant: applicant.id, label: `${applicant.id} in ${first.title}` };
}
