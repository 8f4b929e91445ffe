import type { Command } from 'commander';
import { createRedactor } from '../pipeline/redactor.js';
import { writeOut } from './output.js';
import { openInput, readAll } from './input.js';
import { operatorFrom, redactorOptionsFrom, type CommonFlags, type OperatorFlags } from './options.js';

/** Largest input `redact` accepts, in UTF-16 code units (the library's default cap). */
export const REDACT_MAX_INPUT = 10_000_000;

interface RedactFlags extends CommonFlags, OperatorFlags {
  format: 'text' | 'json';
}

/** `phi-guard redact [FILE|-]`: print the redacted text, or `{text, entities}` as JSON. */
export function registerRedactCommand(program: Command): void {
  program
    .command('redact')
    .description('redact PHI in a file or stdin and print the result')
    .argument('[file]', 'input file; "-" or nothing reads stdin')
    .action(async function redactAction(file: string | undefined, flags: RedactFlags) {
      const options = redactorOptionsFrom(flags);
      const operator = operatorFrom(flags);
      const redactor = await createRedactor({ ...options, ...(operator === undefined ? {} : { operator }), maxInputLength: REDACT_MAX_INPUT });
      const text = await readAll(await openInput(file), REDACT_MAX_INPUT);
      const result = await redactor.redact(text);
      await writeOut(flags.format === 'json' ? `${JSON.stringify({ text: result.text, entities: result.entities })}\n` : result.text);
    });
}
