import { ConfigError } from '../errors.js';
import type { Operator } from '../types.js';
import { hideParams, rejectUnknownParams } from './params.js';

/**
 * `generalize`: replace a value by the coarser form HIPAA Safe Harbor (45 CFR
 * 164.514(b)(2)(i)) allows to remain, where there is one:
 *
 * - AGE: 90 and over -> `90+` (ages over 89 are aggregated into one category). Ages under 90 are
 *   kept (Safe Harbor permits them). Age words around the number ("age", "years old", "y/o",
 *   "-year-old") are kept; any other text in the span means the whole span becomes `90+` or the
 *   bare number.
 * - ZIP_CODE: 5-digit ZIP or ZIP+4 -> its first three digits (`02139-4307` -> `021`), or `000`
 *   for the restricted prefixes in {@link RESTRICTED_ZIP3}.
 * - DATE: -> the year only (`03/14/2021` -> `2021`), when the value has a year. Years that
 *   indicate an age over 89 (more than 89 years before `referenceYear`) give the tag instead,
 *   since Safe Harbor aggregates those too. A date without a year (`3/14`) gives the tag.
 * - every other type, and anything not parsed: the tag, `[TYPE]`.
 *
 * Safe Harbor needs more than these: geographic units smaller than a state and every other
 * identifier must go too; this operator only covers the three types above.
 */
export interface GeneralizeOptions {
  /**
   * The year "now": two-digit years are read as the latest year not after it (`3/14/21` ->
   * 2021, `3/14/45` -> 1945 when it is 2026), and years more than 89 years before it are
   * suppressed. @default the current UTC year, read when the operator is created
   */
  referenceYear?: number;
}

/**
 * Three-digit ZIP prefixes whose combined population was 20,000 or fewer in the 2000 Census,
 * which Safe Harbor requires to be reported as `000`. Source: HHS Office for Civil Rights,
 * "Guidance Regarding Methods for De-identification of Protected Health Information in
 * Accordance with the HIPAA Privacy Rule" (2012), section on ZIP codes, which lists these 17
 * from 2000 Census ZCTA data (the 2002 rule preamble, 67 FR 53182, 53233-53234, lists the
 * 1990-based ones). HHS has published no newer list; covered entities are expected to use
 * current Census data where available, so callers may extend this set.
 */
export const RESTRICTED_ZIP3: ReadonlySet<string> = Object.freeze(
  new Set(['036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893']),
);

const PARAMS = ['referenceYear'] as const;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

// Every regex below is anchored and made of bounded or disjoint pieces: linear on any input.
const ZIP_RE = /^\s*(\d{3})\d{2}(?:[-\s]?\d{4})?\s*$/;
const AGE_RE = /^(\D{0,20}?)(\d{1,3})(\D{0,20})$/;
const AGE_PREFIX_RE = /^(?:(?:age|aged)[\s:]*)?$/i;
const AGE_SUFFIX_RE = /^(?:[\s-]*(?:years?|yrs?|yo|y\/o|y\.o\.|y)(?:[\s-]*old)?\.?)?\+?$/i;
// HL7 compact: 20210314, optionally with a time (202103141530, 20210314T1530).
const COMPACT_RE = /^\s*(\d{4})(\d{2})(\d{2})(?:T?\d{2,6})?(?![\d])/;
const ISO_RE = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const NUMERIC_RE = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)/;
// 14-Mar-2021, 14 March 2021, 14 Mar 21
const DAY_MONTH_RE = /^\s*(\d{1,2})(?:st|nd|rd|th)?[-\s.]+([A-Za-z]{3,9})\.?[-\s.,]+(\d{4}|\d{2})(?!\d)/;
// March 14, 2021; Mar 2021; March 14th 2021
const MONTH_FIRST_RE = /^\s*([A-Za-z]{3,9})\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})(?!\d)/;

