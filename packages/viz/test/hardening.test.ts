import { parseScenario } from "@matchlab/core";
import fc from "fast-check";
import Papa from "papaparse";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findBuiltIn } from "../src/scenarios.ts";
import { runScenario } from "../src/engine/runScenario.ts";
import { parseHash } from "../src/shell/router.ts";
import { DraftStore } from "../src/shell/store.ts";
import { CORRUPT_KEY, loadDraft, saveDraft, STORAGE_KEY } from "../src/workbench/autosave.ts";
import { resultsToCsv, scenarioFromCsv, scenarioToCsv } from "../src/workbench/csv.ts";
import { draftFromScenario } from "../src/workbench/draft.ts";
import { importScenario, importSizeIssue, MAX_IMPORT_BYTES } from "../src/workbench/importFile.ts";
import { decodeShare } from "../src/workbench/share.ts";

/** How many inputs each property tries (NOTES-harden.md reports these figures). */
export const APP_FUZZ_RUNS = { csvIds: 300, importText: 500, hash: 1000, share: 1000 } as const;

/** Ids in any script with quotes, commas, newlines and formula starts; no white space at either end (CSV trims cells). */
const strangeId = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
    fc.string({ unit: fc.constantFrom('"', "'", ",", "\n", "\r\n", "=", "+", "-", "@", "\t", "ß", "東", "ع", "👩‍⚕️"), minLength: 1, maxLength: 6 }),
    fc.constantFrom('=HYPERLINK("http://x","y")', '=HYPERLINK("http://x")\nsecond line', "'=already quoted", "-1", "@SUM(A1)"),
  )
  .filter((id) => id.trim() === id && id !== "");

/** A cell a spreadsheet would run as a formula. */
const FORMULA = /^[=+\-@\t\r]/;

/** An in-memory Storage that can be told to be full. */
function memoryStorage(capacity = Infinity): Storage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem(key, value) {
      const used = [...items].reduce((n, [k, v]) => n + (k === key ? 0 : v.length), 0);
      if (used + value.length > capacity) throw new DOMException("full", "QuotaExceededError");
      items.set(key, value);
    },
  };
}

describe("CSV export in a spreadsheet", () => {
  it("should never start a cell with a formula character, and read every id back exactly", () => {
    fc.assert(
      fc.property(fc.uniqueArray(strangeId, { minLength: 4, maxLength: 4 }), ([p, q, a, b]) => {
        const scenario = { programs: [{ id: p!, quota: 1, rol: [a!, b!] }, { id: q!, quota: 2, rol: [b!] }], applicants: [{ id: a!, rol: [p!] }, { id: b!, rol: [q!, p!] }] };
        const csv = scenarioToCsv(scenario);
        const results = resultsToCsv(runScenario(scenario));
        for (const text of [csv, results]) for (const row of Papa.parse<string[]>(text).data) for (const cell of row) expect(cell).not.toMatch(FORMULA);
        const back = scenarioFromCsv(csv);
        const parsed = back.ok ? parseScenario(back.value) : null;
        expect(parsed?.ok && { programs: parsed.scenario.programs, applicants: parsed.scenario.applicants }).toEqual(scenario);
      }),
      { numRuns: APP_FUZZ_RUNS.csvIds },
    );
  });

  it("scenarioToCsv defuses a formula with a newline in it, which papaparse's own pattern misses", () => {
    const id = '=HYPERLINK("http://x")\nb';
    expect(scenarioToCsv({ programs: [{ id, quota: 1, rol: [] }], applicants: [] })).toBe(`list_owner,kind,rank,ranked_id\r\n"'=HYPERLINK(""http://x"")\nb",quota,1,\r\n`);
  });
});

