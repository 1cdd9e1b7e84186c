import { isDraft, type Draft } from "./draft.ts";

export const STORAGE_KEY = "matchlab.workbench.v1";
/** Where unreadable saved data is moved, so a corrupt save is kept for a human rather than overwritten. */
export const CORRUPT_KEY = "matchlab.workbench.corrupt";
/** The draft replaced by opening a shared link, so that opening one never loses work. */
export const PREVIOUS_KEY = "matchlab.workbench.previous";

/** `raw` is the unreadable text itself, so the app can offer it as a download even when storage had no room to keep it. */
export type LoadResult = { status: "empty" } | { status: "ok"; draft: Draft } | { status: "corrupt"; message: string; raw: string } | { status: "unavailable"; message: string };

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
  let kept = true;
  try {
    storage.setItem(CORRUPT_KEY, text);
  } catch {
    kept = false; // storage full: the text stays in memory (`raw`) for this visit only
  }
  try {
    storage.removeItem(key);
  } catch {
    // Nothing more to do: the next save overwrites it.
  }
  const where = kept ? "it is kept in this browser until you download it" : "storage is full, so download it now or it is lost when you leave";
  return { status: "corrupt", raw: text, message: `The saved workbench could not be read, so it starts from Run-A-Match. Your saved text is not lost: ${where} (“Download the unreadable save”).` };
}

/** Saves the draft; when storage is full, frees the previous-draft backup and tries once more. */
export function saveDraft(storage: Storage | null, draft: Draft, key: string = STORAGE_KEY): SaveResult {
  if (storage === null) return { ok: false, message: "local storage is not available, so edits are not saved: export the scenario to keep it" };
  const text = JSON.stringify(draft);
  try {
    storage.setItem(key, text);
    return { ok: true };
  } catch {
    try {
      // Only the previous draft is ours to drop: an unreadable save waits for the user to download it.
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
