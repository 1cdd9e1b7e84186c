/**
 * A progress line on stderr: overwritten in place on a terminal, one line per update otherwise (CI logs), and
 * never on stdout, which carries the child processes' JSON.
 */
export function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${text}`);
  else process.stderr.write(`${text}\n`);
}

export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[2K");
}
