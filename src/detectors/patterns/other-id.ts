/** Other identifiers after a reference cue ("ref #", "confirmation", "claim", "accession"). */
import { ID_TOKEN_SOURCE, idEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const OTHER_ID_PATTERNS = {
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

export function otherIdAt(s: Scan, start: number): number {
  const e = idEnd(s, start, OTHER_ID_PATTERNS.cued.regex, 2, 4);
  if (e < 0) return -1;
  s.emit('OTHER_ID', start, e, 0.8, 'patterns/other-id');
  return e;
}
