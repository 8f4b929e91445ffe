/**
 * Street addresses: a house number, one to four street-name words and a street suffix, with an
 * optional direction and unit ("221B Baker Street", "1600 N Main St., Apt 4B", "12 Elm Rd Suite
 * 200"), and PO boxes. Reported as LOCATION. The first street word must be capitalised (or the
 * note all caps) and not a unit or clinical word, so "2 units per Dr" never reads as an address.
 */
import { KW_STOP_STREET, hashCodes, hashWord, isUpper, isDigit, isLetter, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const STREET_SUFFIXES: readonly string[] = [
  'Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd', 'Boulevard', 'Blvd', 'Lane', 'Ln', 'Drive', 'Dr', 'Court', 'Ct',
  'Place', 'Pl', 'Way', 'Terrace', 'Ter', 'Circle', 'Cir', 'Parkway', 'Pkwy', 'Highway', 'Hwy', 'Square', 'Sq', 'Trail',
  'Trl', 'Plaza', 'Plz', 'Alley', 'Aly', 'Crescent', 'Cres', 'Row', 'Pike', 'Turnpike', 'Tpke', 'Loop', 'Path',
  'Walk', 'Commons', 'Expressway', 'Expy', 'Freeway', 'Fwy', 'Route', 'Rte', 'Center', 'Ctr', 'Heights', 'Hts', 'Point',
  'Ridge', 'Park', 'Crossing', 'Xing', 'Cove', 'Landing', 'Manor', 'Mews', 'Close', 'Gardens', 'Grove', 'Hill',
  'Estates', 'Glen', 'Harbor', 'Junction', 'Meadow', 'Meadows', 'Pass', 'Station', 'Street', 'View', 'Villa', 'Vista',
];

const SUFFIX_OR_UNIT = new Set([...STREET_SUFFIXES, 'Apt', 'Apartment', 'Suite', 'Ste', 'Unit', 'Bldg', 'Building', 'Fl', 'Floor', 'Rm', 'Room', 'No', 'N', 'S', 'E', 'W', 'NE', 'NW', 'SE', 'SW'].map((w) => w.toLowerCase()));
const SUFFIX_ALT = [...new Set(STREET_SUFFIXES)].sort((a, b) => b.length - a.length).join('|');
const UNIT = '(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Fl|Floor|Rm|Room|No|#)\\.? ?#? ?[A-Za-z0-9-]{1,6}(?![A-Za-z0-9]))?';

function spec(name: string, regex: RegExp, score: number, description: string): PatternSpec {
  return { name, family: 'address', type: 'LOCATION', regex, score, cuedScore: score, context: [], requiresContext: false, description };
}

export const ADDRESS_PATTERNS = {
  street: spec(
    'street-address',
    sticky(`\\d{1,6}[A-Za-z]?(?:-\\d{1,4})? (?:[NSEW]\\.? |North |South |East |West |N[EW] |S[EW] )?(?:(?:[A-Za-z][A-Za-z'-]{0,24}|\\d{1,3}(?:st|nd|rd|th)) ){1,4}(?:${SUFFIX_ALT})\\.?(?![A-Za-z0-9])(?: (?:[NSEW]|N[EW]|S[EW])\\.?(?![A-Za-z0-9]))?${UNIT}`, 'i'),
    0.85,
    'house number + street words + suffix (St, Ave, Rd, Blvd, Lane, Dr, ...), optional unit',
  ),
  poBox: spec('po-box', sticky('(?:P\\.? ?O\\.?|Post Office) ?Box #? ?\\d{1,8}(?!\\d)', 'i'), 0.9, 'PO Box 123, P.O. Box 123'),
} as const;

const SRC = 'patterns/address';

// Letters after a number that make it a quantity ("4U REG", "2L NC"), not a house number (221B).
const UNIT_LETTERS = new Set([117, 85, 120, 88, 108, 76, 103, 71, 104, 72, 109, 77, 115, 83]);
// Uppercase two-letter suffixes that are also clinical abbreviations (ST sinus tachycardia, CT, SQ, DR, PL).
const CLINICAL_SUFFIX = /(?:^|\s)(?:ST|CT|SQ|DR|PL|CIR|TER|PT)\.?$/;

/** "box" (any case) starts somewhere in [from, to). */
function boxWithin(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if ((t.charCodeAt(i) | 32) === 98 && (t.charCodeAt(i + 1) | 32) === 111 && (t.charCodeAt(i + 2) | 32) === 120) return true;
  }
  return false;
}

/** Case-folded word hashes (the scan's: h * 31 + (c | 32)) of the street suffixes. */
const SUFFIX_HASHES = new Set(STREET_SUFFIXES.map(hashWord));
/**
 * Per case-folded (first letter, last letter) pair at ((first & 31) << 5) | (last & 31): the
 * suffix lengths present, as a bit set (all are under 32 letters). Most words near a number
 * fail it, so their hash is never computed.
 */
