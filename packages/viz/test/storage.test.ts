import { describe, expect, it } from "vitest";
import { loadDraft, saveDraft, CORRUPT_KEY, PREVIOUS_KEY, STORAGE_KEY } from "../src/workbench/autosave.ts";
import { addApplicant, draftFromScenario, moveRank, removeParticipant, renameReferences, setId, type Draft } from "../src/workbench/draft.ts";
import { decodeShare, encodeShare, MAX_SHARE_LENGTH } from "../src/workbench/share.ts";
import { findBuiltIn } from "../src/scenarios.ts";
import { formatHash, parseHash } from "../src/shell/router.ts";

/** An in-memory Storage that can be told to be full. */
class MemoryStorage implements Storage {
  items = new Map<string, string>();
  capacity = Infinity;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : v.length), 0);
    if (used + value.length > this.capacity) throw new DOMException("full", "QuotaExceededError");
    this.items.set(key, value);
  }
}

const runAMatch = (): Draft => draftFromScenario(findBuiltIn("run-a-match")!.scenario);

describe("autosave", () => {
  it("should load what it saved", () => {
    const storage = new MemoryStorage();
    expect(saveDraft(storage, runAMatch())).toEqual({ ok: true });
    expect(loadDraft(storage)).toEqual({ status: "ok", draft: runAMatch() });
  });

  it("should move a corrupt save aside and report it", () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"programs": [tru');
    const loaded = loadDraft(storage);
    expect(loaded.status).toBe("corrupt");
    expect(storage.getItem(CORRUPT_KEY)).toBe('{"programs": [tru');
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it("should free its own backups when storage is full, then report failure if still full", () => {
    const storage = new MemoryStorage();
    const text = JSON.stringify(runAMatch());
    storage.setItem(PREVIOUS_KEY, "x".repeat(100));
    storage.capacity = text.length + 50;
    expect(saveDraft(storage, runAMatch())).toEqual({ ok: true });
    expect(storage.getItem(PREVIOUS_KEY)).toBeNull();
    storage.capacity = 10;
    const saved = saveDraft(storage, runAMatch());
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.message).toMatch(/storage is full/);
  });

  it("should say when storage is unavailable", () => {
    expect(loadDraft(null).status).toBe("unavailable");
    expect(saveDraft(null, runAMatch()).ok).toBe(false);
  });
});

describe("share links", () => {
  it("should decode what they encode", () => {
    const code = encodeShare(runAMatch());
    expect(code).not.toBeNull();
    expect(decodeShare(code!)).toEqual(runAMatch());
  });

  it("should survive the trip through the address bar, '+' included", () => {
    // Find a draft whose code contains '+', which a query string would otherwise read as a space.
    let draft = runAMatch();
    for (let i = 0; !encodeShare(draft)!.includes("+"); i++) draft = { ...draft, name: `n${i}` };
    const hash = formatHash("workbench", { share: encodeShare(draft)! });
    expect(decodeShare(parseHash(hash).params.get("share")!)).toEqual(draft);
  });

  it("should refuse damaged links and oversized scenarios", () => {
    const code = encodeShare(runAMatch())!;
    expect(decodeShare(code.slice(0, code.length / 2))).toBeNull();
    expect(decodeShare("not a link")).toBeNull();
    let big = runAMatch();
    for (let i = 0; i < 2000; i++) big = addApplicant(big);
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_SHARE_LENGTH);
    expect(encodeShare(big)).toBeNull();
  });
});

describe("draft edits", () => {
  it("renameReferences renames a committed program id on every applicant list", () => {
    const renamed = renameReferences(setId(runAMatch(), "programs", 1, "City Hospital"), "programs", "City", "City Hospital");
    expect(renamed.applicants.map((a) => a.rol.includes("City"))).toEqual([false, false, false, false, false]);
    expect(renamed.applicants[0]!.rol).toEqual(["City Hospital"]);
  });

  it("renameReferences leaves lists alone when the new id collides with another", () => {
    const collided = setId(runAMatch(), "programs", 1, "Mercy");
    expect(renameReferences(collided, "programs", "City", "Mercy")).toBe(collided);
  });

  it("removeParticipant drops the participant from the other side's lists", () => {
    const draft = removeParticipant(runAMatch(), "applicants", 1);
    expect(draft.applicants.map((a) => a.id)).not.toContain("Chen");
    expect(draft.programs.flatMap((p) => p.rol)).not.toContain("Chen");
  });

  it("moveRank moves one entry and keeps the rest in order", () => {
    expect(moveRank(runAMatch(), "applicants", 4, 2, 0).applicants[4]!.rol).toEqual(["General", "City", "Mercy"]);
  });
});