/** The parsing patterns, exported so the ReDoS check in the test suite covers them. */
export const GENERALIZE_PATTERNS: Readonly<Record<string, RegExp>> = Object.freeze({
  ZIP_RE, AGE_RE, AGE_PREFIX_RE, AGE_SUFFIX_RE, COMPACT_RE, ISO_RE, NUMERIC_RE, DAY_MONTH_RE, MONTH_FIRST_RE,
});

export function createGeneralizeOperator(options: GeneralizeOptions = {}, option = 'operator'): Operator {
  rejectUnknownParams(options as Record<string, unknown>, PARAMS, option);
  const referenceYear = options.referenceYear ?? new Date().getUTCFullYear();
  if (typeof referenceYear !== 'number' || !Number.isInteger(referenceYear) || referenceYear < 1900 || referenceYear > 2999) {
    throw new ConfigError(`${option}.referenceYear`, 'an integer year from 1900 to 2999');
  }
  const tag = (type: string) => `[${type}]`;

  function expandYear(y: string): number {
    if (y.length === 4) return Number(y);
    const yy = Number(y);
    const century = Math.floor(referenceYear / 100) * 100;
    return yy <= referenceYear % 100 ? century + yy : century - 100 + yy;
  }

  function yearOf(value: string): number | undefined {
    let m = COMPACT_RE.exec(value);
    if (m && validMonthDay(Number(m[2]), Number(m[3]))) return Number(m[1]);
    m = ISO_RE.exec(value);
    if (m && validMonthDay(Number(m[2]), Number(m[3]))) return Number(m[1]);
    m = NUMERIC_RE.exec(value);
    // US order (month/day) first, then day/month: either way the year is the third field.
    if (m && (validMonthDay(Number(m[1]), Number(m[2])) || validMonthDay(Number(m[2]), Number(m[1])))) return expandYear(m[3] as string);
    m = DAY_MONTH_RE.exec(value);
    if (m && isMonth(m[2] as string) && Number(m[1]) >= 1 && Number(m[1]) <= 31) return expandYear(m[3] as string);
    m = MONTH_FIRST_RE.exec(value);
    if (m && isMonth(m[1] as string) && (m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 31))) return Number(m[3]);
    return undefined;
  }

  function generalizeDate(value: string): string | undefined {
    const year = yearOf(value);
    if (year === undefined || year > referenceYear + 100) return undefined;
    // A year more than 89 years back may reveal an age over 89: Safe Harbor aggregates it.
    if (year < referenceYear - 89) return undefined;
    return String(year);
  }

  function generalizeAge(value: string): string | undefined {
    const m = AGE_RE.exec(value);
    if (!m) return undefined;
    const [, prefix = '', digits = '', suffix = ''] = m;
    const age = Number(digits);
    const shown = age >= 90 ? '90+' : digits;
    if (AGE_PREFIX_RE.test(prefix) && AGE_SUFFIX_RE.test(suffix)) {
      // "92+" or "92 years+" would read as "90++": drop a trailing plus we are replacing.
      return prefix + shown + (age >= 90 ? suffix.replace(/\+$/, '') : suffix);
    }
    return shown;
  }

  function generalizeZip(value: string): string | undefined {
    const m = ZIP_RE.exec(value);
    if (!m) return undefined;
    const zip3 = m[1] as string;
    return RESTRICTED_ZIP3.has(zip3) ? '000' : zip3;
  }

  return hideParams({
    name: 'generalize',
    reversible: false,
    apply: function applyGeneralize(value, ctx) {
      const type = ctx.entity.type;
      let out: string | undefined;
      if (type === 'AGE') out = generalizeAge(value);
      else if (type === 'ZIP_CODE') out = generalizeZip(value);
      else if (type === 'DATE') out = generalizeDate(value);
      return out ?? tag(type);
    },
  });
}

function isMonth(word: string): boolean {
  return MONTHS[word.toLowerCase()] !== undefined;
}

function validMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
