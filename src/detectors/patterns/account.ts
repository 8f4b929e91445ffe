/**
 * Account numbers after an account cue ("Acct #", "account number", "billing"), and ABA routing
 * numbers after a routing cue, confirmed by the ABA checksum (a failing one is dropped).
 */
import { abaValid } from '../../validators/aba.js';
import { ID_TOKEN_SOURCE, idEnd, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const ACCOUNT_PATTERNS = {
  account: {
    name: 'account-number',
    family: 'account',
    type: 'ACCOUNT_NUMBER',
    regex: sticky(ID_TOKEN_SOURCE),
    score: 0.9,
    cuedScore: 0.9,
    context: ['account'],
    requiresContext: true,
    description: 'alphanumeric id with 4+ digits after an account cue',
  },
  routing: {
    name: 'aba-routing',
    family: 'account',
    type: 'ACCOUNT_NUMBER',
    regex: sticky('\\d{9}(?!\\d)'),
    score: 1,
    cuedScore: 1,
    context: ['routing'],
    requiresContext: true,
    validator: 'abaValid',
    description: 'nine-digit ABA routing number after a routing cue, checksum confirmed',
  },
} as const satisfies Record<string, PatternSpec>;

const SRC = 'patterns/account';

export function accountAt(s: Scan, start: number): number {
  const e = idEnd(s, start, ACCOUNT_PATTERNS.account.regex, 4, 4);
  if (e < 0) return -1;
  s.emit('ACCOUNT_NUMBER', start, e, 0.9, SRC);
  return e;
}

export function routingAt(s: Scan, start: number): number {
  const e = stickyEnd(ACCOUNT_PATTERNS.routing.regex, s.text, start);
  // The checksum is a hook: a routing-cued nine-digit number that fails it is dropped.
  if (e < 0) return accountAt(s, start);
  if (!abaValid(s.text.slice(start, e))) return -1;
  s.emit('ACCOUNT_NUMBER', start, e, 1, SRC);
  return e;
}
