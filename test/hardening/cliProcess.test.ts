import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "../support/cli.ts";

const root = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "matchlab-process-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI entry through a shell, so pipes and closed descriptors are the operating system's. */
function shell(command: string): { status: number | null; stdout: string; stderr: string } {
  const matchlab = `${join(root, "node_modules/.bin/tsx")} --conditions=@matchlab/source ${join(root, "packages/core/src/cli/main.ts")}`;
  const run = spawnSync("bash", ["-c", command.replaceAll("MATCHLAB", matchlab)], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("matchlab as a process", () => {
  it("should exit quietly when its output pipe closes early (EPIPE), with no stack trace", () => {
    // 5,000 programs make a table of about 150 kB, more than a pipe holds; `head -n 1` closes it after one line.
    const path = join(dir, "long.json");
    expect(cli(["generate", "--preset", "uniform", "--applicants", "5000", "--seed", "pipe", "--out", path]).code).toBe(0);
    const run = shell(`MATCHLAB match ${path} | head -n 1; echo "exit=\${PIPESTATUS[0]}"`);
    expect(run.stdout).toBe("uniform: applicant-proposing deferred acceptance\nexit=0\n");
    expect(run.stderr).toBe("");
  });

  it("should treat a closed stdin as empty input, with exit code 2", () => {
    const run = shell("MATCHLAB match - <&-; echo \"exit=$?\"");
    expect(run.stderr).toBe("matchlab: stdin: (file): the file is empty; expected a JSON scenario\nmatchlab: stdin: 1 problem found\n");
    expect(run.stdout).toBe("exit=2\n");
  });

  it("should refuse stdin over --max-bytes without reading it all", () => {
    const run = shell("head -c 5000000 /dev/zero | MATCHLAB match - --max-bytes 1000000; echo \"exit=$?\"");
    expect(run.stderr).toBe("matchlab: stdin: more than 1,000,000 bytes, over the limit; raise it with --max-bytes\n");
    expect(run.stdout).toBe("exit=2\n");
  });
});
