import { InputError, openFileFromDisk, readBytesFromDisk, readInputFromDisk, type CliIo } from "../../packages/core/src/cli/io.ts";
import { runCli } from "../../packages/core/src/cli/program.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with captured output; `stdin` stands in for standard input when a file is "-". Files are
 * read as the real CLI reads them (streamed or as bytes first, so `match` tries its byte scanner before the general parser).
 */
export function cli(argv: string[], stdin = ""): CliRun {
  let stdout = "";
  let stderr = "";
  const code = runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readInput: (path, maxBytes) => (path === "-" ? stdin : readInputFromDisk(path, maxBytes)),
    readBytes: (path, maxBytes) => (path === "-" ? new TextEncoder().encode(stdin) : readBytesFromDisk(path, maxBytes)),
    openFile: openFileFromDisk,
  });
  return { code, stdout, stderr };
}

export const scenarioPath = (name: string): string => new URL(`../../scenarios/${name}`, import.meta.url).pathname;

/** Runs the CLI in-process with in-memory files (`files[path]`), "-" reading `stdin`. */
export function runCliWith(argv: string[], files: Record<string, string>, stdin = ""): CliRun {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readInput: (path) => {
      if (path === "-") return stdin;
      const text = files[path];
      if (text === undefined) throw new InputError(`${path}: no such file`);
      return text;
    },
  };
  const code = runCli(argv, io);
  return { code, stdout, stderr };
}
