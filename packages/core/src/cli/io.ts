import { isAscii } from "node:buffer";
import { closeSync, openSync, readFileSync, readSync, statSync, writeSync } from "node:fs";
import type { ByteSource } from "../index.ts";

/** Where the CLI reads and writes, injected so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a whole input: a path, or "-" for standard input. Throws `InputError` with a clear message. */
  readInput: (path: string, maxBytes: number) => string;
  /** Reads a whole file as bytes (binary market files); defaults to the disk. */
  readBytes?: (path: string, maxBytes: number) => Uint8Array;
  /** Opens a file (a path, not "-") to read piece by piece. Throws `InputError` with a clear message. */
  openFile?: (path: string, maxBytes: number) => OpenedFile;
  /** Writes a file from chunks, in order; defaults to the disk. Throws `InputError` with a clear message. */
  writeFile?: (path: string, chunks: Iterable<string | Uint8Array>) => void;
}

/** A file opened to be read piece by piece: its size when opened, where to read it, and how to close it. */
export interface OpenedFile {
  size: number;
  source: ByteSource;
  /** Its last `bytes` bytes (fewer for a shorter file), read apart from `source`'s sequence. */
  tail: (bytes: number) => Uint8Array;
  close: () => void;
}

/** Input the CLI cannot use; reported on stderr with exit code 2, never with a stack trace. */
export class InputError extends Error {
  override name = "InputError";
}

/**
 * Largest input file accepted by default (512 MiB: the full NRMP-scale JSON market is about 40 MB); every
 * command that reads a file takes `--max-bytes <n>` to raise it. Checked from the file's size before reading.
 */
export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

const tooLarge = (what: string, size: number, maxBytes: number): InputError =>
  new InputError(`${what}: the file is ${size.toLocaleString("en-US")} bytes, over the limit of ${maxBytes.toLocaleString("en-US")} bytes; raise it with --max-bytes ${size}`);

/**
 * Reads a file or stdin as UTF-8, turning every file-system failure into a plain message. Pure ASCII (generated
 * markets are) decodes as Latin-1, which gives the same string: Node 20's UTF-8 decoder spends 0.1–0.3 s on the
 * 17.6 MB NRMP-scale file, the ASCII check (SIMD) and a Latin-1 copy a few tens of milliseconds.
 */
export function readInputFromDisk(path: string, maxBytes: number): string {
  return decodeInput(readBytesFromDisk(path, maxBytes));
}

/** A file's bytes as text, as `readInputFromDisk` decodes them (UTF-8; pure ASCII through the faster Latin-1). */
export function decodeInput(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isAscii(buffer) ? buffer.toString("latin1") : buffer.toString("utf8");
}

/** Reads a file or stdin as bytes, turning every file-system failure into a plain message. */
export function readBytesFromDisk(path: string, maxBytes: number): Buffer {
  if (path === "-") return readStdin(maxBytes);
  checkedSize(path, maxBytes);
  return readFileSync(path);
}

/** Opens a file to read piece by piece (its size checked first), every file-system failure a plain message. */
export function openFileFromDisk(path: string, maxBytes: number): OpenedFile {
  const size = checkedSize(path, maxBytes);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw fileError(path, error);
  }
  const read = (into: Uint8Array, offset: number): number => {
    try {
      return readSync(fd, into, offset, into.length - offset, null);
    } catch (error) {
      throw fileError(path, error);
    }
  };
  const tail = (bytes: number): Uint8Array => {
    const into = new Uint8Array(Math.min(bytes, size));
    let filled = 0;
    try {
      while (filled < into.length) {
        const n = readSync(fd, into, filled, into.length - filled, size - into.length + filled);
        if (n === 0) break;
        filled += n;
      }
    } catch (error) {
      throw fileError(path, error);
    }
    return into.subarray(0, filled);
  };
  return { size, source: { read }, tail, close: () => closeSync(fd) };
}

/** A file-system failure on `path` as a plain message. */
function fileError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new InputError(`${path}: no such file`);
  if (code === "EACCES") return new InputError(`${path}: permission denied`);
  return new InputError(`${path}: could not be read (${code ?? (error as Error).message})`);
}

/** The size of the file at `path`, which must exist, not be a directory and not exceed `maxBytes`. */
function checkedSize(path: string, maxBytes: number): number {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${path}: is a directory, not a scenario file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fileError(path, error);
  }
  if (size > maxBytes) throw tooLarge(path, size, maxBytes);
  return size;
}

/**
 * Reads standard input in chunks and stops as soon as it passes `maxBytes`, so `cat huge | matchlab match -`
 * fails fast instead of holding the whole stream in memory. A closed stdin reads as empty.
 */
function readStdin(maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EOF" || code === "EBADF") break; // closed: nothing to read
      // A non-blocking stdin with no data yet: wait a little and try again.
      if (code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw new InputError(`stdin: could not be read (${code ?? (error as Error).message})`);
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new InputError(`stdin: more than ${maxBytes.toLocaleString("en-US")} bytes, over the limit; raise it with --max-bytes`);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
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
  openFile: openFileFromDisk,
  writeFile: writeFileToDisk,
};
