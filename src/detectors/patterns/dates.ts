/**
 * Dates as clinicians and nurses write them: 03/14/2021, 3/14, 3/14/21, 3-24-17, 2021-03-14,
 * 14-Mar-2021, 14 Mar 2021, March 14, 2021, Mar 14th, July 2nd, nov. 2016, 8/87 (month/year),
 * HL7 compact 20210314[1430[00]], times attached ("03/14/2021 14:30"), "'92" and "74'" years,
 * "on the 22nd", a full month name alone in a date context ("in September") and a year alone
 * after a year cue ("since 2011", "CABG 1962, 1979") -- this last one can be turned off.
 *
 * Not dates: blood pressures (120/80: no month 120), ratios and scores (8/10 pain, 5/5 strength,
 * 2/6 murmur, PS 10/5), fractions with a unit (1/2 tab, 1 1/2 NS), ranges with units (2-3 L),
 * versions (v2.1.3: a letter-led token), lab values with decimals (7.39/43), times alone.
 */
import {
  CUE,
  KW_AMBIGUOUS_MONTH,
  KW_THE,
  KW_UNIT,
  isDigit,
  isLetter,
  isLower,
  isUpper,
  readNumbers,
  stickyEnd,
  sticky,
  type PatternSpec,
  type Scan,
} from './shared.js';

export const KW_MEASURE = 4096; // a word that makes x/y a score or setting (pain, strength, PEEP)

const MONTHS =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// A time written with a date belongs to the date: "03/14/2021 14:30", "12/31 2:17am",
// "21-feb-2021 at 0644", "20221020 @ 8:14AM". A bare four-digit time only after "at"/"@".
const CLOCK = '(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?: ?[AaPp]\\.?[Mm]\\.?)?(?: [+-](?:0\\d|1[0-4])[0-5]\\d)?(?![\\d:])';
const MILITARY = '(?:[01]\\d|2[0-3])[0-5]\\d(?: ?h(?:rs)?)?(?![\\d:\\/-]|\\.\\d)';
const TIME = `(?:,? ?(?:(?:at|AT|@) ?)?${CLOCK}|,? ?(?:at|AT|@) ?${MILITARY})?`;
const TIME_FULL = `(?:,? ?(?:(?:at|AT|@) ?)?${CLOCK}|,? ?(?:(?:at|AT|@) ?)?${MILITARY})?`;
const ISO_TIME = `(?:[Tt](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:[Zz]|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?(?![\\d:])|${TIME_FULL})`;

function spec(name: string, regex: RegExp, score: number, cuedScore: number, description: string, requiresContext = false, context: PatternSpec['context'] = ['date']): PatternSpec {
  return { name, family: 'dates', type: 'DATE', regex, score, cuedScore, context, requiresContext, description };
}