const SUFFIX_ENDS = new Int32Array(1024);
for (const w of STREET_SUFFIXES) {
  const k = ((w.charCodeAt(0) & 31) << 5) | (w.charCodeAt(w.length - 1) & 31);
  SUFFIX_ENDS[k] = (SUFFIX_ENDS[k] as number) | (1 << w.length);
}
// The street regex's suffix starts at most a direction ("North ", 6) and four words of up to 25
// characters and a space after the space that ends the house number.
const SUFFIX_REACH = 1 + 6 + 4 * 26 + 1;

/**
 * A necessary condition of the street regex after a house number that ends at `end` (a space
 * there), read from the code units, so most numbers before capitalised words ("2 Tylenol", "3
 * RBC") skip the regex: a whole ASCII letter run that hashes like a suffix, after a space, not
 * followed by a digit, starts within SUFFIX_REACH, and every character before it is one that
 * a direction, a street word or an ordinal holds (letters, digits, space, ' - .). Without the
 * `u` flag the regex's case folding matches ASCII letters only, as this test reads them.
 */
function suffixAhead(s: Scan, end: number): boolean {
  const c = s.codes;
  const n = s.n;
  const lim = Math.min(n, end + SUFFIX_REACH);
  for (let i = end + 1; i < lim; i++) {
    const ch = c[i] as number;
    if (isLetter(ch)) {
      if (c[i - 1] !== 32) continue;
      let j = i + 1;
      while (j < n && isLetter(c[j] as number)) j++;
      const len = j - i;
      if (len < 32 && ((SUFFIX_ENDS[(((c[i] as number) & 31) << 5) | ((c[j - 1] as number) & 31)] as number) & (1 << len)) !== 0 && SUFFIX_HASHES.has(hashCodes(c, i, j)) && !isDigit(s.at(j))) return true;
      i = j - 1;
      continue;
    }
    if (!(ch === 32 || isDigit(ch) || ch === 39 || ch === 45 || ch === 46)) return false;
  }
  return false;
}

export function addressAt(s: Scan, start: number, end: number): number {
  if (end - start > 7 || s.at(end) !== 32) return -1;
  if (s.at(start - 1) === 45 && isDigit(s.at(start - 2))) return -1; // "99-104 NSR ST": a range
  const last = s.text.charCodeAt(end - 1);
  if (!isDigit(last) && UNIT_LETTERS.has(last)) return -1;
  // First street word: capitalised and not a unit / clinical word.
  let p = end + 1;
  const c = s.at(p);
  if (!(isUpper(c) || isDigit(c))) return -1;
  if (s.nextWordFlags(end, 1) & KW_STOP_STREET) return -1;
  if (!suffixAhead(s, end)) return -1;
  const e = stickyEnd(ADDRESS_PATTERNS.street.regex, s.text, start);
  if (e < 0) return -1;
  // An upper-case clinical abbreviation as the suffix needs an address ending after it:
  // a comma, the end of the line, a unit or the end of the text ("12 ELM ST, APT 2").
  if (CLINICAL_SUFFIX.test(s.text.slice(Math.max(start, e - 5), e))) {
    let q = e;
    while (s.at(q) === 32) q++;
    const c = s.at(q);
    if (!(c === -1 || c === 44 || c === 10 || c === 13 || c === 35 || c === 59)) return -1;
  }
  // Every street word must be a possible name: "103 SR TO ST" is a rhythm strip, not an address.
  let words = 0;
  for (let i = end + 1; i < e; ) {
    const c0 = s.text.charCodeAt(i);
    if (!isLetter(c0)) {
      i++;
      continue;
    }
    let j = i;
    let h = 0;
    while (j < e && isLetter(s.text.charCodeAt(j))) h = (Math.imul(h, 31) + (s.text.charCodeAt(j++) | 32)) | 0;
    words++;
    const kw = s.keyword(i, j, h);
    if (kw && kw.flags & KW_STOP_STREET && (words === 1 || !SUFFIX_OR_UNIT.has(s.text.slice(i, j).toLowerCase()))) return -1;
    i = j;
  }
  s.emit('LOCATION', start, e, 0.85, SRC);
  return e;
}

export function poBoxAt(s: Scan, start: number): number {
  // "p.o." is mostly "by mouth": the regex needs "box" within the next 16 characters.
  if (!boxWithin(s.text, start + 1, start + 16)) return -1;
  const e = stickyEnd(ADDRESS_PATTERNS.poBox.regex, s.text, start);
  if (e < 0) return -1;
  s.emit('LOCATION', start, e, 0.9, SRC);
  return e;
}
