import { isDraft, type Draft } from "./draft.ts";

export const STORAGE_KEY = "matchlab.workbench.v1";
/** Where unreadable saved data is moved, so a corrupt save is kept for a human rather than overwritten. */
export const CORRUPT_KEY = "matchlab.workbench.corrupt";
/** The draft replaced by opening a shared link, so that opening one never loses work. */
export const PREVIOUS_KEY = "matchlab.workbench.previous";

export type LoadResult = { status: "empty" } | { status: "ok"; draft: Draft } | { status: "corrupt"; message: string } | { status: "unavailable"; message: string };

export type SaveResult = { ok: true } | { ok: false; message: string };

/** Reads the autosaved draft; a corrupt save is moved aside to `CORRUPT_KEY`. */
export function loadDraft(storage: Storage | null, key: string = STORAGE_KEY): LoadResult {
  if (storage === null) return { status: "unavailable", message: "this browser does not allow local storage here, so edits are not saved" };
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch (error) {
    return { status: "unavailable", message: `local storage could not be read (${(error as Error).message})` };
  }
  if (text === null) return { status: "empty" };
  try {
    const value: unknown = JSON.parse(text);
    if (isDraft(value)) return { status: "ok", draft: value };
  } catch {
    // fall through: corrupt
  }
  try {
    storage.setItem(CORRUPT_KEY, text);
    storage.removeItem(key);
  } catch {
    // Storage full: drop the corrupt copy rather than fail to start.
    storage.removeItem(key);
  }
  return { status: "corrupt", message: "the saved workbench could not be read, so it starts from Run-A-Match (the unreadable data is kept in local storage under matchlab.workbench.corrupt)" };
}

/** Saves the draft; when storage is full, frees our own backups and tries once more. */
export function saveDraft(storage: Storage | null, draft: Draft, key: string = STORAGE_KEY): SaveResult {
  if (storage === null) return { ok: false, message: "local storage is not available, so edits are not saved: export the scenario to keep it" };
  const text = JSON.stringify(draft);
  try {
    storage.setItem(key, text);
    return { ok: true };
  } catch {
    try {
      storage.removeItem(CORRUPT_KEY);
      storage.removeItem(PREVIOUS_KEY);
      storage.setItem(key, text);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `browser storage is full (${(error as Error).name}), so this edit is not saved: export the scenario to keep it` };
    }
  }
}

/** `window.localStorage`, or null where reading it throws (some privacy modes). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
