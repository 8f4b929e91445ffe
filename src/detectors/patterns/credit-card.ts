/**
 * Payment card numbers: 13-19 digits, contiguous or in groups separated by spaces or dashes
 * (4-4-4-4, 4-6-5 for Amex). Luhn is the checksum hook: a failing number is dropped; a passing
 * one with a known issuer prefix is confirmed (score 1).
 */
import { luhnValid } from '../../validators/luhn.js';
import { CUE, isDigit, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const CREDIT_CARD_PATTERNS = {
  grouped: {
    name: 'credit-card-grouped',
    family: 'credit-card',
    type: 'CREDIT_CARD',
    regex: sticky('\\d{4}(?:(?:[ -]\\d{4}){2}[ -]\\d{1,7}|[ -]\\d{6}[ -]\\d{4,5})(?![\\d]|[ -]\\d)'),
    score: 0.6,
    cuedScore: 1,
    context: ['card'],
    requiresContext: false,
    validator: 'luhnValid',
    description: '4111 1111 1111 1111, 4111-1111-1111-1111, 3782 822463 10005',
  },
  contiguous: {
    name: 'credit-card-contiguous',
    family: 'credit-card',
    type: 'CREDIT_CARD',
    regex: sticky('\\d{13,19}(?!\\d)'),
    score: 0.5,
    cuedScore: 1,
    context: ['card'],
    requiresContext: false,
    validator: 'luhnValid',
    description: '13-19 contiguous digits passing Luhn with an issuer prefix',
  },
} as const satisfies Record<string, PatternSpec>;

/** Visa 4, Mastercard 51-55 / 2221-2720, Amex 34/37, Discover 6011/644-649/65, JCB 35, Diners 30/36/38, UnionPay 62. */
function knownIssuer(d: string): boolean {
  const c0 = d.charCodeAt(0) - 48;
  const two = c0 * 10 + (d.charCodeAt(1) - 48);
  const four = two * 100 + (d.charCodeAt(2) - 48) * 10 + (d.charCodeAt(3) - 48);
  if (c0 === 4) return true;
  if (two >= 51 && two <= 55) return true;
  if (four >= 2221 && four <= 2720) return true;
  if (two === 34 || two === 37 || two === 35 || two === 30 || two === 36 || two === 38 || two === 62 || two === 65) return true;
  return four === 6011 || (four >= 6440 && four <= 6499);
}

function digitsOf(t: string, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) out += t[i];
  }
  return out;
}

export function creditCardAt(s: Scan, start: number, end: number, cued: boolean): number {
  const len = end - start;
  const t = s.text;
  let e = -1;
  if (len === 4) {
    // The grouped regex needs ' ' or '-' and four digits after the first group: years and
    // times ("2011,", "1430 ") stop here, reading the code units (0 or undefined past the end).
    const c = s.codes;
    const sep = c[end] as number;
    if ((sep !== 32 && sep !== 45) || !isDigit(c[end + 1] as number) || !isDigit(c[end + 2] as number) || !isDigit(c[end + 3] as number) || !isDigit(c[end + 4] as number)) return -1;
    e = stickyEnd(CREDIT_CARD_PATTERNS.grouped.regex, t, start);
  } else if (len >= 13 && len <= 19) e = stickyEnd(CREDIT_CARD_PATTERNS.contiguous.regex, t, start);
  if (e < 0) return -1;
  const d = digitsOf(t, start, e);
  if (d.length < 13 || d.length > 19 || !luhnValid(d)) return -1;
  const issuer = knownIssuer(d);
  const isCued = cued || s.cued(CUE.card, start);
  if (!issuer && !isCued && len !== 4) return -1;
  s.emit('CREDIT_CARD', start, e, issuer || isCued ? 1 : 0.6, 'patterns/credit-card');
  return e;
}
