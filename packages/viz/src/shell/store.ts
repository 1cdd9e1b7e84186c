import { parseScenario, type ParseResult } from "@matchlab/core";
import { findBuiltIn } from "../scenarios.ts";
import { CORRUPT_KEY, loadDraft, saveDraft, PREVIOUS_KEY, type SaveResult } from "../workbench/autosave.ts";
import { draftFromScenario, draftToInput, type Draft } from "../workbench/draft.ts";

/** The workbench draft shared by both views, autosaved on every change. */
export class DraftStore {
  #draft: Draft;
  #listeners = new Set<(draft: Draft) => void>();
  #storage: Storage | null;
  /** A message for the user about storage (corrupt save recovered, storage full…); null when all is well. */
  notice: string | null = null;
  #validation: ParseResult | null = null;
  /** An unreadable autosave found at start, held here too in case storage had no room to keep it. */
  #unreadable: string | null = null;

  constructor(storage: Storage | null) {
    this.#storage = storage;
    const loaded = loadDraft(storage);
    this.#draft = loaded.status === "ok" ? loaded.draft : draftFromScenario(findBuiltIn("run-a-match")!.scenario);
    if (loaded.status === "corrupt") this.#unreadable = loaded.raw;
    if (loaded.status === "corrupt" || loaded.status === "unavailable") this.notice = loaded.message;
  }

  /** The text of an unreadable autosave (this visit's or an earlier one's), or null when there is none. */
  unreadable(): string | null {
    try {
      return this.#unreadable ?? this.#storage?.getItem(CORRUPT_KEY) ?? null;
    } catch {
      return this.#unreadable;
    }
  }

  /** Forgets the unreadable autosave, once the user has downloaded it. */
  discardUnreadable(): void {
    this.#unreadable = null;
    try {
      this.#storage?.removeItem(CORRUPT_KEY);
    } catch {
      // Storage unavailable: nothing kept there.
    }
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
