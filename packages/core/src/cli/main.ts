#!/usr/bin/env node
// The CLI entry: the only file in core that touches the process. Everything else is browser-safe.
import { processIo } from "./io.ts";
import { runCliAsync } from "./program.ts";

// An output pipe closed early (`matchlab match big.json | head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await runCliAsync(process.argv.slice(2), processIo);