export const DATE_PATTERNS = {
  mdy: spec('date-mdy', sticky(`\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})(?![\\dA-Za-z%]|[/.-]\\d)${TIME_FULL}`), 0.9, 0.95, 'm/d/yy(yy), m-d-yy, d.m.yyyy with an optional time; month and day validated'),
  ymd: spec('date-ymd', sticky(`(?:19|20)\\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:[12]\\d|3[01]|0?[1-9])(?!\\d)${ISO_TIME}`), 0.95, 1, 'ISO 8601 2021-03-14 and 2021/03/14, with an optional time and zone'),
  md: spec('date-md', sticky(`\\d{1,2}\\/\\d{1,2}(?!\\d|\\/\\d|\\.\\d|%)${TIME_FULL}`), 0.75, 0.9, 'm/d (3/14, 7/22): valid month and day; not a score, setting or fraction with a unit'),
  mdHyphen: spec('date-md-hyphen', sticky('\\d{1,2}-\\d{1,2}(?!\\d|-\\d|\\.\\d|%|\\/)'), 0.6, 0.7, 'm-d (7-22): only after a date cue and not before a unit', true),
  my: spec('date-my', sticky(`(?:0?[1-9]|1[0-2])\\/(?:19\\d{2}|20\\d{2}|\\d{2})(?!\\d|\\/\\d|\\.\\d|%)${TIME_FULL}`), 0.7, 0.85, 'month/year (8/87, 12/2019)'),
  dmyName: spec('date-dmy-name', sticky(`\\d{1,2}(?:st|nd|rd|th)?(?: of |[ -]|)${MONTHS}\\.?(?![a-z])(?:(?:, ?| |-|)(?:\\d{4}|'?\\d{2})(?![\\d:]))?${TIME_FULL}`, 'i'), 0.9, 0.95, 'day month [year]: 14-Mar-2021, 14 Mar 2021, 20th Oct, 1989'),
  mdyName: spec('date-mdy-name', sticky(`${MONTHS}(?:\\.? ?|-)\\d{1,2}(?:st|nd|rd|th)?(?![\\d:\\/]|\\.\\d)(?:(?:, ?| |-)(?:\\d{4}|'\\d{2})(?![\\d:]))?${TIME_FULL}`, 'i'), 0.9, 0.95, 'month day [year]: March 14, 2021, Mar 14th, July 2nd'),
  monthYear: spec('date-month-year', sticky(`${MONTHS}(?:\\.?,? ?(?:of )?|-)(?:19|20)\\d{2}(?!\\d)${TIME_FULL}`, 'i'), 0.85, 0.9, 'month year: nov. 2016, March 2021'),
  monthAlone: spec('date-month-alone', sticky('(?:january|february|march|april|june|july|august|september|october|november|december|sept)\\.?(?![a-z])', 'i'), 0.6, 0.7, 'a full month name alone, only right after a date or year cue ("in September")', true, ['date', 'year']),
  hl7: spec('date-hl7', sticky(`(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(?:(?:[01]\\d|2[0-3])[0-5]\\d(?:[0-5]\\d)?)?(?!\\d)${TIME_FULL}`), 0.6, 0.9, 'HL7 compact yyyymmdd[hhmm[ss]] with a valid month and day'),
  year: spec('date-year', sticky('(?:19[2-9]\\d|20[0-4]\\d)(?![\\d:%]|[./-]\\d)'), 0.6, 0.6, 'a year alone (1920-2049) right after a year cue or another year ("CABG 1962, 1979")', true, ['year']),
  aposYear: spec('date-apos-year', sticky('\\d{2}(?![\\d\'"])'), 0.7, 0.8, "a two-digit year after an apostrophe ('92); the span is the digits"),
  yearApos: spec('date-year-apos', sticky('\\d{2}(?=\'(?![\\d"sS]))'), 0.65, 0.8, "a two-digit year before an apostrophe (CVA 74'); not 80's"),
  ordinal: spec('date-ordinal', sticky('\\d{1,2}(?:st|nd|rd|th)(?![a-z0-9])', 'i'), 0.6, 0.7, 'a day as an ordinal after "the" ("on the 22nd"), not before a noun', true),
} as const;

const SRC = 'patterns/dates';
const MAX_YEAR = new Date().getUTCFullYear() + 1;
const buf = new Int32Array(12);

