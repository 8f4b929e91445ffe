/**
 * Phone and fax numbers.
 *
 * libphonenumber-js's own `findNumbers` over a whole clinical note runs well under 1 MB/s, so the
 * work is split in two:
 *
 *   1. a cheap V8 prefilter: one global regex finds runs of digit groups joined by phone-like
 *      separators (space, `-`, `.`, `/`, parentheses; at most 3 separator characters between
 *      groups). The separator class and `\d` are disjoint and every repetition must consume a
 *      digit, so the regex is linear (no ambiguous nested quantifiers).
 *   2. in plain JS, the groups of each run are matched against the shapes people write
 *      (3-3-4, 1-3-3-4, (3) 3-4, 3/3-4, 3 7, valid 10-digit runs, 3-4 / 7 digits without an area
 *      code next to a phone cue, 4-6 digit pager numbers after a pager cue, lone extensions
 *      after x/ext, `+`/`011`
 *      international numbers). Only those survivors reach libphonenumber (validity of NANP
 *      numbers, national numbers of other regions, international numbers and extensions).
 *
 * Cue words are looked for only on the same line, in a short window before the number; the
 * nearest cue wins: a fax cue makes the entity FAX, an identifier cue (MRN, SSN, account, ...)
 * leaves the number to the patterns detector.
 */
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/min';
import { ConfigError } from '../errors.js';
import type { DetectContext, Detector, Entity, EntityType } from '../types.js';
import type { DetectorFactory } from './registry.js';

/** Words that make a nearby digit run a phone number (and admit the weak shapes). */
export const DEFAULT_PHONE_CUES: readonly string[] = [
  'phone', 'ph', 'tel', 'telephone', 'call', 'called', 'calling', 'cell', 'cellphone', 'mobile', 'mob',
  'contact', 'contacted', 'reached at', 'reach at', 'number', 'no.', 'home', 'work', 'office', 'hm', 'wk',
  'callback', 'call back', 'cb', 'c:', 'h:', 'w:', 'm:', 'o:', 'p:', 't:',
  // Contacts: in notes a number after a relative or proxy is theirs ("HCP: wife Mary 555-0123").
  'hcp', 'proxy', 'guardian', 'partner', 'spouse', 'wife', 'husband', 'son', 'daughter', 'dtr',
  'mother', 'father', 'sister', 'brother', 'niece', 'nephew', 'friend', 'family', 'neighbor',
  'pager', 'page', 'paged', 'beeper', 'pg', 'pgr', 'bpr', 'x', 'ext', 'extension', '#',
];

/** Cues that make a number a pager number (admit 4-6 digit numbers). Subset of the phone cues. */
export const DEFAULT_PAGER_CUES: readonly string[] = ['pager', 'page', 'paged', 'beeper', 'pg', 'pgr', 'bpr'];

/** Cues that make the number a FAX. */
export const DEFAULT_FAX_CUES: readonly string[] = ['fax', 'faxed', 'efax', 'e-fax', 'facsimile', 'f:', 'fx'];

/**
 * Identifier cues: when the nearest cue is one of these the number is an identifier, not a
 * phone, and is left to the patterns detector (MRN, SSN, accounts, plan ids, licences ...).
 */
export const DEFAULT_BLOCK_CUES: readonly string[] = [
  'mrn', 'medical record', 'record', 'record number', 'chart', 'acct', 'account', 'routing', 'ssn',
  'social security', 'ss#', 'member', 'member id', 'policy', 'group', 'id:', 'id#', 'id no', 'pt id',
  'patient id', 'npi', 'dea', 'license',
  'licence', 'lic', 'serial', 'sn', 'udi', 'lot', 'invoice', 'claim', 'case', 'order', 'accession',
  'specimen', 'icd', 'cpt', 'vin', 'plate', 'ref', 'reference', 'confirmation', 'conf', 'auth',
  'authorization', 'tracking', 'ticket',
];

/** Scores by how much evidence a match has. Exported as data so callers can read them. */
export const PHONE_SCORES = Object.freeze({
  /** `+`/`011` numbers that libphonenumber says are valid. */
  international: 0.9,
  /** A phone shape with a phone cue before it, or a valid number in a strong shape (3-3-4 with -, ., /, parens). */
  strong: 0.85,
  /** Shapes admitted only next to a cue (no area code, bare 10 digits, pagers). */
  cued: 0.8,
  /** A strong shape libphonenumber rejects (e.g. area code 135): still most likely a phone. */
  shapeOnly: 0.6,
  /** Weaker shapes without a cue: space-only separators, 3+7 digits, 6+4 typos. */
  weak: 0.6,
  /** A valid 10-digit number with no separators and no cue (CSV cells, HL7 fields). */
  bare: 0.55,
  /** 555-0123 alone in a delimited cell (tab, comma, pipe on both sides), no cue. */
  cell: 0.5,
});

export interface PhoneDetectorOptions {
  /** Region for numbers written without a country code (ISO 3166-1 alpha-2). @default 'US' */
  defaultRegion?: string;
  /** Characters before a number (same line only) searched for cue words. @default 32 */
  cueWindow?: number;
  /** Admit numbers without an area code (555-0123, 5550123) and pager numbers next to a cue. @default true */
  shortNumbers?: boolean;
  /** @default DEFAULT_PHONE_CUES */
  phoneCues?: readonly string[];
  /** @default DEFAULT_PAGER_CUES */
  pagerCues?: readonly string[];
  /** @default DEFAULT_FAX_CUES */
  faxCues?: readonly string[];
  /** @default DEFAULT_BLOCK_CUES */
  blockCues?: readonly string[];
}

export const DEFAULT_PHONE_OPTIONS = Object.freeze({
  defaultRegion: 'US',
  cueWindow: 32,
  shortNumbers: true,
  phoneCues: DEFAULT_PHONE_CUES,
  pagerCues: DEFAULT_PAGER_CUES,
  faxCues: DEFAULT_FAX_CUES,
  blockCues: DEFAULT_BLOCK_CUES,
});

/**
 * The prefilter: an optional `+` or `(`, then at least 4 digits in groups joined by up to 3
 * separator characters (nothing we emit has fewer digits). Linear: `[sep]{0,3}` and `\d` are
 * disjoint and each iteration ends on a digit, so there is one way to match any run.
 */
