import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";
import { isDraft, type Draft } from "./draft.ts";

/**
 * Links longer than this are refused: browsers and chat apps cut long URLs, and the fragment is meant for
 * small teaching markets (Run-A-Match encodes to about 400 characters). Larger scenarios travel as JSON files.
 */
export const MAX_SHARE_LENGTH = 8000;

/** Encodes a draft for the URL fragment, which browsers never send to a server. Null when too large. */
export function encodeShare(draft: Draft): string | null {
  const code = compressToEncodedURIComponent(JSON.stringify(draft));
  return code.length > MAX_SHARE_LENGTH ? null : code;
}

/** Decodes a shared draft; null for a truncated or tampered link. */
export function decodeShare(code: string): Draft | null {
  try {
    const text = decompressFromEncodedURIComponent(code);
    if (text === null || text === "") return null;
    const value: unknown = JSON.parse(text);
    return isDraft(value) ? value : null;
  } catch {
    return null;
  }
}