function validMD(m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function validYear(v: number, len: number): boolean {
  return len === 2 || (len === 4 && v >= 1900 && v <= 2099);
}

/** x/y that reads as a score, a setting or a fraction with a unit, not a date. */
function looksLikeMeasure(s: Scan, start: number, end: number, m: number, d: number): boolean {
  if (s.prevWordFlags(start, 3) & KW_MEASURE) return true;
  // x/10 is a score ("6/10 cp", "rating 3/10") unless a date cue or another date is right before.
  if (d === 10 && m <= 10 && !s.cued(CUE.date, start, 6) && start - s.lastDateEnd > 6) return true;
  // Small fractions: "upper 1/3 of", "at 1/2 rate", "~3/4 of time", "q 1/2-1 hrs".
  if (m < d && d <= 4) {
    const after = s.text.slice(end, Math.min(s.n, end + 6)).toLowerCase();
    if (/^\s*(?:of|rate|up|way|-|hr|hour)/.test(after)) return true;
    const before = s.text.slice(Math.max(0, start - 7), start).toLowerCase();
    if (/(?:upper|lower|\bq|~|\bat) ?$/.test(before)) return true;
  }
  // "8/10 incisional pain", "pain is 6/10": a score out of ten near the word pain.
  if (d === 10 && m <= 10) {
    const around = s.text.slice(Math.max(0, start - 24), Math.min(s.n, end + 28)).toLowerCase();
    if (around.includes('pain') || around.includes('scale') || around.includes('score') || around.includes('angina')) return true;
  }
  // Ventilator settings ("PSV 10/5", "CPAP 40%/5/5", "weaned to 5/5"): pressure support over
  // PEEP, both small, in a sentence about the ventilator.
  if (d <= 10 && m <= 20) {
    const before = s.text.slice(Math.max(0, start - 22), start).toLowerCase();
    if (VENT_RE.test(before)) return true;
    const after = s.text.slice(end, Math.min(s.n, end + 8)).toLowerCase();
    if (after.includes('peep') || after.includes('%')) return true;
  }
  const next = s.nextWordFlags(end, 2);
  if (next & (KW_MEASURE | KW_UNIT)) return true;
  // "1 1/2": a mixed number (a fraction with a small denominator after a whole number).
  if (s.at(start - 1) === 32 && isDigit(s.at(start - 2)) && m < d && d <= 8) return true;
  return false;
}

/** Full dates only (m/d/y, y-m-d): tried before a pending identifier cue claims the token. */
export function fullDateAt(s: Scan, start: number, end: number): number {
  const t = s.text;
  const len = end - start;
  const re = len === 4 ? DATE_PATTERNS.ymd.regex : len <= 2 ? DATE_PATTERNS.mdy.regex : undefined;
  if (!re) return -1;
  const e = stickyEnd(re, t, start);
  if (e < 0) return -1;
  const k = readNumbers(s.codes, start, e, buf);
  if (k < 3 || buf[5] !== buf[8]) return -1;
  if (len <= 2) {
    const a = buf[0] as number;
    const b = buf[3] as number;
    if (!validYear(buf[6] as number, buf[7] as number) || !(validMD(a, b) || validMD(b, a))) return -1;
  }
  s.emit('DATE', start, e, 0.9, SRC);
  s.lastDateEnd = e;
  return e;
}

/** Date candidates at a token that starts with a digit. Returns the end consumed, or -1. */
export function dateAtDigits(s: Scan, start: number, end: number, allDigits: boolean): number {
  const t = s.text;
  const len = end - start;
  // codes[n] is 0 where s.at(n) is -1: nx is only compared with separators and letters.
  const nx = s.codes[end] as number;
  const cued = s.cued(CUE.date, start);
  if (allDigits) {
    if (len <= 2) {
      if (nx === 47 /* / */ || nx === 45 /* - */ || nx === 46 /* . */) {
        if (isDigit(s.at(end + 1))) {
          let e = secondSeparatorAt(s.codes, end + 1) ? stickyEnd(DATE_PATTERNS.mdy.regex, t, start) : -1;
          if (e > 0) {
            const k = readNumbers(s.codes, start, e, buf);
            const sepOk = buf[5] === buf[8];
            const a = buf[0] as number;
            const b = buf[3] as number;
            if (k >= 3 && sepOk && validYear(buf[6] as number, buf[7] as number) && (validMD(a, b) || validMD(b, a))) {
              if (nx !== 46 || buf[7] === 4) {
                s.emit('DATE', start, e, cued ? 0.95 : 0.9, SRC);
                s.lastDateEnd = e;
                return e;
              }
            }
          }
          if (nx === 47) {
            e = stickyEnd(DATE_PATTERNS.md.regex, t, start);
            if (e > 0) {
              readNumbers(s.codes, start, e, buf);
              const m = buf[0] as number;
              const d = buf[3] as number;
              const mdEnd = start + (buf[1] as number) + 1 + (buf[4] as number);
              if (validMD(m, d) && !looksLikeMeasure(s, start, mdEnd, m, d)) {
                s.emit('DATE', start, e, cued ? 0.9 : 0.75, SRC);
                s.lastDateEnd = e;
                return e;
              }
            }
            e = stickyEnd(DATE_PATTERNS.my.regex, t, start);
            if (e > 0 && readNumbers(s.codes, start, e, buf) >= 2 && !looksLikeMeasure(s, start, start + 1 + (buf[1] as number) + (buf[4] as number), 1, 99)) {
              s.emit('DATE', start, e, cued ? 0.85 : 0.7, SRC);
              s.lastDateEnd = e;
              return e;
            }
          } else if (nx === 45 && s.cued(CUE.date, start, 10)) {
            e = stickyEnd(DATE_PATTERNS.mdHyphen.regex, t, start);
            if (e > 0) {
              readNumbers(s.codes, start, e, buf);
              const m = buf[0] as number;
              const d = buf[3] as number;
              if (validMD(m, d) && d > m && !(d === m + 1 && m <= 4) && !looksLikeMeasure(s, start, e, 99, 1) && !isLetter(s.at(e))) {
                s.emit('DATE', start, e, 0.6, SRC);
                return e;
              }
            }
          }
          return -1;
        }
      }
      if (nx === 32 || nx === 45 || isLetter(nx)) {
        const e = dayMonth(s, start, cued);
        if (e > 0) return e;
      }
      const prev = s.at(start - 1);
      if (len === 2 && prev === 39 /* ' */ && !isDigit(s.at(start - 2)) && nx !== 39 && !isLetter(nx)) {
        const e = stickyEnd(DATE_PATTERNS.aposYear.regex, t, start);
        if (e > 0) {
          s.emit('DATE', start, e, 0.7, SRC);
          s.lastDateEnd = e;
          return e;
        }
      }
      // "MI 88,", "PTCA 77, redo 83", "TIA in 97 and 03": a two-digit year right after a history
      // cue word, at the end of a list item.
      if (len === 2 && s.opts.yearAlone && prev === 32 && s.cued(CUE.year, start, 3) && endsListItem(s, end) && !wordBefore(s, start, 'from')) {
        s.emit('DATE', start, end, 0.6, SRC);
        s.lastDateEnd = end;
        return end;
      }
      if (len === 2 && nx === 39 && !isDigit(prev) && prev !== 39 && s.cued(CUE.year, start, 12)) {
        const e = stickyEnd(DATE_PATTERNS.yearApos.regex, t, start);
        if (e > 0) {
          s.emit('DATE', start, e, 0.65, SRC);
          return e + 1;
        }
      }
      return -1;
    }
    if (len === 4) {
      if (nx === 45 || nx === 47 || nx === 46) {
        const e = stickyEnd(DATE_PATTERNS.ymd.regex, t, start);
        if (e > 0) {
          readNumbers(s.codes, start, e, buf);
          if (buf[5] === buf[8]) {
            s.emit('DATE', start, e, cued ? 1 : 0.95, SRC);
            s.lastDateEnd = e;
            return e;
          }
        }
      }
      if (s.opts.yearAlone && (s.cued(CUE.year, start, 10) || start - s.lastDateEnd <= 6)) {
        const e = stickyEnd(DATE_PATTERNS.year.regex, t, start);
        // A history year is not in the future.
        if (e > 0 && (s.nextWordFlags(e, 2) & KW_UNIT) === 0 && readNumbers(s.codes, start, e, buf) === 1 && (buf[0] as number) <= MAX_YEAR) {
          s.emit('DATE', start, e, 0.6, SRC);
          s.lastDateEnd = e;
          return e;
        }
      }
      return -1;
    }
    if (len === 8 || len === 12 || len === 14) {
      const e = stickyEnd(DATE_PATTERNS.hl7.regex, t, start);
      if (e > 0) {
        s.emit('DATE', start, e, cued ? 0.9 : 0.6, SRC);
        return e;
      }
    }
    return -1;
  }
  // Mixed token: "22nd", "20th" (optionally followed by a month), "14Mar2021".
  if (len <= 16) {
    const e = dayMonth(s, start, cued);
    if (e > 0) return e;
    const d = isDigit(s.codeAt(start + 1)) ? 2 : 1;
    const o = ordinalSuffixAt(s.codes, start + d) ? stickyEnd(DATE_PATTERNS.ordinal.regex, t, start) : -1;
    if (o > 0 && s.prevWordFlags(start, 2) & KW_THE) {
      let p = o;
      while (s.at(p) === 32) p++;
      if (!isLetter(s.at(p))) {
        s.emit('DATE', start, o, 0.6, SRC);
        return o;
      }
    }
  }
  return -1;
}

/** "14 Mar 2021", "14-Mar-2021", "20th Oct, 1989", "22nd of March". */
function dayMonth(s: Scan, start: number, cued: boolean): number {
  const t = s.text;
  if (!monthCanFollow(s.codes, start)) return -1;
  const e = stickyEnd(DATE_PATTERNS.dmyName.regex, t, start);
  if (e < 0) return -1;
  const k = readNumbers(s.codes, start, e, buf);
  const day = buf[0] as number;
  if (day < 1 || day > 31) return -1;
  const ordinal = isLetter(t.charCodeAt(start + (buf[1] as number))) && !startsMonth(t, start + (buf[1] as number));
  const hasYear = k >= 2;
  const sep = t.charCodeAt(start + (buf[1] as number));
  if (!hasYear && !ordinal && sep === 32 && ambiguousMonthAfter(s, start + (buf[1] as number))) {
    // "12 May" / "12 MAY" is a date unless a verb follows ("2 may be", "5 MAY NEED").
    const m = t.charCodeAt(start + (buf[1] as number) + 1);
    if (!isUpper(m) || modalFollows(t, e)) return -1;
  }
  if (!hasYear && s.at(e) === 32 && (s.nextWordFlags(e, 2) & KW_UNIT) !== 0) return -1;
  s.emit('DATE', start, e, cued ? 0.95 : 0.9, SRC);
  s.lastDateEnd = e;
  return e;
}

/**
 * Case-folded three-letter prefixes, packed as three 5-bit letter codes: 1 for the first three
 * letters of every MONTHS alternative (jan, feb, ..., dec).
 */
const MONTH_PREFIX = new Uint8Array(1 << 15);
for (const w of ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']) {
  MONTH_PREFIX[((w.charCodeAt(0) & 31) << 10) | ((w.charCodeAt(1) & 31) << 5) | (w.charCodeAt(2) & 31)] = 1;
}

/**
 * The scan's code units may be read past the text's end (0 or undefined there, NaN for
 * charCodeAt): every test below maps all three to "not a letter / digit".
 */
function monthPrefixAt(c: Uint16Array, i: number): boolean {
  const a = (c[i] as number) | 32;
  const b = (c[i + 1] as number) | 32;
  const d = (c[i + 2] as number) | 32;
  return isLower(a) && isLower(b) && isLower(d) && MONTH_PREFIX[((a & 31) << 10) | ((b & 31) << 5) | (d & 31)] === 1;
}

/** (st|nd|rd|th) at i, case-insensitive. */
function ordinalSuffixAt(c: Uint16Array, i: number): boolean {
  const a = (c[i] as number) | 32;
  const b = (c[i + 1] as number) | 32;
  return (a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104);
}

/**
 * A necessary condition for dmyName at `start`, tested before the regex runs: 1-2 digits, an
 * optional ordinal suffix, then " of ", ' ', '-' or nothing, then the first three letters of a
 * month. Most numbers before a space or a word ("2 mg", "5 days") fail it in a few compares.
 */
function monthCanFollow(c: Uint16Array, start: number): boolean {
  let p = start;
  while (p < start + 3 && isDigit(c[p] as number)) p++;
  if (p === start || p === start + 3) return false;
  for (let k = 0; k < 2; k++) {
    if (monthPrefixAt(c, p)) return true;
    const x = c[p] as number;
    if ((x === 32 || x === 45) && monthPrefixAt(c, p + 1)) return true;
    if (x === 32 && ((c[p + 1] as number) | 32) === 111 && ((c[p + 2] as number) | 32) === 102 && c[p + 3] === 32 && monthPrefixAt(c, p + 4)) return true;
    if (k === 0 && ordinalSuffixAt(c, p)) p += 2;
    else return false;
  }
  return false;
}

/** 1-2 digits at `p`, then '/', '.' or '-' and a digit: what mdy needs after its first separator. */
function secondSeparatorAt(t: Uint16Array, p: number): boolean {
  let q = p;
  while (q < p + 3 && isDigit(t[q] as number)) q++;
  if (q === p || q === p + 3) return false;
  const c = t[q] as number;
  return (c === 47 || c === 46 || c === 45) && isDigit(t[q + 1] as number);
}

/** The word right before `start` (one space between) is `w` (lower case). */
function wordBefore(s: Scan, start: number, w: string): boolean {
  const e = start - 1;
  const b = e - w.length;
  if (b < 0 || isLetter(s.at(b - 1))) return false;
  for (let i = 0; i < w.length; i++) if ((s.text.charCodeAt(b + i) | 32) !== w.charCodeAt(i)) return false;
  return true;
}

/** After `i`: ',', ';', ')', '.' then space/end, end of line, or " and ". */
function endsListItem(s: Scan, i: number): boolean {
  const c = s.at(i);
  if (c === -1 || c === 44 || c === 59 || c === 41 || c === 10 || c === 13) return true;
  if (c === 46) return !isDigit(s.at(i + 1));
  if (c === 32) {
    const a = s.at(i + 1) | 32;
    return a === 97 && (s.at(i + 2) | 32) === 110 && (s.at(i + 3) | 32) === 100 && s.at(i + 4) === 32;
  }
  return false;
}

const MODAL_NEXT = /^\s+(?:be|have|has|need|needs|require|not|also|help|cause|take|give|benefit|use|continue|go|get|try|want|resume|start|stop|return|feel|do|call|come|see|ask|consider)\b/i;

function modalFollows(t: string, e: number): boolean {
  return MODAL_NEXT.test(t.slice(e, e + 14));
}

function startsMonth(t: string, i: number): boolean {
  const c = t.charCodeAt(i) | 32;
  const c2 = t.charCodeAt(i + 1) | 32;
  // st/nd/rd/th are ordinal suffixes; a month starts with j f m a s o n d (never "st", "nd", "rd", "th").
  return !((c === 115 && c2 === 116) || (c === 110 && c2 === 100) || (c === 114 && c2 === 100) || (c === 116 && c2 === 104));
}

/** True when the month word after `i` (skipping separators) is also an ordinary word (may, mar, dec, jan, jun). */
function ambiguousMonthAfter(s: Scan, i: number): boolean {
  let p = i;
  while (p < s.n && !isLetter(s.text.charCodeAt(p))) p++;
  let q = p;
  let h = 0;
  while (q < s.n && isLetter(s.text.charCodeAt(q)) && q - p < 10) h = (Math.imul(h, 31) + (s.text.charCodeAt(q++) | 32)) | 0;
  const kw = s.keyword(p, q, h);
  return kw !== undefined && (kw.flags & KW_AMBIGUOUS_MONTH) !== 0;
}

/** Date candidates at a month word. `flags` are the keyword's flags. */
export function dateAtMonth(s: Scan, start: number, end: number, ambiguous: boolean, full: boolean): number {
  const t = s.text;
  const cued = s.cued(CUE.date, start);
  let e = stickyEnd(DATE_PATTERNS.mdyName.regex, t, start);
  if (e > 0) {
    const k = readNumbers(s.codes, start, e, buf);
    const day = buf[0] as number;
    const ordinal = isLetter(t.charCodeAt(findDigitEnd(t, end, e)));
    const hasYear = k >= 2 && (buf[4] === 4 || buf[5] === 39);
    // Capitalised, followed by a time, or joined by a dash ("Oct-30"), the word is the month.
    const upper = (t.charCodeAt(start) & 0x20) === 0 || k >= 3 || t.charCodeAt(end) === 45;
    if (day >= 1 && day <= 31 && (hasYear || ordinal || !ambiguous || upper || cued) && (hasYear || (s.nextWordFlags(e, 2) & KW_UNIT) === 0)) {
      s.emit('DATE', start, e, cued ? 0.95 : 0.9, SRC);
      s.lastDateEnd = e;
      return e;
    }
  }
  e = stickyEnd(DATE_PATTERNS.monthYear.regex, t, start);
  if (e > 0 && (!ambiguous || (t.charCodeAt(start) & 0x20) === 0 || t.charCodeAt(end) === 45 || cued || s.cued(CUE.year, start, 12))) {
    s.emit('DATE', start, e, 0.85, SRC);
    s.lastDateEnd = e;
    return e;
  }
  if (full && (cued || s.cued(CUE.year, start, 12))) {
    e = stickyEnd(DATE_PATTERNS.monthAlone.regex, t, start);
    if (e > 0 && !equalsMarch(t, start)) {
      s.emit('DATE', start, end, 0.6, SRC);
      return end;
    }
  }
  return -1;
}

function equalsMarch(t: string, start: number): boolean {
  // "march" alone is as often the verb; it needs a day or a year.
  return (t.charCodeAt(start) | 32) === 109 && (t.charCodeAt(start + 1) | 32) === 97 && (t.charCodeAt(start + 2) | 32) === 114;
}

function findDigitEnd(t: string, from: number, to: number): number {
  let i = from;
  while (i < to && !isDigit(t.charCodeAt(i))) i++;
  while (i < to && isDigit(t.charCodeAt(i))) i++;
  return i;
}

/** Substrings that mark a ventilator context for small x/y values. */
export const VENT_WORDS: readonly string[] = [
  'peep', 'psv', 'cpap', 'bipap', 'simv', 'imv', 'vent ', 'vent at', 'vented', 'fio2', 'ps ', 'ps/', 'a/c', ' ac ', '%/',
  '%, &', 'mask ventilation', 'weaned to', 'weaning trial', 'trialed on', 'remained on', 'changed to', 'changed over to',
  'decreased to', 'down to', 'settings', 'pressure support', 'acceptable on',
];

/**
 * Some VENT_WORDS occurs in a string: one native search instead of one includes() per word (a
 * plain literal alternation matches exactly where some word occurs; no flags, no backtracking).
 */
const VENT_RE = new RegExp(VENT_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));

