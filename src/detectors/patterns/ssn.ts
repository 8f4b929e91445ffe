/**
 * US Social Security numbers: 123-45-6789 and 123 45 6789 by shape, nine bare digits only after
 * an SSN cue, and the visible digits of a masked or partial one after a cue ("xxx-xx-6789",
 * "last four 6789"). The structure hook rejects area 000, 666 and 900-999, group 00 and serial
 * 0000.
 */
import { ssnValid } from '../../validators/ssn.js';
import { CUE, isDigit, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

function spec(name: string, regex: RegExp, score: number, requiresContext: boolean, description: string): PatternSpec {
  return { name, family: 'ssn', type: 'SSN', regex, score, cuedScore: 1, context: ['ssn'], requiresContext, validator: 'ssnValid', description };
}

export const SSN_PATTERNS = {
  delimited: spec('ssn-delimited', sticky('\\d{3}[- .]\\d{2}[- .]\\d{4}(?!\\d|[-.]\\d)'), 0.85, false, '123-45-6789 or 123 45 6789'),
  bare: spec('ssn-bare', sticky('\\d{9}(?!\\d)'), 0.9, true, 'nine digits after an SSN cue'),
  masked: spec('ssn-masked', sticky('[xX]{3}-[xX]{2}-\\d{4}(?![\\d-])'), 0.95, true, 'xxx-xx-6789 after an SSN cue'),
} as const;

const SRC = 'patterns/ssn';

/**
 * Words before four digits that make them the visible part of an SSN ("last four", "xxx-xx-"),
 * searched in the 24 characters before the digits (exported for the ReDoS test).
 */
export const SSN_LAST_FOUR_CONTEXT = /(?:last[ \t]{0,2}(?:4|four)|ending[ \t]{0,2}(?:in|with)?|x{3}[- ]?x{2}[- ]?|\*{3}[- ]?\*{2}[- ]?)/i;

export function ssnAt(s: Scan, start: number, end: number, cued: boolean): number {
  const len = end - start;
  const t = s.text;
  // After an SSN cue, a masked number still shows identifying digits: "SSN xxx-xx-6789".
  if (len === 3 && cued && (s.codeAt(start) | 32) === 120) {
    const m = stickyEnd(SSN_PATTERNS.masked.regex, t, start);
    if (m > 0) {
      s.emit('SSN', start, m, 0.95, SRC);
      return m;
    }
  }
  if (len === 3) {
    const nx = s.at(end);
    if (nx !== 45 && nx !== 32 && nx !== 46) return -1;
    // The delimited regex's next three characters, from the code units ("120 mg" stops here).
    const c = s.codes;
    const sep = c[end + 3] as number;
    if (!isDigit(c[end + 1] as number) || !isDigit(c[end + 2] as number) || (sep !== 45 && sep !== 32 && sep !== 46)) return -1;
    const e = stickyEnd(SSN_PATTERNS.delimited.regex, t, start);
    if (e < 0 || t.charCodeAt(start + 3) !== t.charCodeAt(start + 6)) return -1;
    if (!ssnValid(t.slice(start, e))) return -1;
    s.emit('SSN', start, e, cued || s.cued(CUE.ssn, start) ? 1 : 0.85, SRC);
    return e;
  }
  // The last four digits after an SSN cue ("SSN last four 6789", "SSN xxx-xx-6789", "last 4 of
  // SSN: 6789"): part of the number, and identifying with a name or date of birth.
  if (len === 4 && cued && !isDigit(s.at(end)) && SSN_LAST_FOUR_CONTEXT.test(t.slice(Math.max(0, start - 24), start))) {
    s.emit('SSN', start, end, 0.95, SRC);
    return end;
  }
  if (len === 9 && cued) {
    const e = stickyEnd(SSN_PATTERNS.bare.regex, t, start);
    if (e < 0 || !ssnValid(t.slice(start, e))) return -1;
    s.emit('SSN', start, e, 1, SRC);
    return e;
  }
  return -1;
}
