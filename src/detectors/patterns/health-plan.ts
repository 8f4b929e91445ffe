/**
 * Health plan beneficiary numbers: member, subscriber, policy and group ids after a cue, and the
 * Medicare Beneficiary Identifier by format anywhere (1EG4-TE5-MK73: the MBI layout with its
 * excluded letters is specific enough to stand alone).
 */
import { mbiValid } from '../../validators/mbi.js';
import { CUE, ID_TOKEN_SOURCE, idEnd, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const HEALTH_PLAN_PATTERNS = {
  cued: {
    name: 'health-plan-id',
    family: 'health-plan',
    type: 'HEALTH_PLAN_ID',
    regex: sticky(ID_TOKEN_SOURCE),
    score: 0.9,
    cuedScore: 0.9,
    context: ['healthPlan'],
    requiresContext: true,
    description: 'alphanumeric id with 5+ digits after a member / subscriber / policy / group / insurance cue',
  },
  mbi: {
    name: 'medicare-mbi',
    family: 'health-plan',
    type: 'HEALTH_PLAN_ID',
    regex: sticky('[1-9][A-Z][A-Z0-9]\\d-?[A-Z][A-Z0-9]\\d-?[A-Z]{2}\\d{2}(?![A-Za-z0-9])'),
    score: 0.85,
    cuedScore: 1,
    context: ['healthPlan'],
    requiresContext: false,
    validator: 'mbiValid',
    description: 'Medicare Beneficiary Identifier (11 characters, optional dashes)',
  },
} as const satisfies Record<string, PatternSpec>;

const SRC = 'patterns/health-plan';

export function mbiAt(s: Scan, start: number, cued: boolean): number {
  // [1-9][A-Z][A-Z0-9]\d...: two compares reject most tokens before the regex.
  const t = s.text;
  const c1 = t.charCodeAt(start + 1);
  const c3 = t.charCodeAt(start + 3);
  if (!(c1 >= 65 && c1 <= 90) || !(c3 >= 48 && c3 <= 57)) return -1;
  const e = stickyEnd(HEALTH_PLAN_PATTERNS.mbi.regex, s.text, start);
  if (e < 0 || !mbiValid(s.text.slice(start, e))) return -1;
  s.emit('HEALTH_PLAN_ID', start, e, cued || s.cued(CUE.healthPlan, start) ? 1 : 0.85, SRC);
  return e;
}

export function healthPlanAt(s: Scan, start: number): number {
  const m = mbiAt(s, start, true);
  if (m > 0) return m;
  const e = idEnd(s, start, HEALTH_PLAN_PATTERNS.cued.regex, 5, 5);
  if (e < 0) return -1;
  s.emit('HEALTH_PLAN_ID', start, e, 0.9, SRC);
  return e;
}