/** Words that turn x/y into a score or setting, and their flag. */
export const MEASURE_WORDS: readonly string[] = [
  'pain', 'strength', 'murmur', 'sem', 'hsm', 'ps', 'peep', 'cpap', 'bipap', 'epap', 'ipap', 'grade', 'gcs', 'apgar',
  'ratio', 'motor', 'power', 'scale', 'bp', 'abp', 'nbp', 'nibp', 'sbp', 'dbp', 'map', 'cuff', 'pressure', 'pressures',
  'art', 'aline', 'pap', 'pa', 'cvp', 'rv', 'ie', 'abg', 'vbg', 'vent', 'settings', 'sats', 'vitals', 'pulses',
  'pulse', 'reflexes', 'dtr', 'dtrs', 'edema', 'score', 'rated', 'rates', 'mmhg', 'cmh2o', 'wedge', 'pcwp', 'svr', 'co',
  'ci', 'x', 'bs', 'tv', 'vt', 'rr', 'hr', 'fio2', 'spo2', 'sao2', 'level', 'grip', 'exp', 'expires',
  'expiry', 'expiration', 'expiring', 'valid', 'thru', 'through', 'good', 'ciwa', 'rass', 'cam', 'nihss', 'mmse', 'moca',
  'phq', 'gad', 'audit', 'braden', 'morse', 'ef', 'lvef', 'o2', 'sat', 'ppd', 'fev1', 'fvc', 'psv', 'simv', 'imv', 'prvc',
  'flowby', 'rales', 'crackles', 'up', 'way', 'perrla', 'perl', 'pupils', 'pupil', 'ac', 'mmh2o', 'icp', 'cpp',
];
