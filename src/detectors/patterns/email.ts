/** Email addresses, found at each '@': the local part is read backwards, the domain forwards. */
import { isAlnum, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const EMAIL_PATTERNS = {
  email: {
    name: 'email',
    family: 'email',
    type: 'EMAIL',
    regex: sticky('[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}(?![A-Za-z0-9-])'),
    score: 1,
    cuedScore: 1,
    context: [],
    requiresContext: false,
    description: 'local@domain.tld (RFC 5321 shapes without quoted local parts)',
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
  const e = stickyEnd(EMAIL_PATTERNS.email.regex, s.text, b);
  if (e < 0) return -1;
  // Drop trailing dots/dashes of the domain that belong to the sentence.
  let end = e;
  while (end > at && !isAlnum(s.text.charCodeAt(end - 1))) end--;
  s.emit('EMAIL', b, end, 1, 'patterns/email');
  return end;
}
