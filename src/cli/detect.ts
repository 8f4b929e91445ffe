import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { createRedactor } from '../pipeline/redactor.js';
import { openInput, readAll, readLines } from './input.js';
import { redactorOptionsFrom, type CommonFlags } from './options.js';
import { writeOut } from './output.js';
import { createProgress } from './progress.js';

/** Longest JSONL line accepted, in bytes; longer lines fail (memory stays bounded). */
export const MAX_JSONL_LINE_BYTES = 32 * 1024 * 1024;
/** Largest `text` in one record, in UTF-16 code units (the library's default cap). */
export const DETECT_MAX_INPUT = 10_000_000;

interface DetectFlags extends CommonFlags {
  jsonl?: boolean;
}

type Id = string | number | null;

/**
 * Parse one JSONL record. Errors name the line number and what is wrong, never the content:
 * JSON.parse's own message quotes the input, so it is replaced.
 */
function parseRecord(line: string, number: number): { id: Id; text: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InputError('E_INPUT_JSON', `Line ${number}: not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('E_INPUT_JSON', `Line ${number}: expected an object with "id" and "text"`);
  }
  const { id = null, text } = value as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') throw new InputError('E_INPUT_TYPE', `Line ${number}: "text" must be a string`);
  if (id !== null && typeof id !== 'string' && typeof id !== 'number') {
    throw new InputError('E_INPUT_TYPE', `Line ${number}: "id" must be a string, a number or absent`);
  }
  return { id: id as Id, text };
}

/**
 * `phi-guard detect [FILE|-]`: entities as JSON. With `--jsonl`, reads `{"id","text"}` lines
 * and writes `{"id","entities"}` lines in the same order, one record at a time: a line is read
 * only after the previous result is written (and stdout has drained), so memory stays flat.
 */
export function registerDetectCommand(program: Command): void {
  program
    .command('detect')
    .description('report entities (types and offsets, never the text) as JSON')
    .argument('[file]', 'input file; "-" or nothing reads stdin')
    .option('--jsonl', 'read {"id","text"} lines, write {"id","entities"} lines')
    .action(async function detectAction(file: string | undefined, flags: DetectFlags) {
      const redactor = await createRedactor({ ...redactorOptionsFrom(flags), maxInputLength: DETECT_MAX_INPUT });
      const source = await openInput(file);
      if (!flags.jsonl) {
        const entities = await redactor.detect(await readAll(source, DETECT_MAX_INPUT));
        await writeOut(`${JSON.stringify({ entities })}\n`);
        return;
      }
      const progress = createProgress(source.size);
      try {
        for await (const line of readLines(source.stream, MAX_JSONL_LINE_BYTES)) {
          if (line.text.trim() !== '') {
            const { id, text } = parseRecord(line.text, line.number);
            let entities;
            try {
              entities = await redactor.detect(text);
            } catch (err) {
              // Say which record failed; keep the original code and exit class.
              if (err instanceof Error && 'code' in err) err.message = `Line ${line.number}: ${err.message}`;
              throw err;
            }
            await writeOut(`${JSON.stringify({ id, entities })}\n`);
          }
          progress.update(line.bytesRead, line.number);
        }
      } finally {
        progress.stop();
      }
    });
}
