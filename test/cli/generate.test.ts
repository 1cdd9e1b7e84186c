import { parseScenarioText } from "@matchlab/core";
import { describe, expect, it } from "vitest";
import { runCli } from "../../packages/core/src/cli/program.ts";
import { InputError, type CliIo } from "../../packages/core/src/cli/io.ts";

/** An in-memory CLI: files live in a map, output is collected. */
function memoryIo(files: Map<string, Uint8Array> = new Map()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readInput: (path) => {
      const bytes = files.get(path);
      if (bytes === undefined) throw new InputError(`${path}: no such file`);
      return new TextDecoder().decode(bytes);
    },
    readBytes: (path) => {
      const bytes = files.get(path);
      if (bytes === undefined) throw new InputError(`${path}: no such file`);
      return bytes;
    },
    writeFile: (path, chunks) => {
      const parts = [...chunks].map((c) => (typeof c === "string" ? new TextEncoder().encode(c) : c));
      const all = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
      parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
      files.set(path, all);
    },
  };
  return { io, files, stdout: () => out.join(""), stderr: () => err.join("") };
}

describe("matchlab generate", () => {
  it("should print a valid scenario as JSON when no --out is given", () => {
    const { io, stdout } = memoryIo();
    expect(runCli(["generate", "--preset", "uniform", "--applicants", "6", "--list-length", "3", "--seed", "7"], io)).toBe(0);
    const parsed = parseScenarioText(stdout());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.scenario.applicants.map((a) => a.rol.length)).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it("should write the same market to JSON and to .mlm, and match should read both alike", () => {
    const { io, files } = memoryIo();
    expect(runCli(["generate", "--applicants", "300", "--seed", "7", "--out", "m.json"], io)).toBe(0);
    expect(runCli(["generate", "--applicants", "300", "--seed", "7", "--out", "m.mlm"], io)).toBe(0);
    expect(new TextDecoder().decode(files.get("m.mlm")!.subarray(0, 4))).toBe("MLM1");
    const results = ["m.json", "m.mlm"].map((file) => {
      const run = memoryIo(files);
      expect(runCli(["match", file, "--json"], run.io)).toBe(0);
      const { assignments, stable } = JSON.parse(run.stdout()) as { assignments: Record<string, string | null>; stable: boolean };
      return { assignments, stable };
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.stable).toBe(true);
  });

  it("should print a summary with --out, and JSON with --out --json", () => {
    const { io, stdout } = memoryIo();
    expect(runCli(["generate", "--applicants", "100", "--seed", "1", "--out", "x.mlm", "--json"], io)).toBe(0);
    const summary = JSON.parse(stdout()) as { applicants: number; positions: number; file: string };
    // By default a simple market, PGY-1 only: 100 / 47,208 of 40,041 positions = 84.8 → 85.
    expect(summary).toMatchObject({ applicants: 100, positions: 85, file: "x.mlm" });
    const full = memoryIo();
    expect(runCli(["generate", "--applicants", "100", "--full-rules", "--out", "y.mlm", "--json"], full.io)).toBe(0);
    // --full-rules brings the PGY-2 positions in (supplemental share 0.1): 100 / 47,208 of 43,237 = 91.6 → 92.
    expect(JSON.parse(full.stdout())).toMatchObject({ positions: 92 });
  });

  it("--full-rules sets realistic shares of couples, supplemental lists and reversions; each flag overrides its part", () => {
    const shares = (...flags: string[]) => {
      const { io, files } = memoryIo();
      expect(runCli(["generate", "--applicants", "1000", "--seed", "2", ...flags, "--out", "m.json"], io)).toBe(0);
      const parsed = parseScenarioText(new TextDecoder().decode(files.get("m.json")!));
      if (!parsed.ok) throw new Error("generated scenario is invalid");
      const { applicants, programs, couples = [] } = parsed.scenario;
      const people = applicants.length + 2 * couples.length;
      return { couples: (2 * couples.length) / people, supplemental: applicants.filter((a) => a.supplemental !== undefined).length, reverting: programs.filter((p) => p.revertsTo !== undefined).length };
    };
    expect(shares()).toEqual({ couples: 0, supplemental: 0, reverting: 0 });
    const full = shares("--full-rules");
    expect(full.couples).toBeCloseTo(0.05, 2);
    expect(full.supplemental).toBeGreaterThan(50);
    expect(full.reverting).toBeGreaterThan(0);
    expect(shares("--full-rules", "--couples-share", "0")).toMatchObject({ couples: 0, supplemental: full.supplemental });
  });

  it("should refuse the variations a research preset has no model of, with exit code 2 and no stack trace", () => {
    const { io, stderr } = memoryIo();
    expect(runCli(["generate", "--preset", "correlated", "--supplemental-share", "0.05"], io)).toBe(2);
    expect(stderr()).toBe("matchlab: generateMarket: supplementalShare needs an NRMP preset or uniform (the correlated preset has no advanced and preliminary programs)\n");
    const reversions = memoryIo();
    expect(runCli(["generate", "--preset", "uniform", "--reversion-share", "0.05"], reversions.io)).toBe(2);
    expect(reversions.stderr()).toBe("matchlab: generateMarket: reversionShare needs an NRMP preset (reversions stay within a specialty and region)\n");
    const full = memoryIo();
    expect(runCli(["generate", "--preset", "correlated", "--full-rules"], full.io)).toBe(2);
    expect(full.stderr()).toBe("matchlab: --full-rules needs an NRMP preset or uniform: the correlated preset has no couples, supplemental lists or reversions\n");
  });

  it("should write a uniform market with couples and supplemental lists that matches with the full NRMP rules, from .mlm and from JSON alike", () => {
    const { io, files } = memoryIo();
    const flags = ["--preset", "uniform", "--applicants", "600", "--seed", "3", "--couples-share", "0.05", "--supplemental-share", "0.1"];
    expect(runCli(["generate", ...flags, "--out", "u.mlm"], io)).toBe(0);
    expect(runCli(["generate", ...flags, "--out", "u.json"], io)).toBe(0);
    const parsed = parseScenarioText(new TextDecoder().decode(files.get("u.json")!));
    expect(parsed.ok && parsed.scenario.couples?.length).toBe(15);
    expect(parsed.ok && parsed.scenario.applicants.filter((a) => a.supplemental !== undefined).length).toBe(60);
    const outputs = ["u.mlm", "u.json"].map((file) => {
      const run = memoryIo(files);
      expect(runCli(["match", file, "--json"], run.io)).toBe(0);
      const out = JSON.parse(run.stdout());
      expect(out.algorithm).toBe("roth-peranson");
      expect(out.stable).toBe(true);
      return { assignments: out.assignments, couples: out.couples, supplemental: out.supplemental };
    });
    expect(outputs[0]).toEqual(outputs[1]);
  });

  it("--full-rules should give the uniform preset couples and supplemental lists but no reversions", () => {
    const flags = ["generate", "--preset", "uniform", "--applicants", "400", "--seed", "4"];
    const full = memoryIo();
    expect(runCli([...flags, "--full-rules"], full.io)).toBe(0);
    const same = memoryIo();
    expect(runCli([...flags, "--couples-share", "0.05", "--supplemental-share", "0.1"], same.io)).toBe(0);
    expect(full.stdout()).toBe(same.stdout());
    const parsed = parseScenarioText(full.stdout());
    expect(parsed.ok && parsed.scenario.couples?.length).toBe(10);
    expect(parsed.ok && parsed.scenario.programs.some((p) => p.revertsTo !== undefined)).toBe(false);
  });

  it("should write supplemental lists and reversions that match runs with the full NRMP rules, from .mlm and from JSON alike", () => {
    const { io, files } = memoryIo();
    const flags = ["--applicants", "800", "--seed", "5", "--supplemental-share", "0.15", "--reversion-share", "0.1"];
    expect(runCli(["generate", ...flags, "--out", "s.mlm"], io)).toBe(0);
    expect(runCli(["generate", ...flags, "--out", "s.json"], io)).toBe(0);
    const parsed = parseScenarioText(new TextDecoder().decode(files.get("s.json")!));
    expect(parsed.ok && parsed.scenario.applicants.filter((a) => a.supplemental !== undefined).length).toBeGreaterThan(80);
    expect(parsed.ok && parsed.scenario.programs.filter((p) => p.revertsTo !== undefined).length).toBeGreaterThan(0);
    const outputs = ["s.mlm", "s.json"].map((file) => {
      const run = memoryIo(files);
      expect(runCli(["match", file, "--json"], run.io)).toBe(0);
      const out = JSON.parse(run.stdout());
      expect(out.algorithm).toBe("roth-peranson");
      expect(out.stable).toBe(true);
      return { assignments: out.assignments, supplemental: out.supplemental, programs: out.programs, reversions: out.reversions };
    });
    expect(Object.keys(outputs[0]!.supplemental).length).toBeGreaterThan(0);
    expect(outputs[0]).toEqual(outputs[1]);
  });

  it("should write couples that match then runs with the full NRMP rules, from .mlm and from JSON alike", () => {
    const { io, files } = memoryIo();
    expect(runCli(["generate", "--applicants", "200", "--couples-share", "0.1", "--out", "c.mlm"], io)).toBe(0);
    expect(runCli(["generate", "--applicants", "200", "--couples-share", "0.1", "--out", "c.json"], io)).toBe(0);
    const parsed = parseScenarioText(new TextDecoder().decode(files.get("c.json")!));
    expect(parsed.ok && parsed.scenario.couples?.length).toBe(10);
    const outputs = ["c.mlm", "c.json"].map((file) => {
      const run = memoryIo(files);
      expect(runCli(["match", file, "--json"], run.io)).toBe(0);
      const out = JSON.parse(run.stdout());
      expect(out.algorithm).toBe("roth-peranson");
      return { assignments: out.assignments, couples: out.couples };
    });
    expect(outputs[0]).toEqual(outputs[1]);
  });

  it("should refuse a malformed number and an unknown preset with exit code 2", () => {
    const bad = memoryIo();
    expect(runCli(["generate", "--applicants", "ten"], bad.io)).toBe(2);
    expect(bad.stderr()).toContain("expected a whole number ≥ 1");
    const unknown = memoryIo();
    expect(runCli(["generate", "--preset", "nrmp-1999"], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain("Allowed choices are nrmp-2025, nrmp-2024, uniform, correlated");
  });
});

describe("matchlab report", () => {
  it("should print the calibration table, human and --json", () => {
    const { io, files } = memoryIo();
    expect(runCli(["generate", "--applicants", "500", "--seed", "3", "--full-rules", "--out", "m.mlm"], io)).toBe(0);
    const human = memoryIo(files);
    expect(runCli(["report", "m.mlm"], human.io)).toBe(0);
    expect(human.stdout()).toContain("match rate by applicant type");
    expect(human.stdout()).toMatch(/ {2}us-md +\d+\.\d % +93\.5 % +[+-]?\d+\.\d/);
    const json = memoryIo(files);
    expect(runCli(["report", "m.mlm", "--json"], json.io)).toBe(0);
    const { rows } = JSON.parse(json.stdout()) as { rows: Array<{ label: string; published: number | null }> };
    expect(rows.find((r) => r.label === "Family Medicine")?.published).toBe(85);
    // A --full-rules market has supplemental lists, so the report ran the full rules and counts PGY-1 fill apart.
    expect(human.stdout()).toContain("Roth–Peranson (full NRMP rules)");
    expect(rows.find((r) => r.label === "Advanced (PGY-2)")?.published).toBe(96.9);
    expect(rows.map((r) => r.label)).toContain("all PGY-1 positions");
  });

  it("should name the file and the section of a damaged market file", () => {
    const files = new Map([["bad.mlm", new TextEncoder().encode("MLM1\u0002\u0000\u0000\u0000{}")]]);
    const { io, stderr } = memoryIo(files);
    expect(runCli(["report", "bad.mlm"], io)).toBe(2);
    expect(stderr()).toBe("matchlab: bad.mlm: header.version: this matchlab reads market file versions 1, 2 and 3, got undefined (written by a newer matchlab? regenerate the market or upgrade)\n");
  });

  it("should tell the user to use the .mlm extension for a binary file named otherwise", () => {
    const { io, files } = memoryIo();
    expect(runCli(["generate", "--applicants", "20", "--out", "m.mlm"], io)).toBe(0);
    files.set("m.json", files.get("m.mlm")!);
    const run = memoryIo(files);
    expect(runCli(["match", "m.json"], run.io)).toBe(2);
    expect(run.stderr()).toBe("matchlab: m.json: this is a binary matchlab market file; give it the .mlm extension\n");
  });
});
