/** Email addresses, found at each '@': the local part is read backwards, the domain forwards. */
import { isAlnum, isLetter, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const EMAIL_PATTERNS = {
  email: {
    name: 'email',
    family: 'email',
    type: 'EMAIL',
    // The domain, from the '@'. The local part is read backwards by the scan (a regex that
    // searched for it would be quadratic over long runs of local-part characters).
    regex: sticky('@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,8}(?![A-Za-z0-9-])'),
    score: 1,
    cuedScore: 1,
    context: [],
    requiresContext: false,
    description: 'local@domain.tld (RFC 5321 shapes without quoted local parts); the regex is the @domain part, the TLD must be 2+ letters',
  },
} as const satisfies Record<string, PatternSpec>;

const LOCAL = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-') LOCAL[c.charCodeAt(0)] = 1;

/** At the '@' at `at`; returns the end of the address or -1. */
export function emailAt(s: Scan, at: number): number {
  let b = at;
  while (b > 0 && at - b < 64) {
    const c = s.text.charCodeAt(b - 1);
    if (c >= 128 || LOCAL[c] === 0) break;
    b--;
  }
  if (b === at) return -1;
  // A local part starts with an alphanumeric (skips leading dots and dashes of the context).
  while (b < at && !isAlnum(s.text.charCodeAt(b))) b++;
  if (b === at) return -1;
  const e = stickyEnd(EMAIL_PATTERNS.email.regex, s.text, at);
  if (e < 0) return -1;
  // Drop trailing dashes, then require an alphabetic TLD of 2+ letters.
  let end = e;
  while (end > at && !isAlnum(s.text.charCodeAt(end - 1))) end--;
  let p = end;
  while (p > at && isLetter(s.text.charCodeAt(p - 1))) p--;
  if (end - p < 2 || s.text.charCodeAt(p - 1) !== 46) return -1;
  s.emit('EMAIL', b, end, 1, 'patterns/email');
  return end;
}
