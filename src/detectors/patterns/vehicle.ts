/**
 * Vehicle identifiers: 17-character VINs confirmed by the check digit anywhere (score 1); a VIN
 * shape whose check digit does not hold (non-North-American VINs have none) after a VIN cue;
 * license plates only after a plate cue ("plate 7ABC123", "license plate ABC-1234").
 */
import { vinCheckDigitValid, vinShape } from '../../validators/vin.js';
import { CUE, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const VEHICLE_PATTERNS = {
  vin: {
    name: 'vin',
    family: 'vehicle',
    type: 'VEHICLE_ID',
    regex: sticky('[A-HJ-NPR-Za-hj-npr-z0-9]{17}(?![A-Za-z0-9])'),
    score: 1,
    cuedScore: 1,
    context: ['vin'],
    requiresContext: false,
    validator: 'vinCheckDigitValid',
    description: '17-character VIN with a valid check digit (or any VIN shape after a VIN cue)',
  },
  plate: {
    name: 'license-plate',
    family: 'vehicle',
    type: 'VEHICLE_ID',
    regex: sticky('[A-Za-z0-9]{1,8}(?:-[A-Za-z0-9]{1,4}| [A-Za-z0-9]{2,4}(?![A-Za-z0-9]))?(?:-[A-Za-z0-9]{1,4})?(?![A-Za-z0-9])'),
    score: 0.9,
    cuedScore: 0.9,
    context: ['plate'],
    requiresContext: true,
    description: '2-8 alphanumerics with a digit after a plate cue',
  },
} as const satisfies Record<string, PatternSpec>;

const SRC = 'patterns/vehicle';

export function vinAt(s: Scan, start: number, end: number, cued: boolean): number {
  if (end - start !== 17) return -1;
  const e = stickyEnd(VEHICLE_PATTERNS.vin.regex, s.text, start);
  if (e < 0) return -1;
  const v = s.text.slice(start, e);
  if (!vinShape(v)) return -1;
  let letters = 0;
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 57) letters++;
  if (letters === 0 || letters === 17) return -1;
  if (vinCheckDigitValid(v)) {
    s.emit('VEHICLE_ID', start, e, 1, SRC);
    return e;
  }
  if (cued || s.cued(CUE.vin, start)) {
    s.emit('VEHICLE_ID', start, e, 0.85, SRC);
    return e;
  }
  return -1;
}

export function plateAt(s: Scan, start: number, end: number): number {
  const v = vinAt(s, start, end, true);
  if (v > 0) return v;
  let e = stickyEnd(VEHICLE_PATTERNS.plate.regex, s.text, start);
  if (e < 0) return -1;
  // A space-separated second group stays only when it reads as part of a plate: it has a digit,
  // or the first group is a short mix of letters and digits and the second three characters
  // ("O78 LYN"). Otherwise it is the next word ("7ABC123 was").
  const rel = s.text.slice(start, e).indexOf(' ');
  const sp = rel < 0 ? -1 : start + rel;
  if (sp > 0 && sp < e) {
    const first = s.text.slice(start, sp);
    const second = s.text.slice(sp + 1, e);
    const keep = /\d/.test(second) || (first.length <= 4 && /\d/.test(first) && /[A-Za-z]/.test(first) && second.length === 3);
    if (!keep) e = sp;
  }
  const plate = s.text.slice(start, e);
  const alnum = plate.replace(/[^A-Za-z0-9]/g, '').length;
  if (!/\d/.test(plate) || alnum < 2 || alnum > 8) return -1;
  s.emit('VEHICLE_ID', start, e, 0.9, SRC);
  return e;
}
