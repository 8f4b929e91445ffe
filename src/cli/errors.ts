import { PhiGuardError, isPhiGuardError } from '../errors.js';

/**
 * Exit codes of the `phi-guard` command, exported as data for scripts and docs:
 * 0 success; 1 runtime failure (a detector failed or is unavailable, a deadline passed, an
 * unexpected error); 2 usage (bad flag or argument, unknown detector, type or operator, invalid
 * option value); 3 input (unreadable file, invalid JSON line, wrong field type, input too large).
 */
export const EXIT_CODES = Object.freeze({ ok: 0, runtime: 1, usage: 2, input: 3 });

/** A command-line usage mistake: a flag, argument or option value. Exit code 2. */
export class UsageError extends PhiGuardError {
  constructor(message: string) {
    super('E_USAGE', message);
  }
  override get name(): string {
    return 'UsageError';
  }
}

/** Exit code for an error thrown while running a command. */
export function exitCodeFor(err: unknown): number {
  if (!isPhiGuardError(err)) return EXIT_CODES.runtime;
  const code = String(err.code);
  if (code === 'E_USAGE' || code === 'E_CONFIG') return EXIT_CODES.usage;
  if (code.startsWith('E_INPUT')) return EXIT_CODES.input;
  return EXIT_CODES.runtime;
}

/**
 * The one line printed for an error: `phi-guard: CODE: message`. Code and message only: our
 * messages never hold input text, and a foreign error's message (which may quote input) is
 * never printed, only its constructor name.
 */
export function formatError(err: unknown): string {
  if (isPhiGuardError(err)) return `phi-guard: ${err.code}: ${err.message}\n`;
  const name = err instanceof Error ? err.constructor.name : typeof err;
  return `phi-guard: E_INTERNAL: unexpected ${name} (message withheld: may contain input text)\n`;
}