describe("importing hostile files", () => {
  it("importScenario answers any text, JSON or CSV, with a draft or issues, never an exception", () => {
    const text = fc.oneof(fc.string({ unit: "binary" }), fc.json(), fc.string().map((s) => `list_owner,kind,rank,ranked_id\n${s}`));
    fc.assert(
      fc.property(fc.constantFrom("a.json", "a.csv", "a.txt"), text, (name, body) => {
        const result = importScenario(name, body);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: APP_FUZZ_RUNS.importText },
    );
  });

  it("importSizeIssue refuses a file over the limit from its size, and names the command line instead", () => {
    expect(importSizeIssue(MAX_IMPORT_BYTES)).toBeNull();
    expect(importSizeIssue(2 ** 30)).toEqual({ path: "(file)", message: "the file is 1024.0 MB, over the workbench's limit of 64.0 MB; run it with the command line instead (matchlab match FILE --max-bytes N)" });
  });

  it("importScenario says a binary file is binary", () => {
    const result = importScenario("photo.json", "\u0000\u0001PNG\ufffd\ufffd");
    expect(!result.ok && result.issues).toEqual([{ path: "(file)", message: "not valid JSON: the file looks binary (it is not UTF-8 text); expected a JSON scenario" }]);
  });
});

describe("hostile addresses", () => {
  it("parseHash and decodeShare answer any fragment without throwing", () => {
    const fragment = fc.oneof(fc.string({ unit: "binary" }), fc.string().map((s) => `#/workbench?share=${s}`), fc.constantFrom("#/%E0%A4%A", "#/workbench?share=%", "#/theater?scenario=%ZZ", "#/?&&=&"));
    fc.assert(
      fc.property(fragment, (hash) => {
        const route = parseHash(hash);
        const share = route.params.get("share");
        if (share !== null) expect(decodeShare(share) === null || typeof decodeShare(share) === "object").toBe(true);
      }),
      { numRuns: APP_FUZZ_RUNS.hash },
    );
  });

  it("decodeShare refuses any damaged code", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (code) => {
        const draft = decodeShare(code);
        expect(draft === null || Array.isArray(draft.programs)).toBe(true);
      }),
      { numRuns: APP_FUZZ_RUNS.share },
    );
  });
});

describe("full or corrupt local storage", () => {
  const runAMatch = () => draftFromScenario(findBuiltIn("run-a-match")!.scenario);

  it("should keep a corrupt save for the user, even when storage is too full to move it aside", () => {
    const full = memoryStorage(60);
    full.items.set(STORAGE_KEY, "{broken");
    full.items.set("other-site-data", "x".repeat(55));
    const store = new DraftStore(full);
    expect(store.notice).toMatch(/storage is full, so download it now/);
    expect(store.draft).toEqual(runAMatch());
    expect(store.unreadable()).toBe("{broken");
    store.discardUnreadable();
    expect(store.unreadable()).toBeNull();
  });

  it("loadDraft moves a corrupt save aside and returns its text", () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, '{"name": "my long work", "programs": [');
    expect(loadDraft(storage)).toMatchObject({ status: "corrupt", raw: '{"name": "my long work", "programs": [' });
    expect(storage.getItem(CORRUPT_KEY)).toBe('{"name": "my long work", "programs": [');
  });

  it("should not delete an unreadable save to make room for autosave", () => {
    const text = JSON.stringify(runAMatch());
    const small = memoryStorage(text.length + 5);
    small.items.set(CORRUPT_KEY, "{unreadable");
    expect(saveDraft(small, runAMatch()).ok).toBe(false);
    expect(small.getItem(CORRUPT_KEY)).toBe("{unreadable");
  });

  it("DraftStore.set reports a full storage as a notice, and keeps the draft in memory", () => {
    const store = new DraftStore(memoryStorage(100));
    const saved = store.set({ ...runAMatch(), name: "too big to save" });
    expect(saved.ok).toBe(false);
    expect(store.notice).toMatch(/^browser storage is full \(QuotaExceededError\), so this edit is not saved: export the scenario to keep it$/);
    expect(store.draft.name).toBe("too big to save");
  });
});

describe("Content-Security-Policy", () => {
  it("should allow no remote origin in any page", () => {
    for (const page of ["index.html", "gallery.html"]) {
      const html = readFileSync(new URL(`../${page}`, import.meta.url), "utf8");
      const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
      expect(policy, page).toBeDefined();
      const directives = new Map(policy!.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0] !== "").map(([name, ...sources]) => [name!, sources]));
      expect(directives.get("default-src"), page).toEqual(["'self'"]);
      expect(directives.get("connect-src"), page).toEqual(["'self'"]);
      for (const [name, sources] of directives) for (const source of sources) expect(["'self'", "'none'", "'unsafe-inline'", "data:", "blob:"], `${page} ${name}`).toContain(source);
    }
  });
});
