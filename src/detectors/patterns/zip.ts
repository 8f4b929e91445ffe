/**
 * US ZIP and ZIP+4 codes. A bare five-digit number is far more often a count or a lab value, so
 * a ZIP is only reported after a state (abbreviation in capitals, or name: "Boston, MA 02114",
 * "Texas 75001") or a ZIP cue ("zip", "zip code", "postal code"). UK postcodes and Canadian
 * postal codes in capitals anywhere (their letter-digit shape is the evidence).
 */
import { CUE, KW_STATE, isUpper, isLetter, isLower, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const US_STATE_CODES: readonly string[] = (
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
  'PR RI SC SD TN TX UT VT VA WA WV WI WY GU VI AS MP'
).split(' ');

export const US_STATE_NAMES: readonly string[] = [
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida', 'georgia',
  'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland',
  'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada', 'new hampshire',
  'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'ohio', 'oklahoma', 'oregon', 'pennsylvania',
  'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas', 'utah', 'vermont', 'virginia', 'washington',
  'west virginia', 'wisconsin', 'wyoming', 'puerto rico', 'district of columbia',
];

export const ZIP_PATTERNS = {
  zip: {
    name: 'zip',
    family: 'zip',
    type: 'ZIP_CODE',
    regex: sticky('\\d{5}(?:-\\d{4})?(?![\\d-]|\\.\\d)'),
    score: 0.9,
    cuedScore: 0.9,
    context: ['zip'],
    requiresContext: true,
    description: 'ZIP / ZIP+4 after a US state (code or name) or a ZIP cue',
  },
  ukPostcode: {
    name: 'uk-postcode',
    family: 'zip',
    type: 'ZIP_CODE',
    regex: sticky('(?:[BEGLMNSW][0-9][0-9A-HJKMNPR-Y]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRV-Y]?) [0-9][ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])'),
    score: 0.85,
    cuedScore: 0.9,
    context: ['zip'],
    requiresContext: false,
    description: 'UK postcode in capitals, outward and inward code ("SW1A 1AA", "M1 1AE"; one-letter areas B E G L M N S W)',
  },
  caPostalCode: {
    name: 'ca-postal-code',
    family: 'zip',
    type: 'ZIP_CODE',
    regex: sticky('[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9](?![A-Za-z0-9])'),
    score: 0.85,
    cuedScore: 0.9,
    context: ['zip'],
    requiresContext: false,
    description: 'Canadian postal code in capitals ("M5V 2T6", "K1A0B1")',
  },
} as const satisfies Record<string, PatternSpec>;

/**
 * At a capitalised letter-led token with a digit: a UK postcode ("SW1A 1AA": the outward code,
 * one space, digit + two letters) or a Canadian postal code ("M5V 2T6", "M5V2T6"). Capitals only:
 * clinical tokens of the same shape are written otherwise ("A1c", "Co2"), and the shapes' letter
 * sets (no I/O/Q/... where the postal services exclude them) keep "HR 2 BP" and the like out.
 */
export function postalAt(s: Scan, start: number, end: number): number {
  const len = end - start;
  if (!isUpper(s.at(start))) return -1;
  let e = -1;
  if (len === 6 || (len === 3 && s.at(end) === 32)) e = stickyEnd(ZIP_PATTERNS.caPostalCode.regex, s.text, start);
  if (e < 0 && len >= 2 && len <= 4 && s.at(end) === 32) e = stickyEnd(ZIP_PATTERNS.ukPostcode.regex, s.text, start);
  if (e < 0) return -1;
  s.emit('ZIP_CODE', start, e, s.cued(CUE.zip, start, 16) ? 0.9 : 0.85, 'patterns/zip');
  return e;
}

const CODES = new Set(US_STATE_CODES.map((c) => (c.charCodeAt(0) << 8) | c.charCodeAt(1)));

/** Two capital letters of a state code end right before the gap before `start`. */
function stateCodeBefore(s: Scan, start: number): boolean {
  let p = start;
  let gap = 0;
  while (p > 0 && gap < 3) {
    const c = s.text.charCodeAt(p - 1);
    if (c !== 32 && c !== 44 && c !== 160 && c !== 9) break;
    p--;
    gap++;
  }
  if (gap === 0 || p < 2) return false;
  const a = s.text.charCodeAt(p - 2);
  const b = s.text.charCodeAt(p - 1);
  if (!isLetter(a) || !isLetter(b) || isLetter(s.at(p - 3))) return false;
  // Lower-case codes are words too ("in", "me", "or"): only after a comma ("savannah, ga 38486").
  if (!isUpper(a) || !isUpper(b)) {
    if (!(isLower(a) && isLower(b))) return false;
    let q = p - 3;
    while (q >= 0 && s.text.charCodeAt(q) === 32) q--;
    if (q < 0 || s.text.charCodeAt(q) !== 44) return false;
  }
  return CODES.has(((a & ~0x20) << 8) | (b & ~0x20));
}

/**
 * True when the five digits at [start, end) follow a state code or name ("Red Bank, NJ 07701"):
 * then they are a ZIP even while another family's cue is pending ("bank" in "Red Bank").
 */
export function zipAfterState(s: Scan, start: number, end: number): boolean {
  return end - start === 5 && (stateCodeBefore(s, start) || (s.prevWordFlags(start, 3) & KW_STATE) !== 0);
}

export function zipAt(s: Scan, start: number, end: number): number {
  if (end - start !== 5) return -1;
  const cued = s.cued(CUE.zip, start, 16);
  const state = cued || zipAfterState(s, start, end);
  if (!state) return -1;
  const e = stickyEnd(ZIP_PATTERNS.zip.regex, s.text, start);
  if (e < 0) return -1;
  s.emit('ZIP_CODE', start, e, 0.9, 'patterns/zip');
  return e;
}
