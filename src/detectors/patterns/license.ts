/**
 * License numbers: DEA registrations anywhere when the check digit confirms them (AB1234563),
 * and state, driver's and professional licenses after a license cue ("License #", "Lic:", "DL").
 */
import { deaValid } from '../../validators/dea.js';
import { CUE, ID_TOKEN_SOURCE, idEnd, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const LICENSE_PATTERNS = {
  dea: {
    name: 'dea',
    family: 'license',
    type: 'LICENSE_NUMBER',
    regex: sticky('[A-Za-z][A-Za-z9]\\d{7}(?![A-Za-z0-9])'),
    score: 0.9,
    cuedScore: 1,
    context: ['dea', 'license'],
    requiresContext: false,
    validator: 'deaValid',
    description: 'DEA number: registrant letter, initial, 7 digits with check digit',
  },
  cued: {
    name: 'license-number',
    family: 'license',
    type: 'LICENSE_NUMBER',
    regex: sticky(ID_TOKEN_SOURCE),
    score: 0.9,
    cuedScore: 0.9,
    context: ['license'],
    requiresContext: true,
    description: 'alphanumeric id with 3+ digits after a license cue',
  },
} as const satisfies Record<string, PatternSpec>;

const SRC = 'patterns/license';

export function deaAt(s: Scan, start: number, end: number, cued: boolean): number {
  if (end - start !== 9) return -1;
  const e = stickyEnd(LICENSE_PATTERNS.dea.regex, s.text, start);
  if (e < 0 || !deaValid(s.text.slice(start, e))) return -1;
  s.emit('LICENSE_NUMBER', start, e, cued || s.cued(CUE.dea, start) || s.cued(CUE.license, start) ? 1 : 0.9, SRC);
  return e;
}

export function licenseAt(s: Scan, start: number, end: number): number {
  const d = deaAt(s, start, end, true);
  if (d > 0) return d;
  const e = idEnd(s, start, LICENSE_PATTERNS.cued.regex, 3, 4);
  if (e < 0) return -1;
  s.emit('LICENSE_NUMBER', start, e, 0.9, SRC);
  return e;
}
