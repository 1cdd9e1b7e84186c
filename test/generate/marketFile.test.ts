import { ScenarioError, decodeMarketFile, encodeMarketFile, generateMarket, isMarketFile, type GeneratedMarket } from "@matchlab/core";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";

const market = generateMarket({ applicants: 200 }, seedrandom("file"));
const research = generateMarket({ preset: "uniform", applicants: 30, listLength: 4 }, seedrandom("file"));

/** Plain arrays for comparing markets field by field (typed array classes may narrow on the way back). */
const plain = (m: GeneratedMarket) => JSON.parse(JSON.stringify(m, (_k, v: unknown) => (ArrayBuffer.isView(v) ? [...(v as Uint8Array)] : v))) as unknown;

/** The issues a decode reports, as "path: message". */
const issuesOf = (bytes: Uint8Array): string[] => {
  try {
    decodeMarketFile(bytes);
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.issues.map((i) => `${i.path}: ${i.message}`);
  }
};

/** Re-encodes with one array replaced, to build a damaged file that still has a valid header. */
const withArray = (m: GeneratedMarket, patch: Partial<GeneratedMarket>): Uint8Array => encodeMarketFile({ ...m, ...patch });

describe("encodeMarketFile / decodeMarketFile", () => {
  it("should round-trip a generated NRMP market with every attribute column", () => {
    const bytes = encodeMarketFile(market);
    expect(isMarketFile(bytes)).toBe(true);
    expect(plain(decodeMarketFile(bytes))).toEqual(plain(market));
  });

  it("should round-trip a research market, which has no attribute columns", () => {
    const back = decodeMarketFile(encodeMarketFile(research));
    expect(back.applicants).toBeUndefined();
    expect(plain(back)).toEqual(plain(research));
  });

  it("should read bytes that are not 8-byte aligned", () => {
    const bytes = encodeMarketFile(research);
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect(plain(decodeMarketFile(shifted))).toEqual(plain(research));
  });

  it("should refuse a file without the magic", () => {
    expect(issuesOf(new TextEncoder().encode('{"programs":[]}'))).toEqual(['(file): not a matchlab market file (expected the magic "MLM1")']);
  });

  it("should refuse a section type that is not a typed array, even one named like an Object.prototype key", () => {
    const header = JSON.stringify({ version: 1, nA: 0, nP: 0, programIds: [], sections: [{ name: "appStart", type: "constructor", length: 1 }] });
    const bytes = new Uint8Array(8 + header.length);
    bytes.set(new TextEncoder().encode("MLM1"), 0);
    new DataView(bytes.buffer).setUint32(4, header.length, true);
    bytes.set(new TextEncoder().encode(header), 8);
    expect(issuesOf(bytes)).toEqual(["header.sections[0]: expected { name, type: u8|u16|u32|i32, length }"]);
  });

  it("should refuse a truncated file, naming the section", () => {
    const bytes = encodeMarketFile(research);
    expect(issuesOf(bytes.subarray(0, bytes.length - 100))).toEqual(["sections.progRol: the file is truncated (section runs past the end)"]);
  });

  it("should refuse a list naming an index out of range", () => {
    const appRol = research.appRol.slice();
    appRol[5] = research.nP;
    expect(issuesOf(withArray(research, { appRol }))).toEqual([`sections.appRol: list 1 names index ${research.nP}, but there are only ${research.nP}`]);
  });

  it("should refuse a list naming the same index twice", () => {
    const appRol = research.appRol.slice();
    appRol[1] = appRol[0]!;
    expect(issuesOf(withArray(research, { appRol }))).toEqual([`sections.appRol: list 0 names index ${appRol[0]} twice`]);
  });

  it("should refuse a duplicate in a list too long for the small table (the stamp-array path)", () => {
    const long = generateMarket({ preset: "uniform", applicants: 3, programs: 400, listLength: 300 }, seedrandom("long"));
    const appRol = long.appRol.slice();
    appRol[300 + 299] = appRol[300]!; // applicant 1 ranks her first program again last
    expect(issuesOf(withArray(long, { appRol }))).toEqual([`sections.appRol: list 1 names index ${appRol[300]} twice`]);
    expect(plain(decodeMarketFile(encodeMarketFile(long)))).toEqual(plain(long));
  });

  it("should refuse an attribute code out of range", () => {
    const type = market.applicants!.type.slice();
    type[3] = 9;
    expect(issuesOf(withArray(market, { applicants: { ...market.applicants!, type } }))).toEqual(["sections.applicants.type: entry 3 is 9, expected at most 4"]);
  });

  it("should round-trip supplemental lists and reversion links (version 2 sections)", () => {
    const full = generateMarket({ applicants: 600, supplementalShare: 0.1, reversionShare: 0.1 }, seedrandom("v2"));
    expect(full.supplemental!.owner.length).toBeGreaterThan(0);
    expect(plain(decodeMarketFile(encodeMarketFile(full)))).toEqual(plain(full));
  });

  it("should still read a version 1 file and refuse a newer version with a clear message", () => {
    // A market without the version 2 sections is exactly a version 1 file once its header says so ("1" and "2"
    // have the same length, so the sections stay where they are).
    const setVersion = (bytes: Uint8Array, version: string): Uint8Array => {
      const text = new TextDecoder().decode(bytes.subarray(8, 200));
      const at = 8 + text.indexOf('"version":2') + '"version":'.length;
      const copy = bytes.slice();
      copy[at] = version.charCodeAt(0);
      return copy;
    };
    expect(plain(decodeMarketFile(setVersion(encodeMarketFile(market), "1")))).toEqual(plain(market));
    expect(issuesOf(setVersion(encodeMarketFile(market), "4"))).toEqual([
      "header.version: this matchlab reads market file versions 1, 2 and 3, got 4 (written by a newer matchlab? regenerate the market or upgrade)",
    ]);
  });

  it("should refuse a supplemental list linked to a program not on the applicant's list, and a reversion chain", () => {
    const full = generateMarket({ applicants: 600, supplementalShare: 0.1, reversionShare: 0.1 }, seedrandom("v2"));
    const s = full.supplemental!;
    const a = s.owner[0]!;
    const own = new Set(full.appRol.subarray(full.appStart[a]!, full.appStart[a + 1]!));
    const stranger = [...full.programs!.track.keys()].find((p) => full.programs!.track[p] === 2 && !own.has(p))!;
    const linkProg = s.linkProg.slice();
    linkProg[s.linkStart[0]!] = stranger;
    expect(issuesOf(withArray(full, { supplemental: { ...s, linkProg } }))).toEqual([
      `sections.supplemental.linkProg: list 0 links program ${stranger}, which is not on applicant ${a}'s list`,
    ]);
    const revertsTo = full.revertsTo!.slice();
    const donor = revertsTo.findIndex((q) => q >= 0);
    const other = revertsTo.findIndex((q, p) => q === -1 && p !== revertsTo[donor] && p !== donor);
    revertsTo[revertsTo[donor]!] = other;
    expect(issuesOf(withArray(full, { revertsTo }))[0]).toMatch(/^sections\.programs\.revertsTo: program \d+ reverts to \d+, which reverts further/);
  });
});
