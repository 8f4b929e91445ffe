/** Other identifiers after a reference cue ("ref #", "confirmation", "claim", "accession"). */
import { ID_TOKEN_SOURCE, idEnd, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const OTHER_ID_PATTERNS = {
  uuid: {
    name: 'uuid',
    family: 'other-id',
    type: 'OTHER_ID',
    regex: sticky('[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z-])'),
    score: 0.8,
    cuedScore: 0.8,
    context: ['other'],
    requiresContext: false,
    description: 'UUID (8-4-4-4-12 hex): a record or resource identifier',
  },
  cued: {
    name: 'other-id',
    family: 'other-id',
    type: 'OTHER_ID',
    regex: sticky(ID_TOKEN_SOURCE),
    score: 0.8,
    cuedScore: 0.8,
    context: ['other'],
    requiresContext: true,
    description: 'alphanumeric id with 2+ digits after a reference / confirmation / claim / accession cue',
  },
} as const satisfies Record<string, PatternSpec>;

/** A UUID anywhere: in clinical text and records it is a record identifier. */
export function uuidAt(s: Scan, start: number): number {
  const e = stickyEnd(OTHER_ID_PATTERNS.uuid.regex, s.text, start);
  if (e < 0) return -1;
  s.emit('OTHER_ID', start, e, 0.8, 'patterns/other-id');
  return e;
}

export function otherIdAt(s: Scan, start: number, minDigits = 2): number {
  const e = idEnd(s, start, OTHER_ID_PATTERNS.cued.regex, minDigits, 4);
  if (e < 0) return -1;
  // After a generic label, a range of small numbers ("84-102") is a measurement: an id has a
  // letter or a run of four or more digits.
  if (minDigits >= 5 && !/[A-Za-z]|\d{4}/.test(s.text.slice(start, e))) return -1;
  s.emit('OTHER_ID', start, e, 0.8, 'patterns/other-id');
  return e;
}
