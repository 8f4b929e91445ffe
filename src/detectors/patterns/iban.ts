/** IBANs, contiguous or in groups of four ("GB82 WEST 1234 5698 7654 32"), confirmed by mod-97. */
import { ibanValid } from '../../validators/iban.js';
import { stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const IBAN_PATTERNS = {
  iban: {
    name: 'iban',
    family: 'iban',
    type: 'IBAN',
    regex: sticky('[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?![A-Za-z0-9])'),
    score: 1,
    cuedScore: 1,
    context: ['iban'],
    requiresContext: false,
    validator: 'ibanValid',
    description: 'country code, check digits, BBAN; mod-97 must equal 1 (a failing one is dropped)',
  },
} as const satisfies Record<string, PatternSpec>;

export function ibanAt(s: Scan, start: number): number {
  const e = stickyEnd(IBAN_PATTERNS.iban.regex, s.text, start);
  if (e < 0) return -1;
  // The optional tail may have swallowed a following word; back off group by group until valid.
  let end = e;
  for (let tries = 0; tries < 3 && end > start + 14; tries++) {
    if (ibanValid(s.text.slice(start, end))) {
      s.emit('IBAN', start, end, 1, 'patterns/iban');
      return end;
    }
    const sp = s.text.lastIndexOf(' ', end - 1);
    if (sp <= start) break;
    end = sp;
  }
  return -1;
}
