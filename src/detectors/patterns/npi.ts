/**
 * National Provider Identifiers: 10 digits with the NPI check digit (Luhn over 80840 + the
 * number). With an "NPI" cue the score is 1; a bare passing number scores 0.6 (it may also be a
 * phone number: the `phone` detector reports those and the pipeline resolves the overlap).
 * A failing check digit is rejected even after a cue.
 */
import { npiValid } from '../../validators/npi.js';
import { CUE, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const NPI_PATTERNS = {
  npi: {
    name: 'npi',
    family: 'npi',
    type: 'NPI',
    regex: sticky('[12]\\d{9}(?!\\d|-\\d)'),
    score: 0.6,
    cuedScore: 1,
    context: ['npi'],
    requiresContext: false,
    validator: 'npiValid',
    description: '10 digits starting with 1 or 2 that pass the NPI check digit',
  },
} as const satisfies Record<string, PatternSpec>;

export function npiAt(s: Scan, start: number, end: number, cued: boolean): number {
  if (end - start !== 10) return -1;
  const e = stickyEnd(NPI_PATTERNS.npi.regex, s.text, start);
  if (e < 0 || !npiValid(s.text.slice(start, e))) return -1;
  s.emit('NPI', start, e, cued || s.cued(CUE.npi, start) ? 1 : 0.6, 'patterns/npi');
  return e;
}
