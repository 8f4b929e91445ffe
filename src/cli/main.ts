#!/usr/bin/env node
/**
 * The `phi-guard` command. Subcommands live beside this file (redact.ts, detect.ts,
 * detectors.ts); program.ts wires them and maps errors to exit codes (see EXIT_CODES).
 */
import { run } from './program.js';

// A reader that goes away (`phi-guard detect --jsonl big.jsonl | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`phi-guard: E_OUTPUT: cannot write output (${String(err.code ?? 'EIO')})\n`);
  process.exit(1);
});

process.exitCode = await run(process.argv);
