import { readInputFromDisk } from "../../packages/core/src/cli/io.ts";
import { runCli } from "../../packages/core/src/cli/program.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output; `stdin` stands in for standard input when a file is "-". */
export function cli(argv: string[], stdin = ""): CliRun {
  let stdout = "";
  let stderr = "";
  const code = runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readInput: (path, maxBytes) => (path === "-" ? stdin : readInputFromDisk(path, maxBytes)),
  });
  return { code, stdout, stderr };
}

export const scenarioPath = (name: string): string => new URL(`../../scenarios/${name}`, import.meta.url).pathname;