export const PHONE_CANDIDATE_RE = /[+(]?\d(?:[() .\/\t-]{0,3}\d){3,}/g;

/**
 * NANP prefilter: a group of exactly three digits can only matter in a few ways, so the
 * pattern is three digits followed by one of:
 *   - a fourth digit (a group of 4+ digits: 3-3-4's last group, 10 digits, 7 digits, pagers);
 *   - at most 3 separators and three more digits (3-3-4, 3 7, (3) 3-4 ...);
 *   - at most 3 separators, one of them a space or tab, and a digit (an extension "x145 2"
 *     needs the group not to run on into the next by punctuation);
 *   - `011` (the US exit code) and at most 3 separators and a digit.
 * Runs without such a group never reach JS: a 3-digit group followed by punctuation and 1-2
 * digits ("120/80", "100.5", "123-45") or ending its run after shorter groups ("12-345") matches
 * no shape (after a non-blank separator a group is no start; after a blank one the character
 * before it is a space, tab or `(` with a digit further back, so no `x`/`ext` stands right
 * before it), and a lone 3-digit run has fewer than the 4 digits a candidate needs. The pattern
 * starts with three fixed `\d`, so V8 skips through text Boyer-Moore style instead of trying
 * every position as it must for PHONE_CANDIDATE_RE. What follows the three digits is a
 * lookahead, so the match is those three digits and `lastIndex - 3` is where it starts: the
 * walk back to the run's first digit (chainStart) starts there instead of at the match's far
 * end (the lookahead finds the same leftmost matches the consuming form did). Linear: the
 * alternatives after the three digits are bounded.
 */
export const NANP_CANDIDATE_RE =
  /\d\d\d(?=\d|[() .\/\t-]{1,3}\d\d\d|(?:[ \t][() .\/\t-]{0,2}|[().\/-][ \t][() .\/\t-]?|[().\/-]{2}[ \t])\d|(?<=011)[() .\/\t-]{1,3}\d)/g;

/** An extension right after a number: `x123`, ` ext. 45`, `, extension 7`. Sticky. */
const EXTENSION_RE = /[ \t]{0,2},?[ \t]{0,2}(?:x|ext|extn|extension|ex)\.?[ \t]{0,2}[#:]?[ \t]{0,2}\d{1,6}(?!\d)/iy;

type CueKind = 'phone' | 'pager' | 'fax' | 'block';

/** One digit group inside a candidate run: absolute offsets. */
interface Group {
  start: number;
  end: number;
}

/** A matched number: absolute offsets plus evidence. */
interface Hit {
  start: number;
  end: number;
  score: number;
  /** Index of the last group consumed. */
  last: number;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The separators PHONE_CANDIDATE_RE allows between digit groups: `(`, `)`, space, `.`, `/`, tab, `-`. */
function isSep(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41 || c === 9;
}

/** Offset of the next `+` followed by a digit at or after `from`, or -1. */
function nextPlus(text: string, from: number): number {
  let p = text.indexOf('+', from);
  while (p >= 0 && !(p + 1 < text.length && isDigit(text.charCodeAt(p + 1)))) p = text.indexOf('+', p + 1);
  return p;
}

/**
 * The first digit of the run holding the digit at `at`: walk back while at most 3 separators
 * lead to an earlier digit. Runs never overlap and each is walked once, so this stays linear.
 */
function chainStart(text: string, at: number): number {
  let s = at;
  for (;;) {
    while (s > 0 && isDigit(text.charCodeAt(s - 1))) s--;
    let q = s - 1;
    while (s - q <= 4 && q >= 0 && isSep(text.charCodeAt(q))) q--;
    if (s - q <= 4 && q >= 0 && isDigit(text.charCodeAt(q))) s = q;
    else return s;
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function validateCueList(option: string, value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.some((w) => typeof w !== 'string' || w.trim() === '' || w.length > 40)) {
    throw new ConfigError(option, 'an array of non-empty strings (at most 40 characters each)');
  }
  return value as readonly string[];
}

function escapeCue(word: string): string {
  return word.trim().toLowerCase().replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(/ +/g, '[ \\t]+');
}

/**
 * One regex for all cue lists, one capture group per kind, so the nearest cue can be found with
 * a single pass over the (short) window. Word-like cues get word edges; cues that start or end
 * with punctuation (`#`, `f:`) need none on that side.
 *
 * Shape: `(?<![a-z0-9])(?:(fax)|(pager)|(block)|(phone))|(fax)|(pager)|(block)|(phone)`, the
 * first four groups holding the cues that start with a letter or digit, the last four the rest.
 * The left edge is written once for the word-like cues instead of once per cue: a lookbehind
 * in front of every alternative keeps V8 from pre-checking the alternatives' first characters,
 * and this runs once per phone candidate. At any position only one half can match (the first
 * character is alphanumeric or not), and within each half the kinds keep their order, so the
 * match found is the one the per-cue form found.
 */
/**
 * A cue list as every cue matcher reads it: trimmed, lower-case, without repeats, longest first
 * (the cue regex, its JS twin and the pager gate must agree on it).
 */
function cueWords(list: readonly string[]): string[] {
  return [...new Set(list.map((w) => w.trim().toLowerCase()))].sort((a, b) => b.length - a.length);
}

function compileCues(lists: Record<CueKind, readonly string[]>): RegExp {
  const word: string[] = [];
  const other: string[] = [];
  for (const kind of ['fax', 'pager', 'block', 'phone'] as const) {
    const words = cueWords(lists[kind]);
    const w1: string[] = [];
    const w2: string[] = [];
    for (const w of words) {
      const right = /[a-z0-9]$/.test(w) ? '(?![a-z])' : '';
      (/^[a-z0-9]/.test(w) ? w1 : w2).push(`${escapeCue(w)}${right}`);
    }
    word.push(w1.length > 0 ? `(${w1.join('|')})` : '((?!))');
    other.push(w2.length > 0 ? `(${w2.join('|')})` : '((?!))');
  }
  return new RegExp(`(?<![a-z0-9])(?:${word.join('|')})|${other.join('|')}`, 'gi');
}

/** One cue as the cue matcher compares it: lower-case ASCII, spaces standing for runs of spaces and tabs. */
interface CueEntry {
  word: string;
  kind: CueKind;
  /** Ends in a letter or digit: must not run into a letter (the regex's `(?![a-z])`). */
  rightEdge: boolean;
  /** '#', 'no.', 'number', ...: qualifies the cue before it (MODIFIER_CUES). */
  modifier: boolean;
}

/** Cue search over a window `[ws, we)` of the text. */
interface CueScanner {
  /** The kind of the last cue a left-to-right search finds (modifiers aside), as the cue regex finds it. */
  nearest(text: string, ws: number, we: number): CueKind | undefined;
}

/**
 * A regex that finds every place one of `words` can match as a cue (without the cue regex's
 * word edges, so a superset of them): a quick test that a window holds no such cue. Global, so
 * the test can start past a prefix of the window (lastIndex).
 */
function compileCueGate(words: readonly string[]): RegExp {
  const alternatives = cueWords(words).map(escapeCue);
  return new RegExp(alternatives.length > 0 ? alternatives.join('|') : '(?!)', 'gi');
}

/** Cue entries bucketed by their first two characters, for the cue scanner. */
interface CueBuckets {
  /** By first character: the one-character cues. */
  singles: (CueEntry[] | undefined)[];
  /**
   * By first two characters (lower case; a space stands for space and tab): the cues starting
   * with them and the one-character cues of the first, in priority order.
   */
  pairs: (CueEntry[] | undefined)[];
}

function bucketCues(entries: readonly CueEntry[]): CueBuckets {
  const singles = new Array<CueEntry[] | undefined>(128).fill(undefined);
  const pairs = new Array<CueEntry[] | undefined>(128 * 128).fill(undefined);
  const key = (w: string): number => w.charCodeAt(0) * 128 + w.charCodeAt(1);
  for (const e of entries) {
    if (e.word.length === 1) (singles[e.word.charCodeAt(0)] ??= []).push(e);
    else pairs[key(e.word)] ??= entries.filter((o) => o.word === e.word[0] || (o.word.length >= 2 && key(o.word) === key(e.word)));
  }
  return { singles, pairs };
}

/** The entries that may match at `p` (all of them in priority order), or undefined. */
function cueGroup(b: CueBuckets, text: string, p: number, ws: number, we: number): CueEntry[] | undefined {
  let c = text.charCodeAt(p);
  if (c >= 128) return undefined;
  // Word-like cues (all cues starting with a letter or digit) never start inside a word.
  if (isAsciiAlnum(c) && p > ws && isAsciiAlnum(text.charCodeAt(p - 1))) return undefined;
  if (c >= 65 && c <= 90) c += 32;
  if (p + 1 < we) {
    let c1 = text.charCodeAt(p + 1);
    if (c1 >= 65 && c1 <= 90) c1 += 32;
    else if (c1 === 9) c1 = 32;
    const group = c1 < 128 ? b.pairs[c * 128 + c1] : undefined;
    if (group !== undefined) return group;
  }
  return b.singles[c];
}

/** End of cue `e` matched at `p` inside the window (before `we`), or -1. */
function matchCue(text: string, p: number, we: number, e: CueEntry): number {
  const w = e.word;
  let k = p;
  for (let j = 0; j < w.length; j++) {
    const c = w.charCodeAt(j);
    if (k >= we) return -1;
    let t = text.charCodeAt(k);
    if (c === 32) {
      // `[ \t]+`, greedy: the cue's next character is neither, so there is one way to match.
      if (t !== 32 && t !== 9) return -1;
      do k++;
      while (k < we && ((t = text.charCodeAt(k)) === 32 || t === 9));
      while (j + 1 < w.length && w.charCodeAt(j + 1) === 32) j++;
      continue;
    }
    if (t !== c && !(c >= 97 && c <= 122 && t === c - 32)) return -1;
    k++;
  }
  if (e.rightEdge && k < we && isAsciiLetter(text.charCodeAt(k))) return -1;
  return k;
}

/**
 * The cue regex's search, in plain JS: the same matches, found in the same order, without a
 * regex call per match (those cost more than the search of a 32-character window) and without
 * trying the whole alternation at every position. A position is tried only against the cues
 * starting with its two characters (cueGroup), in the regex's priority order (fax, pager,
 * block, phone; longer cues first within a kind), and word-like cues only where the regex's
 * lookbehind lets them start. Case-insensitive matching without the `u` flag folds only ASCII
 * letters and never pairs a non-ASCII character with an ASCII one, so comparing ASCII
 * case-folded is exact. Undefined (the caller uses the regex) when a cue has a character
 * outside printable ASCII.
 */
function compileCueScanner(lists: Record<CueKind, readonly string[]>): CueScanner | undefined {
  const entries: CueEntry[] = [];
  for (const kind of ['fax', 'pager', 'block', 'phone'] as const) {
    // The same list, order and dedupe as compileCues.
    const words = cueWords(lists[kind]);
    for (const word of words) {
      if (!/^[\x20-\x7e]+$/.test(word)) return undefined;
      entries.push({ word, kind, rightEdge: /[a-z0-9]$/.test(word), modifier: MODIFIER_CUES.has(word) });
    }
  }
  const all = bucketCues(entries);
  return {
    nearest(text: string, ws: number, we: number): CueKind | undefined {
      let kind: CueKind | undefined;
      let p = ws;
      while (p < we) {
        const group = cueGroup(all, text, p, ws, we);
        let end = -1;
        let hit: CueEntry | undefined;
        if (group !== undefined) {
          for (let g = 0; g < group.length; g++) {
            end = matchCue(text, p, we, group[g] as CueEntry);
            if (end >= 0) {
              hit = group[g];
              break;
            }
          }
        }
        if (hit === undefined) {
          p++;
          continue;
        }
        p = end;
        // '#', 'no.', 'number' ("Pager #12345", "fax no. ...") belong to the word cue before them, if any.
        if (kind !== undefined && hit.modifier) continue;
        kind = hit.kind;
      }
      return kind;
    },
  };
}

/** Create the phone/fax detector. Validates options once; the returned detector is stateless. */
export function createPhoneDetector(options: PhoneDetectorOptions = {}): Detector {
  if (typeof options !== 'object' || options === null) throw new ConfigError('phone', 'an options object');
  const region = options.defaultRegion ?? DEFAULT_PHONE_OPTIONS.defaultRegion;
  if (typeof region !== 'string' || !isSupportedCountry(region.toUpperCase())) {
    throw new ConfigError('phone.defaultRegion', 'an ISO 3166-1 alpha-2 region libphonenumber supports, e.g. "US", "GB"');
  }
  const defaultRegion = region.toUpperCase() as CountryCode;
  const cueWindow = options.cueWindow ?? DEFAULT_PHONE_OPTIONS.cueWindow;
  if (!Number.isInteger(cueWindow) || cueWindow < 0 || cueWindow > 200) {
    throw new ConfigError('phone.cueWindow', 'an integer from 0 to 200');
  }
  const shortNumbers = options.shortNumbers ?? DEFAULT_PHONE_OPTIONS.shortNumbers;
  if (typeof shortNumbers !== 'boolean') throw new ConfigError('phone.shortNumbers', 'a boolean');
  const cueLists: Record<CueKind, readonly string[]> = {
    phone: validateCueList('phone.phoneCues', options.phoneCues ?? DEFAULT_PHONE_CUES),
    pager: validateCueList('phone.pagerCues', options.pagerCues ?? DEFAULT_PAGER_CUES),
    fax: validateCueList('phone.faxCues', options.faxCues ?? DEFAULT_FAX_CUES),
    block: validateCueList('phone.blockCues', options.blockCues ?? DEFAULT_BLOCK_CUES),
  };
  const cueRe = compileCues(cueLists);
  const cueScanner = compileCueScanner(cueLists);
  const pagerGate = compileCueGate(cueLists.pager);
  // NANP shapes (3-3-4 and friends) only make sense where national numbers are NANP numbers.
  const nanp = getCountryCallingCode(defaultRegion) === '1';

  // One-entry memo: the shape checks and the emitter ask about the same position in a row.
  // Reset at the start of every detect call (the detector is synchronous, so calls never interleave).
  let memoPos = -1;
  let memoKind: CueKind | undefined;

  /** The kind of the nearest cue before `pos` on the same line, within the window. */
  function nearestCue(text: string, pos: number): CueKind | undefined {
    if (cueWindow === 0) return undefined;
    if (pos === memoPos) return memoKind;
    memoKind = scanCues(text, pos);
    memoPos = pos;
    return memoKind;
  }

  /** Start of the cue window before `pos`: same line, at most cueWindow back, no word fragment. */
  function windowStart(text: string, pos: number): number {
    // Only the window itself is scanned (never back to the previous newline: that could be far).
    const from = Math.max(0, pos - cueWindow);
    let ws = pos;
    while (ws > from && text.charCodeAt(ws - 1) !== 10) ws--;
    if (ws === from && from > 0 && isAsciiAlnum(text.charCodeAt(from - 1))) {
      // The window starts inside a word ("...mar|vin,"): drop the fragment, it is no cue.
      while (ws < pos && isAsciiAlnum(text.charCodeAt(ws))) ws++;
    }
    return ws;
  }

  /**
   * False when the nearest cue before `pos` cannot be a pager cue: no pager cue occurs in the
   * window at all. Most 4-6 digit numbers (years, times, doses) ask only this, and one small
   * regex over the window answers it several times faster than a cue search.
   */
  function mayBePager(text: string, pos: number): boolean {
    if (cueWindow === 0) return false;
    if (pos === memoPos) return memoKind === 'pager';
    // The window windowStart() gives, on the window's slice: this runs for most 4-6 digit
    // numbers, and calling windowStart (a JS walk back) and slicing after it measured 4-7% slower
    // for the detector. First the gate from past the fragment of a word the window may start in
    // (windowStart drops it when no newline follows it, and a newline is never part of it): a
    // cue after the last newline is a cue after the fragment, so no match there means none in
    // the window, and the newline (a runtime lastIndexOf) is looked for only after a match.
    const from = Math.max(0, pos - cueWindow);
    const windowText = text.slice(from, pos);
    let off = 0;
    if (from > 0 && isAsciiAlnum(text.charCodeAt(from - 1))) {
      while (off < windowText.length && isAsciiAlnum(windowText.charCodeAt(off))) off++;
    }
    pagerGate.lastIndex = off;
    if (!pagerGate.test(windowText)) return false;
    const line = windowText.lastIndexOf('\n') + 1;
    if (line === 0) return true;
    pagerGate.lastIndex = line;
    return pagerGate.test(windowText);
  }

  function scanCues(text: string, pos: number): CueKind | undefined {
    const ws = windowStart(text, pos);
    if (ws >= pos) return undefined;
    if (cueScanner !== undefined) return cueScanner.nearest(text, ws, pos);
    // Cues beyond printable ASCII: the regex itself, over the window alone.
    const windowText = text.slice(ws, pos);
    cueRe.lastIndex = 0;
    let kind: CueKind | undefined;
    let m: RegExpExecArray | null;
    while ((m = cueRe.exec(windowText)) !== null) {
      // '#', 'no.', 'number' ("Pager #12345", "fax no. ...") belong to the word cue before them, if any.
      if (kind !== undefined && MODIFIER_CUES.has(m[0].toLowerCase())) continue;
      kind = m[1] !== undefined || m[5] !== undefined ? 'fax' : m[2] !== undefined || m[6] !== undefined ? 'pager' : m[3] !== undefined || m[7] !== undefined ? 'block' : 'phone';
      if (m[0].length === 0) cueRe.lastIndex++;
    }
    return kind;
  }

  // libphonenumber costs ~25 us a number: remember answers (per detector, bounded) so letterheads
  // and signatures repeated in every note are parsed once.
  const validity = new Map<string, boolean>();
  function isValidNational(text: string, start: number, end: number): boolean {
    let digits = '';
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) digits += text[i];
    }
    // NANP: area code and exchange start with 2-9; libphonenumber would say no anyway.
    if (nanp) {
      const off = digits.length === 11 && digits.charCodeAt(0) === 49 ? 1 : 0;
      if (digits.length - off === 10 && (digits.charCodeAt(off) < 50 || digits.charCodeAt(off + 3) < 50)) return false;
    }
    const known = validity.get(digits);
    if (known !== undefined) return known;
    let ok = false;
    try {
      const p = parsePhoneNumberFromString(digits, defaultRegion);
      ok = p !== undefined && p.isValid();
    } catch {
      ok = false;
    }
    if (validity.size >= 4096) validity.clear();
    validity.set(digits, ok);
    return ok;
  }

  /** Extend `end` over an extension (`x45`, ` ext. 123`) when one follows. */
  function withExtension(text: string, end: number): number {
    EXTENSION_RE.lastIndex = end;
    const m = EXTENSION_RE.exec(text);
    if (m === null) return end;
    const after = end + m[0].length;
    return after < text.length && isAsciiLetter(text.charCodeAt(after)) ? end : after;
  }

  /**
   * `+`-prefixed or `011`-prefixed numbers: libphonenumber on a small slice only. `011` is
   * overwritten by `  +` (same length) so offsets in the slice stay those of the text.
   */
  function matchInternational(text: string, groups: Group[], i: number, plus: boolean): Hit | undefined {
    const g = groups[i] as Group;
    const start = plus ? g.start - 1 : g.start;
    // At most 8 groups (a country code and national groups); the slice stays small.
    const lastGroup = Math.min(groups.length - 1, i + 7);
    // The longest prefix of groups (up to 15 digits) that libphonenumber says is valid.
    // `011` (the US exit code) is read as `+`.
    // Failing that, the longest *possible* one (right length for the country, number range not
    // in the metadata) of at least 8 digits, with a weaker score.
    const from = plus ? i : i + 1;
    let possible: Hit | undefined;
    for (let last = lastGroup; last >= from; last--) {
      let digits = 0;
      for (let k = from; k <= last; k++) digits += glen(groups, k);
      if (digits > 15 || digits < 6) continue;
      const national = text.slice((groups[from] as Group).start, (groups[last] as Group).end);
      let parsed;
      try {
        parsed = parsePhoneNumberFromString(`+${national}`);
      } catch {
        parsed = undefined;
      }
      if (parsed === undefined) continue;
      const end = (groups[last] as Group).end;
      if (parsed.isValid()) return { start, end, score: PHONE_SCORES.international, last };
      if (possible === undefined && digits >= 8 && last > from && parsed.isPossible()) possible = { start, end, score: PHONE_SCORES.weak, last };
    }
    return possible;
  }

  // Compiled once per detector (not per call): the detector is synchronous, so calls never
  // interleave and resetting lastIndex is enough.
  const candidateRe = new RegExp(PHONE_CANDIDATE_RE.source, 'g');
  const nanpRe = new RegExp(NANP_CANDIDATE_RE.source, 'g');
  // Group objects are reused across candidates and calls (never escape a detect call); each
  // candidate gets its own array of the first groupCount of them.
  const pool: Group[] = [];
  let groupCount = 0;
  /** Digits in the groups readGroups read last. */
  let digitCount = 0;
  // The groups of a candidate as an array of exactly its length (the shape checks read
  // `groups.length` and `groups[k]` past the end is undefined): one array per length, made
  // once, instead of a slice per candidate. Pool entries are never replaced (readGroups only
  // rewrites their offsets), so the array made for n groups stays the first n of the pool.
  // Only short runs (nearly all of them) get one, so this stays small.
  const views = new Array<Group[] | undefined>(17).fill(undefined);

  /** An array of the first `n` groups of the pool (their offsets valid until the next readGroups). */
  function groupView(n: number): Group[] {
    if (n > 16) return pool.slice(0, n);
    let v = views[n];
    if (v === undefined) {
      v = pool.slice(0, n);
      views[n] = v;
    }
    return v;
  }

  return createDetectorObject(function detectPhones(text: string, ctx: DetectContext): Entity[] {
    const wantPhone = ctx.types.has('PHONE');
    const wantFax = ctx.types.has('FAX');
    if (!wantPhone && !wantFax) return [];
    const out: Entity[] = [];
    memoPos = -1;
    if (nanp) scanNanp(text, out, wantPhone, wantFax);
    else scanAll(text, out, wantPhone, wantFax);
    return out;
  });

  /** Every run PHONE_CANDIDATE_RE finds (non-NANP regions: any run of 7+ digits may be a number). */
  function scanAll(text: string, out: Entity[], wantPhone: boolean, wantFax: boolean): void {
    const re = candidateRe;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const runStart = m.index;
      const first = isDigit(text.charCodeAt(runStart)) ? runStart : runStart + 1;
      readGroups(text, first);
      candidate(text, runStart, out, wantPhone, wantFax);
    }
  }

  /**
   * NANP regions: only the runs PHONE_CANDIDATE_RE would find that hold a group NANP_CANDIDATE_RE
   * accepts (every NANP shape and extension needs one) or start with `+` (an international
   * number).
   * NANP_CANDIDATE_RE finds a digit of every such run (it runs at several times the
   * speed of PHONE_CANDIDATE_RE) and a native indexOf the `+`; the run around a hit is read in
   * JS exactly as PHONE_CANDIDATE_RE reads it (chainStart, readGroups).
   */
  function scanNanp(text: string, out: Entity[], wantPhone: boolean, wantFax: boolean): void {
    const re = nanpRe;
    re.lastIndex = 0;
    let digit = re.test(text) ? re.lastIndex - 3 : -1;
    let plus = nextPlus(text, 0);
    let pos = 0;
    for (;;) {
      if (digit >= 0 && digit < pos) {
        re.lastIndex = pos;
        digit = re.test(text) ? re.lastIndex - 3 : -1;
      }
      if (plus >= 0 && plus < pos) plus = nextPlus(text, pos);
      let hit: number;
      if (plus >= 0 && (digit < 0 || plus < digit)) hit = plus + 1;
      else if (digit >= 0) hit = digit;
      else return;
      const first = chainStart(text, hit);
      pos = readGroups(text, first);
      // Fewer than 4 digits ("+12"): no candidate.
      if (digitCount < 4) continue;
      // The candidate regex starts the run at a `+` or `(` right before the first digit.
      const lead = first > 0 ? text.charCodeAt(first - 1) : 0;
      candidate(text, lead === 43 || lead === 40 ? first - 1 : first, out, wantPhone, wantFax);
    }
  }

  /**
   * Read the digit groups of the run that starts at digit `first` into `pool` (as the
   * candidate regex extends it: while at most 3 separators lead to another digit). Returns the
   * run's end.
   */
  function readGroups(text: string, first: number): number {
    groupCount = 0;
    digitCount = 0;
    // Every read stays inside the text (runs often end it): see codeAt.
    const n = text.length;
    let k = first;
    for (;;) {
      const gs = k;
      while (k < n && isDigit(text.charCodeAt(k))) k++;
      let g = pool[groupCount];
      if (g === undefined) {
        g = { start: gs, end: k };
        pool.push(g);
      } else {
        g.start = gs;
        g.end = k;
      }
      groupCount++;
      digitCount += k - gs;
      let q = k;
      while (q - k < 4 && q < n && isSep(text.charCodeAt(q))) q++;
      if (q - k <= 3 && q < n && isDigit(text.charCodeAt(q))) k = q;
      else return k;
    }
  }

  /** A candidate run starting at `runStart`, whose groups readGroups just read. */
  function candidate(text: string, runStart: number, out: Entity[], wantPhone: boolean, wantFax: boolean): void {
    // A first group glued to a letter (A123-456-7890, MR5601901) is part of an identifier.
    const before = runStart > 0 ? text.charCodeAt(runStart - 1) : 32;
    const gluedFirst = isAsciiLetter(before) && !(before === 120 || before === 88);
    const groups = groupView(groupCount);
    scanGroups(text, groups, text.charCodeAt(runStart) === 43 /* + */, gluedFirst, out, wantPhone, wantFax);
  }

  function emit(text: string, hit: Hit, out: Entity[], wantPhone: boolean, wantFax: boolean, cue: CueKind | undefined): void {
    const type: EntityType = cue === 'fax' ? 'FAX' : 'PHONE';
    if (type === 'FAX' ? !wantFax : !wantPhone) return;
    // Already covered by the previous number's extension ("500-300-0000 ext. 00617"): the
    // extension's digits are the next candidate run, and entities must stay disjoint.
    const last = out[out.length - 1];
    if (last !== undefined && hit.start < last.end) return;
    const end = withExtension(text, hit.end);
    if (end < text.length && isAsciiLetter(text.charCodeAt(end)) && end === hit.end) return;
    out.push({ type, start: hit.start, end, score: hit.score, source: 'phone' });
  }

  function scanGroups(text: string, groups: Group[], plus: boolean, gluedFirst: boolean, out: Entity[], wantPhone: boolean, wantFax: boolean): void {
    let i = 0;
    if (gluedFirst) {
      // Skip the identifier's group and anything punctuation-joined to it.
      i = 1;
      while (i < groups.length && !blankSep(text, groups, i - 1)) i++;
    }
    while (i < groups.length) {
      const hit = matchAt(text, groups, i, plus && i === 0);
      if (hit === undefined) {
        i++;
        continue;
      }
      const cue = nearestCue(text, hit.start);
      if (cue !== 'block') emit(text, hit, out, wantPhone, wantFax, cue);
      i = hit.last + 1;
    }
  }

  function matchAt(text: string, groups: Group[], i: number, plus: boolean): Hit | undefined {
    const g = groups[i] as Group;
    if (plus) return matchInternational(text, groups, i, true);
    if (glen(groups, i) === 3 && text.startsWith('011', g.start) && i + 1 < groups.length && sepOf(text, groups, i).length > 0) {
      const intl = matchInternational(text, groups, i, false);
      if (intl) return intl;
    }
    if (!nanp) return matchGeneric(text, groups, i);
    return matchNanp(text, groups, i);
  }

  /** Non-NANP regions: the longest run of groups (7-15 digits) libphonenumber accepts. */
  function matchGeneric(text: string, groups: Group[], i: number): Hit | undefined {
    let j = i;
    let digits = 0;
    for (; j < groups.length; j++) {
      const gj = groups[j] as Group;
      digits += gj.end - gj.start;
      if (digits > 15) break;
      if (j + 1 < groups.length && (groups[j + 1] as Group).start - gj.end > 2) {
        j++;
        break;
      }
    }
    for (let last = Math.min(j, groups.length) - 1; last >= i; last--) {
      let d = 0;
      for (let k = i; k <= last; k++) d += (groups[k] as Group).end - (groups[k] as Group).start;
      if (d < 7 || d > 15) continue;
      const start = (groups[i] as Group).start;
      const end = (groups[last] as Group).end;
      if (isValidNational(text, start, end)) {
        return { start: openParenStart(text, start), end, score: last > i ? PHONE_SCORES.strong : PHONE_SCORES.weak, last };
      }
    }
    return undefined;
  }

  function matchNanp(text: string, groups: Group[], i: number): Hit | undefined {
    const n = groups.length;
    const gi = groups[i] as Group;
    // A leading trunk "1" (1-800-555-0199, 1 (617) 555-0123).
    let k = i;
    if (glen(groups, i) === 1 && text.charCodeAt(gi.start) === 49 && i + 3 < n && goodSep(sepOf(text, groups, i)) && glen(groups, i + 1) === 3) k = i + 1;
    const start = k === i ? openParenStart(text, (groups[k] as Group).start) : gi.start;
    // Joined to a previous group by something other than whitespace: part of a longer token.
    if (i > 0 && !blankSep(text, groups, i - 1)) return undefined;

    // 3-3-4
    if (glen(groups, k) === 3 && glen(groups, k + 1) === 3 && glen(groups, k + 2) === 4) {
      const s1 = sepOf(text, groups, k);
      const s2 = sepOf(text, groups, k + 1);
      if (goodSep(s1) && goodSep(s2) && slashesAgree(s1, s2) && !continuesAfter(text, groups, k + 2)) {
        const end = (groups[k + 2] as Group).end;
        const valid = isValidNational(text, (groups[k] as Group).start, end);
        const blank = isBlank(s1) && isBlank(s2);
        const cue = nearestCue(text, start);
        const cued = cue === 'phone' || cue === 'pager' || cue === 'fax';
        if (blank && !valid && !cued) return undefined;
        const score = cued ? PHONE_SCORES.strong : blank ? PHONE_SCORES.weak : valid ? PHONE_SCORES.strong : PHONE_SCORES.shapeOnly;
        return { start, end, score, last: k + 2 };
      }
    }
    // Two groups totalling 10 digits: 202 2671093, (240444-1243).
    if (glen(groups, k) >= 3 && glen(groups, k) + glen(groups, k + 1) === 10 && k + 1 < n && goodSep(sepOf(text, groups, k)) && !sepOf(text, groups, k).includes('/') && !continuesAfter(text, groups, k + 1)) {
      const end = (groups[k + 1] as Group).end;
      if (isValidNational(text, (groups[k] as Group).start, end)) {
        const cue = nearestCue(text, start);
        if (cue === 'phone' || cue === 'fax' || cue === 'pager') return { start, end, score: PHONE_SCORES.cued, last: k + 1 };
        if (glen(groups, k) === 3 || isWrapped(text, start, end)) return { start, end, score: PHONE_SCORES.weak, last: k + 1 };
      }
    }
    // Typos nurses make: 3 groups of 3-3-5 / 3-4-4 digits (one too many), wrapped in parentheses
    // or next to a phone cue: (301 273 45166). No validity check is possible; the shape and the
    // wrapping are the evidence.
    if (glen(groups, k) === 3 && k + 2 < n && glen(groups, k) + glen(groups, k + 1) + glen(groups, k + 2) === 11 && glen(groups, k + 1) >= 3 && glen(groups, k + 2) >= 4) {
      const s1 = sepOf(text, groups, k);
      const s2 = sepOf(text, groups, k + 1);
      const end = (groups[k + 2] as Group).end;
      if (goodSep(s1) && goodSep(s2) && !s1.includes('/') && !s2.includes('/') && !continuesAfter(text, groups, k + 2) && text.charCodeAt((groups[k] as Group).start) >= 50) {
        const cue = nearestCue(text, start);
        if (cue === 'phone' || cue === 'fax' || cue === 'pager' || isWrapped(text, start, end)) return { start, end, score: PHONE_SCORES.weak, last: k + 2 };
      }
    }
    // Bare 10 digits (or 1 + 10): valid numbers only; weak without a phone cue (CSV cells and
    // HL7 fields have their header far away). An identifier cue before it still wins.
    if ((glen(groups, k) === 10 || (glen(groups, k) === 11 && text.charCodeAt((groups[k] as Group).start) === 49)) && !continuesAfter(text, groups, k)) {
      const end = (groups[k] as Group).end;
      if (isValidNational(text, (groups[k] as Group).start, end)) {
        const cue = nearestCue(text, start);
        const cued = cue === 'phone' || cue === 'fax' || cue === 'pager';
        return { start, end, score: cued ? PHONE_SCORES.cued : PHONE_SCORES.bare, last: k };
      }
    }
    if (!shortNumbers || k !== i) return undefined;
    // No area code: 555-0123 / 5550123, only next to a phone cue. Exchanges start with 2-9.
    if (glen(groups, i) === 3 && glen(groups, i + 1) === 4 && /^[ .-]$/.test(sepOf(text, groups, i)) && text.charCodeAt(gi.start) >= 50 && !continuesAfter(text, groups, i + 1)) {
      const cue = nearestCue(text, start);
      if (cue === 'phone' || cue === 'pager' || cue === 'fax') return { start, end: (groups[i + 1] as Group).end, score: PHONE_SCORES.cued, last: i + 1 };
    }
    // ... or alone in a delimited cell (TSV, CSV, HL7 field) whose header is far away: weak.
    if (glen(groups, i) === 3 && glen(groups, i + 1) === 4 && sepOf(text, groups, i) === '-' && text.charCodeAt(gi.start) >= 50) {
      const end = (groups[i + 1] as Group).end;
      if (isCellEdge(codeAt(text, start - 1)) && isCellEdge(codeAt(text, end))) return { start, end, score: PHONE_SCORES.cell, last: i + 1 };
    }
    // The shapes left end at this group; when a letter other than x or e (an extension) follows
    // it ("1500cc", "1200U", "100mg"), emit() drops their hit and scanGroups goes on with the
    // next group either way, so they need no cue search.
    const after = codeAt(text, gi.end);
    if (isAsciiLetter(after) && (after | 32) !== 120 && (after | 32) !== 101) return undefined;
    if (glen(groups, i) === 7 && text.charCodeAt(gi.start) >= 50 && !continuesAfter(text, groups, i)) {
      const cue = nearestCue(text, start);
      if (cue === 'phone' || cue === 'pager' || cue === 'fax') return { start, end: gi.end, score: PHONE_SCORES.cued, last: i };
    }
    // Hospital pagers and extensions written with their exchange digit: "pgr 4-5521",
    // "ext 4-5521", "x4-5521" (1-2 digits, a hyphen, 4 digits, after a pager or extension cue).
    if (glen(groups, i) <= 2 && i + 1 < groups.length && glen(groups, i + 1) === 4 && sepOf(text, groups, i) === '-' && !continuesAfter(text, groups, i + 1)) {
      const end = (groups[i + 1] as Group).end;
      if (mayBePager(text, start) && nearestCue(text, start) === 'pager') return { start, end, score: PHONE_SCORES.cued, last: i + 1 };
      const x = extensionStart(text, gi.start);
      // Not a dose range after a multiplier ("x2-1000 mg").
      if (x >= 0 && !numberBefore(text, x) && !DOSE_UNIT_AFTER.test(text.slice(end, end + 8)) && nearestCue(text, x) !== 'block') {
        return { start, end, score: PHONE_SCORES.cued, last: i + 1 };
      }
    }
    // Pager numbers: 4-6 digits right after a pager cue.
    if (glen(groups, i) >= 4 && glen(groups, i) <= 6 && !continuesAfter(text, groups, i)) {
      if (mayBePager(text, start) && nearestCue(text, start) === 'pager') return { start, end: gi.end, score: PHONE_SCORES.cued, last: i };
    }
    // An extension on its own ("Dr. Kowalski x14903", "ext. 4521"): 3-6 digits right after x/ext.
    if (glen(groups, i) >= 3 && glen(groups, i) <= 6 && !continuesAfter(text, groups, i)) {
      const x = extensionStart(text, gi.start);
      // Not "14 x700" (a vent setting: 3-4 digits after a number) nor "lot X52511" (an
      // identifier cue before the x).
      const afterNumber = x >= 0 && numberBefore(text, x);
      if (x >= 0 && (!afterNumber || glen(groups, i) >= 5) && nearestCue(text, x) !== 'block') {
        return { start, end: gi.end, score: PHONE_SCORES.cued, last: i };
      }
    }
    return undefined;
  }
}

/**
 * A digit ends the few characters before the extension marker at `x` >= 0 (spaces aside): "14
 * x700" is a vent setting. (x < 0 would make slice(0, -1) the whole text: quadratic.)
 */
function numberBefore(text: string, x: number): boolean {
  return /\d[ \t]*$/.test(text.slice(Math.max(0, x - 4), x));
}

/** A dose or volume unit right after a number ("1000 mg", "500ml"). */
const DOSE_UNIT_AFTER = /^[ \t]?(?:mg|mcg|ml|cc|units?|u|g|kg|mmol|meq|l|iu)(?![a-z])/i;

/** True when the number sits inside parentheses: (240444-1243). */
function isWrapped(text: string, start: number, end: number): boolean {
  const open = text.charCodeAt(start) === 40 || (start > 0 && text.charCodeAt(start - 1) === 40);
  return open && end < text.length && text.charCodeAt(end) === 41;
}

/** Include an opening parenthesis right before an area code: (617) 555-0123. */
function openParenStart(text: string, start: number): number {
  return start > 0 && text.charCodeAt(start - 1) === 40 ? start - 1 : start;
}

/**
 * `text.charCodeAt(i)`, NaN outside the text, without reading outside it: V8 deoptimizes a
 * charCodeAt call site the first time it reads out of range and calls the builtin there ever
 * after, which made every read in the run loops several times slower once some text ended in a
 * digit.
 */
function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : NaN;
}

