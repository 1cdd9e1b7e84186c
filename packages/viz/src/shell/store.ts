import { parseScenario, type ParseResult } from "@matchlab/core";
import { findBuiltIn } from "../scenarios.ts";
import { loadDraft, saveDraft, PREVIOUS_KEY, type SaveResult } from "../workbench/autosave.ts";
import { draftFromScenario, draftToInput, type Draft } from "../workbench/draft.ts";

/** The workbench draft shared by both views, autosaved on every change. */
export class DraftStore {
  #draft: Draft;
  #listeners = new Set<(draft: Draft) => void>();
  #storage: Storage | null;
  /** A message for the user about storage (corrupt save recovered, storage full…); null when all is well. */
  notice: string | null = null;
  #validation: ParseResult | null = null;

  constructor(storage: Storage | null) {
    this.#storage = storage;
    const loaded = loadDraft(storage);
    this.#draft = loaded.status === "ok" ? loaded.draft : draftFromScenario(findBuiltIn("run-a-match")!.scenario);
    if (loaded.status === "corrupt" || loaded.status === "unavailable") this.notice = loaded.message;
  }

  get draft(): Draft {
    return this.#draft;
  }

  /** core's verdict on the draft, cached until the next change. */
  get validation(): ParseResult {
    this.#validation ??= parseScenario(draftToInput(this.#draft));
    return this.#validation;
  }

  set(draft: Draft): SaveResult {
    this.#draft = draft;
    this.#validation = null;
    const saved = saveDraft(this.#storage, draft);
    this.notice = saved.ok ? null : saved.message;
    for (const listener of this.#listeners) listener(draft);
    return saved;
  }

  /** Replaces the draft with a shared or imported one, keeping the current one under `PREVIOUS_KEY`. */
  replace(draft: Draft): void {
    saveDraft(this.#storage, this.#draft, PREVIOUS_KEY);
    this.set(draft);
  }

  /** The draft replaced by the last `replace`, if any. */
  previous(): Draft | null {
    const loaded = loadDraft(this.#storage, PREVIOUS_KEY);
    return loaded.status === "ok" ? loaded.draft : null;
  }

  subscribe(listener: (draft: Draft) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
