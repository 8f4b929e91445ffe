/**
 * Medical record numbers. No MRN shape is distinctive enough to stand alone (a bare 8-digit
 * number is a count, a lab accession or a date), so an MRN is only reported after an MRN cue:
 * "MRN: 00482913", "MR# 4471-22", "Med Rec No. A1234567", "Medical record number 5512345".
 */
import { ID_TOKEN_SOURCE, idEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const MRN_PATTERNS = {
  mrn: {
    name: 'mrn',
    family: 'mrn',
    type: 'MRN',
    regex: sticky(ID_TOKEN_SOURCE),
    score: 0.95,
    cuedScore: 0.95,
    context: ['mrn'],
    requiresContext: true,
    description: 'alphanumeric id with 4+ digits right after an MRN cue',
  },
} as const satisfies Record<string, PatternSpec>;

export function mrnAt(s: Scan, start: number): number {
  const e = idEnd(s, start, MRN_PATTERNS.mrn.regex, 4, 4);
  if (e < 0) return -1;
  s.emit('MRN', start, e, 0.95, 'patterns/mrn');
  return e;
}