/** Tab, comma, pipe, CR/LF: the edges of a table cell or HL7 field (NaN: text edge). */
function isCellEdge(c: number): boolean {
  return c === 9 || c === 44 || c === 124 || c === 10 || c === 13 || Number.isNaN(c);
}

function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

/** Cue words that only qualify the cue before them ("fax no.", "Pager #"). */
const MODIFIER_CUES: ReadonlySet<string> = new Set(['#', 'no.', 'no', 'number', 'num', 'nbr']);

function isBlank(sep: string): boolean {
  for (let i = 0; i < sep.length; i++) {
    const c = sep.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Separators people put inside phone numbers: `-`, `.`, ` `, `/`, `) `, `- `, `---`. */
function goodSep(sep: string): boolean {
  if (sep.length === 0 || sep.length > 3) return false;
  if (sep.includes('(') && !/^ ?\($/.test(sep)) return false;
  // Two different punctuation marks (". -", "/-") are not how numbers are written.
  let punct = -1;
  for (let i = 0; i < sep.length; i++) {
    const c = sep.charCodeAt(i);
    if (c === 32 || c === 9 || c === 41 /* ) */ || c === 40) continue;
    if (punct !== -1 && punct !== c) return false;
    punct = c;
  }
  return true;
}

/** `/` only as in 201/324/1423 (both separators); 3/14/2021-like mixes are dates or ratios. */
function slashesAgree(a: string, b: string): boolean {
  // 201/324/1423, or the area code set off by a slash: 503/459-1537.
  return a.includes('/') === b.includes('/') || (a === '/' && b === '-');
}

// `x4521` (no space: "x 10" is a count), or `ext`/`ext.`/`extension` with an optional space.
const EXTENSION_BEFORE_RE = /(?:^|[^A-Za-z0-9])(x|(?:ext|extn|extension)\.?[ \t]?[#:]?[ \t]?)$/i;

/**
 * Second gate for EXTENSION_BEFORE_RE's `ext` forms: after at most 4 characters of its optional
 * tail (`.`, space, tab, `#`, `:`), the text must end in `ext`, `extn` or `...ion`, either case.
 * "at 2014", "pain 1400" stop here instead of running the regex.
 */
function endsLikeExt(text: string, start: number): boolean {
  let k = start - 1;
  for (let n = 0; n < 4 && k >= 0; n++, k--) {
    const c = text.charCodeAt(k);
    if (c !== 46 && c !== 32 && c !== 9 && c !== 35 && c !== 58) break;
  }
  if (k < 2) return false;
  const c0 = text.charCodeAt(k) | 0x20;
  const c1 = text.charCodeAt(k - 1) | 0x20;
  const c2 = text.charCodeAt(k - 2) | 0x20;
  if (c0 === 0x74) return c1 === 0x78 && c2 === 0x65; // ext
  if (c0 === 0x6e) return (c1 === 0x74 && c2 === 0x78) || (c1 === 0x6f && c2 === 0x69); // extn, extension
  return false;
}

/** Offset of the `x`/`ext` standing right before `start`, or -1. */
function extensionStart(text: string, start: number): number {
  // Cheap gate: an extension marker ends in x, t, n, '.', ':', '#' or a space.
  const c = start > 0 ? text.charCodeAt(start - 1) | 0x20 : 0;
  if (c !== 0x78 && c !== 0x74 && c !== 0x6e && c !== 0x2e && c !== 0x3a && c !== 0x23 && c !== 0x20 && c !== 0x29) return -1;
  if (c !== 0x78 && !endsLikeExt(text, start)) return -1;
  const m = EXTENSION_BEFORE_RE.exec(text.slice(Math.max(0, start - 14), start));
  return m === null ? -1 : start - (m[1] as string).length;
}

/**
 * The separator after group `k` is spaces and tabs only, a `(` at its end aside ("\t(" before
 * "(904)816-0192" is a cell edge). Reads the text in place (no slice).
 */
function blankSep(text: string, groups: Group[], k: number): boolean {
  const s = (groups[k] as Group).end;
  let e = (groups[k + 1] as Group).start;
  if (e - s > 1 && text.charCodeAt(e - 1) === 40) e--;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Digits in group `k` (0 past the end). */
function glen(groups: Group[], k: number): number {
  const g = groups[k];
  return g === undefined ? 0 : g.end - g.start;
}

/** The separator between groups `k` and `k + 1`. */
function sepOf(text: string, groups: Group[], k: number): string {
  return text.slice((groups[k] as Group).end, (groups[k + 1] as Group).start);
}

/**
 * True when group `k` is followed by another group joined by punctuation with no space
 * (617-555-0123-45: a longer id). "617-555-0123. 72 y/o" is a sentence going on, not a join.
 */
function continuesAfter(text: string, groups: Group[], k: number): boolean {
  if (k + 1 >= groups.length) return false;
  // Punctuation with no whitespace in it joins two groups into one token (no slice needed).
  for (let i = (groups[k] as Group).end, e = (groups[k + 1] as Group).start; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) return false;
  }
  return true;
}

function createDetectorObject(detect: (text: string, ctx: DetectContext) => Entity[]): Detector {
  return Object.freeze({ id: 'phone', types: Object.freeze(['PHONE', 'FAX'] as EntityType[]), detect });
}

/** Registered in builtins.ts under the id 'phone'. */
export const phoneDetectorFactory: DetectorFactory = {
  id: 'phone',
  description: 'Phone, fax and pager numbers (libphonenumber-js behind a fast digit-run prefilter; fax by cue)',
  available: () => true,
  create: (options: unknown) => createPhoneDetector((options ?? {}) as PhoneDetectorOptions),
};

/**
 * Every regex the detector runs on V8, with the default cue lists: the ReDoS test checks each
 * one (test/detectors/phone.redos.test.ts).
 */
export function phoneBuiltinRegexes(): { name: string; regex: RegExp }[] {
  const lists = { phone: DEFAULT_PHONE_CUES, pager: DEFAULT_PAGER_CUES, fax: DEFAULT_FAX_CUES, block: DEFAULT_BLOCK_CUES };
  return [
    { name: 'candidate', regex: PHONE_CANDIDATE_RE },
    { name: 'NANP candidate', regex: NANP_CANDIDATE_RE },
    { name: 'extension after', regex: EXTENSION_RE },
    { name: 'extension before', regex: EXTENSION_BEFORE_RE },
    { name: 'cues', regex: compileCues(lists) },
    { name: 'pager gate', regex: compileCueGate(DEFAULT_PAGER_CUES) },
    { name: 'dose unit after', regex: DOSE_UNIT_AFTER },
  ];
}
