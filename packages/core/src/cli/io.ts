import { closeSync, openSync, readFileSync, statSync, writeSync } from "node:fs";

/** Where the CLI reads and writes, injected so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a whole input: a path, or "-" for standard input. Throws `InputError` with a clear message. */
  readInput: (path: string, maxBytes: number) => string;
  /** Reads a whole file as bytes (binary market files); defaults to the disk. */
  readBytes?: (path: string, maxBytes: number) => Uint8Array;
  /** Writes a file from chunks, in order; defaults to the disk. Throws `InputError` with a clear message. */
  writeFile?: (path: string, chunks: Iterable<string | Uint8Array>) => void;
}

/** Input the CLI cannot use; reported on stderr with exit code 2, never with a stack trace. */
export class InputError extends Error {
  override name = "InputError";
}

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

const tooLarge = (what: string, size: number, maxBytes: number): InputError =>
  new InputError(`${what}: the file is ${size.toLocaleString("en-US")} bytes, over the limit of ${maxBytes.toLocaleString("en-US")}; raise it with --max-bytes`);

/** Reads a file or stdin as UTF-8, turning every file-system failure into a plain message. */
export function readInputFromDisk(path: string, maxBytes: number): string {
  return readBytesFromDisk(path, maxBytes).toString("utf8");
}

/** Reads a file or stdin as bytes, turning every file-system failure into a plain message. */
export function readBytesFromDisk(path: string, maxBytes: number): Buffer {
  if (path === "-") {
    let data: Buffer;
    try {
      data = readFileSync(0);
    } catch (error) {
      throw new InputError(`stdin: could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    if (data.length > maxBytes) throw tooLarge("stdin", data.length, maxBytes);
    return data;
  }
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${path}: is a directory, not a scenario file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${path}: no such file`);
    if (code === "EACCES") throw new InputError(`${path}: permission denied`);
    throw new InputError(`${path}: could not be read (${code ?? (error as Error).message})`);
  }
  if (size > maxBytes) throw tooLarge(path, size, maxBytes);
  return readFileSync(path);
}

/** Writes chunks to a file (streamed, so a large JSON market never becomes one string). */
export function writeFileToDisk(path: string, chunks: Iterable<string | Uint8Array>): void {
  let fd: number;
  try {
    fd = openSync(path, "w");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${path}: no such directory`);
    if (code === "EACCES") throw new InputError(`${path}: permission denied`);
    if (code === "EISDIR") throw new InputError(`${path}: is a directory`);
    throw new InputError(`${path}: could not be written (${code ?? (error as Error).message})`);
  }
  try {
    for (const chunk of chunks) {
      const data = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      // writeSync may write less than asked; loop until the whole chunk is out.
      for (let done = 0; done < data.length; ) done += writeSync(fd, data, done);
    }
  } finally {
    closeSync(fd);
  }
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readInput: readInputFromDisk,
  readBytes: readBytesFromDisk,
  writeFile: writeFileToDisk,
};
