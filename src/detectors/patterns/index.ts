/**
 * The `patterns` detector family: structured identifiers found by vetted, linear-time V8 regexes
 * with checksum hooks and cue words. See shared.ts for why it is one scan with anchored sticky
 * regexes rather than one global regex per pattern.
 *
 * Scan: the text is walked once by char code. Each maximal ASCII alphanumeric token is either
 *   - a token with a digit: offered, in order, to the identifier named by a pending cue
 *     ("MRN:" -> mrn), then to the shape families (ip, dates, ssn, credit card, zip, npi, age,
 *     address, udi, mbi, vin, dea, iban); the first family that reports consumes the text;
 *   - a word: hashed on the fly and looked up in the keyword table (cue words, months, URL
 *     schemes, TLDs, "PO Box", "ninety").
 * and each '@' is offered to the email family. Families whose entity types the caller did not
 * ask for are skipped.
 *
 * Where WebAssembly may be compiled (Node, browsers, Deno), the character walk runs natively
 * (tokens.ts) and lists only the tokens with something to do (about 150 of 640 on a 4 KB note);
 * scanTokens() takes the same steps as walk() for them and hands over to walk() where the list
 * is not enough. Elsewhere (Cloudflare workerd forbids runtime compilation) walk() reads every
 * character. Both give the same entities (test/detectors/patterns/tokens.test.ts).
 */
import { ConfigError } from '../../errors.js';
import type { DetectContext, Detector, Entity, EntityType } from '../../types.js';
import type { DetectorFactory } from '../registry.js';
import { ACCOUNT_PATTERNS, accountAt, routingAt } from './account.js';
import { ADDRESS_PATTERNS, addressAt, poBoxAt } from './address.js';
import { AGE_PATTERNS, ageAtDigits, ageAtWord } from './age.js';
import { CREDIT_CARD_PATTERNS, creditCardAt } from './credit-card.js';
import { DEFAULT_CUE_WORDS } from './cues.js';
import { DATE_PATTERNS, dateAtDigits, dateAtMonth, fullDateAt } from './dates.js';
import { BIOMETRIC_PATTERNS, biometricAt } from './biometric.js';
import { DEVICE_PATTERNS, deviceAt, macAt, udiAt } from './device.js';
import { EMAIL_PATTERNS, emailAt } from './email.js';
import { HEALTH_PLAN_PATTERNS, healthPlanAt, mbiAt } from './health-plan.js';
import { IBAN_PATTERNS, ibanAt } from './iban.js';
import { IP_PATTERNS, ipAt } from './ip.js';
import { buildKeywordTable } from './keywords.js';
import { CODES_AT, Tokenizer } from './tokens.js';
import { LICENSE_PATTERNS, deaAt, licenseAt } from './license.js';
import { MRN_PATTERNS, mrnAt } from './mrn.js';
import { NPI_PATTERNS, npiAt } from './npi.js';
import { OTHER_ID_PATTERNS, otherIdAt, uuidAt } from './other-id.js';
import {
  CUE,
  CUE_NAMES,
  ID_CUE_MASK,
  KW_AGE_WORD,
  KW_AMBIGUOUS_MONTH,
  KW_GENERIC_LABEL,
  KW_NOT_ID_LABEL,
  KW_MONTH,
  KW_MONTH_FULL,
  KW_NEEDS_MARK,
  KW_POBOX,
  KW_TLD,
  KW_URL,
  KeywordIndex,
  Scan,
  hashCodes,
  isAlnum,
  packLower,
  isDigit,
  isLetter,
  isUpper,
  type CueName,
  type Keyword,
  type PatternSpec,
  type ScanOptions,
} from './shared.js';
import { SSN_PATTERNS, ssnAt } from './ssn.js';
import { STRUCTURED_PATTERNS, hl7Pass, tablePass } from './structured.js';
import { URL_PATTERNS, urlAtScheme, urlAtTld } from './url.js';
import { VEHICLE_PATTERNS, plateAt, vinAt } from './vehicle.js';
import { ZIP_PATTERNS, postalAt, zipAfterState, zipAt } from './zip.js';

export type { PatternSpec, CueName } from './shared.js';
export { DEFAULT_CUE_WORDS } from './cues.js';

/** Every built-in pattern, as readable data (name, family, type, regex, scores, cue kinds). */
export const DEFAULT_PATTERNS: readonly PatternSpec[] = Object.freeze([
  ...Object.values(DATE_PATTERNS),
  ...Object.values(AGE_PATTERNS),
  ...Object.values(EMAIL_PATTERNS),
  ...Object.values(URL_PATTERNS),
  ...Object.values(IP_PATTERNS),
  ...Object.values(ZIP_PATTERNS),
  ...Object.values(ADDRESS_PATTERNS),
  ...Object.values(SSN_PATTERNS),
  ...Object.values(MRN_PATTERNS),
  ...Object.values(HEALTH_PLAN_PATTERNS),
  ...Object.values(ACCOUNT_PATTERNS),
  ...Object.values(LICENSE_PATTERNS),
  ...Object.values(VEHICLE_PATTERNS),
  ...Object.values(DEVICE_PATTERNS),
  ...Object.values(CREDIT_CARD_PATTERNS),
  ...Object.values(NPI_PATTERNS),
  ...Object.values(IBAN_PATTERNS),
  ...Object.values(OTHER_ID_PATTERNS),
  ...Object.values(BIOMETRIC_PATTERNS),
  ...Object.values(STRUCTURED_PATTERNS),
]);

/** Family names, in the order they are tried, and the entity types each can report. */
export const PATTERN_FAMILIES: Readonly<Record<string, readonly EntityType[]>> = {
  ip: ['IP_ADDRESS'],
  dates: ['DATE'],
  ssn: ['SSN'],
  'credit-card': ['CREDIT_CARD'],
  zip: ['ZIP_CODE'],
  npi: ['NPI'],
  age: ['AGE'],
  address: ['LOCATION'],
  device: ['DEVICE_ID'],
  'health-plan': ['HEALTH_PLAN_ID'],
  vehicle: ['VEHICLE_ID'],
  license: ['LICENSE_NUMBER'],
  iban: ['IBAN'],
  email: ['EMAIL'],
  url: ['URL'],
  mrn: ['MRN'],
  account: ['ACCOUNT_NUMBER'],
  'other-id': ['OTHER_ID'],
  biometric: ['BIOMETRIC_ID'],
  structured: ['MRN', 'SSN', 'ZIP_CODE', 'ACCOUNT_NUMBER', 'HEALTH_PLAN_ID', 'NPI', 'DATE', 'LICENSE_NUMBER', 'VEHICLE_ID', 'DEVICE_ID', 'OTHER_ID', 'AGE', 'CREDIT_CARD', 'IBAN', 'IP_ADDRESS'],
};

export interface PatternsOptions {
  /** Families to run (keys of PATTERN_FAMILIES). @default all */
  families?: readonly string[];
  /** Extra cue words per cue kind, added to DEFAULT_CUE_WORDS (case-insensitive words or phrases). @default {} */
  cueWords?: Partial<Record<CueName, readonly string[]>>;
  /** Characters allowed between a cue and its identifier. @default 32 */
  window?: number;
  /** Report a year alone after a year cue ("since 2011"); Safe Harbor keeps bare years, some corpora do not. @default true */
  yearAlone?: boolean;
}

const STATE_CHECK: Record<string, true> = { families: true, cueWords: true, window: true, yearAlone: true };

function validate(options: unknown): Required<PatternsOptions> {
  if (options === undefined || options === null) return { families: Object.keys(PATTERN_FAMILIES), cueWords: {}, window: 32, yearAlone: true };
  if (typeof options !== 'object') throw new ConfigError('detectorOptions.patterns', 'an object');
  const o = options as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!STATE_CHECK[k]) throw new ConfigError(`detectorOptions.patterns.${k.slice(0, 40)}`, 'a known option (families, cueWords, window, yearAlone)');
  const families = o.families ?? Object.keys(PATTERN_FAMILIES);
  if (!Array.isArray(families) || families.some((f) => typeof f !== 'string' || !(f in PATTERN_FAMILIES))) {
    throw new ConfigError('detectorOptions.patterns.families', `an array of ${Object.keys(PATTERN_FAMILIES).join(', ')}`);
  }
  const window = o.window ?? 32;
  if (typeof window !== 'number' || !Number.isInteger(window) || window < 0 || window > 200) {
    throw new ConfigError('detectorOptions.patterns.window', 'an integer between 0 and 200');
  }
  const yearAlone = o.yearAlone ?? true;
  if (typeof yearAlone !== 'boolean') throw new ConfigError('detectorOptions.patterns.yearAlone', 'a boolean');
  const cueWords = o.cueWords ?? {};
  if (typeof cueWords !== 'object' || cueWords === null || Array.isArray(cueWords)) {
    throw new ConfigError('detectorOptions.patterns.cueWords', 'an object of cue kind -> string[]');
  }
  for (const [k, v] of Object.entries(cueWords as Record<string, unknown>)) {
    if (!(CUE_NAMES as readonly string[]).includes(k)) throw new ConfigError('detectorOptions.patterns.cueWords', `keys among ${CUE_NAMES.join(', ')}`);
    if (!Array.isArray(v) || v.some((w) => typeof w !== 'string' || !/[a-z]/i.test(w) || w.length > 60)) {
      throw new ConfigError(`detectorOptions.patterns.cueWords.${k}`, 'an array of words or phrases (letters, up to 60 characters)');
    }
  }
  return { families: families as string[], cueWords: cueWords as Partial<Record<CueName, readonly string[]>>, window, yearAlone };
}

interface Enabled {
  ip: boolean; dates: boolean; ssn: boolean; card: boolean; zip: boolean; npi: boolean; age: boolean; address: boolean;
  device: boolean; plan: boolean; vehicle: boolean; license: boolean; iban: boolean; email: boolean; url: boolean;
  mrn: boolean; account: boolean; other: boolean; biometric: boolean; structured: boolean; any: boolean;
}

function enabledFor(families: ReadonlySet<string>, types: ReadonlySet<EntityType>): Enabled {
  const on = (f: string) => families.has(f) && (PATTERN_FAMILIES[f] ?? []).some((t) => types.has(t));
  const e: Enabled = {
    ip: on('ip'), dates: on('dates'), ssn: on('ssn'), card: on('credit-card'), zip: on('zip'), npi: on('npi'), age: on('age'),
    address: on('address'), device: on('device'), plan: on('health-plan'), vehicle: on('vehicle'), license: on('license'),
    iban: on('iban'), email: on('email'), url: on('url'), mrn: on('mrn'), account: on('account'), other: on('other-id'), biometric: on('biometric'),
    structured: on('structured'), any: false,
  };
  e.any = Object.entries(e).some(([k, v]) => k !== 'any' && v);
  return e;
}

/** Identifier named by a pending cue, at a token. */
function cuedIdentifier(s: Scan, kind: number, start: number, end: number, en: Enabled): number {
  switch (kind) {
    case CUE.ssn: return en.ssn ? ssnAt(s, start, end, true) : -1;
    case CUE.mrn: return en.mrn ? mrnAt(s, start) : -1;
    case CUE.healthPlan: return en.plan ? healthPlanAt(s, start) : -1;
    case CUE.account: return en.account ? accountAt(s, start) : -1;
    case CUE.routing: return en.account ? routingAt(s, start) : -1;
    case CUE.license: return en.license ? licenseAt(s, start, end) : -1;
    case CUE.dea: return en.license ? deaAt(s, start, end, true) : -1;
    case CUE.vin: return en.vehicle ? vinAt(s, start, end, true) : -1;
    case CUE.plate: return en.vehicle ? plateAt(s, start, end) : -1;
    case CUE.device: return en.device ? deviceAt(s, start, end) : -1;
    case CUE.zip: return en.zip ? zipAt(s, start, end) : -1;
    case CUE.npi: return en.npi ? npiAt(s, start, end, true) : -1;
    case CUE.card: return en.card ? creditCardAt(s, start, end, true) : -1;
    case CUE.iban: return en.iban ? ibanAt(s, start) : -1;
    case CUE.ip: return en.ip ? ipAt(s, start, end, true) : -1;
    case CUE.other: return en.other ? otherIdAt(s, start, s.pendGeneric ? 5 : 2) : -1;
    case CUE.biometric: return en.biometric ? biometricAt(s, start) : -1;
    default: return -1;
  }
}

/** `allDigits`: the token has no letter (the scan loop already knows). */
function onNumeric(s: Scan, start: number, end: number, en: Enabled, allDigits: boolean): number {
  const t = s.text;
  const codes = s.codes;
  const prev = start > 0 ? (codes[start - 1] as number) : -1;
  // codes[n] is 0 (s.at(n) would give -1): below, nx is only compared with separators.
  const nx = codes[end] as number;
  // Continuation of a number we already passed (the "80" of 120/80, the "39" of 7.39).
  if ((prev === 47 || prev === 46 || prev === 58 || prev === 39) && isDigit(s.at(start - 2))) return -1;
  // The second number of a range ("13-18'", "5-6/3") is not a new date, unless the first was
  // a date ("6/30-7/2").
  if (prev === 45 && isDigit(s.at(start - 2)) && s.lastDateEnd !== start - 1 && (nx === 47 || nx === 39)) return -1;
  if (prev >= 128 && /[\p{L}\p{N}]/u.test(t[start - 1] ?? '')) return -1;
  let cuedKind = -1;
  if (en.iban && !allDigits && end - start >= 4 && isLetter(s.codeAt(start)) && isLetter(s.codeAt(start + 1)) && isDigit(s.codeAt(start + 2)) && isDigit(s.codeAt(start + 3))) {
    const r = ibanAt(s, start);
    if (r > 0) {
      s.pendKind = -1;
      return r;
    }
  }
  if (s.pendKind >= 0 && en.dates && (nx === 47 || nx === 45 || nx === 46) && isDigit(s.at(end + 1)) && allDigits) {
    // A dated cue ("ticket 2020/05/02", "Acct opened 3/4/2020"): a full date is never an id.
    if (nx === 47 || s.pendKind !== CUE.ssn) {
      const r = fullDateAt(s, start, end);
      if (r > 0) return r;
    }
  }
  // hashLabel needs '#' right before `start` or before the spaces / colons there.
  if (s.pendKind < 0 && en.other && (prev === 32 || prev === 58 || prev === 35) && hashLabel(s, start)) {
    s.pendKind = CUE.other;
    s.pendEnd = start;
    s.pendGeneric = true;
  }
  if (s.pendKind >= 0 && !(nx === 47 && allDigits)) {
    const kind = s.pendKind;
    s.pendKind = -1;
    if (start - s.pendEnd <= s.window) {
      cuedKind = kind;
      // A state right before five digits makes them a ZIP whatever cue is pending: the cue word
      // was part of the place ("Red Bank, NJ 07701").
      if (kind !== CUE.zip && en.zip && allDigits && zipAfterState(s, start, end)) {
        const z = zipAt(s, start, end);
        if (z > 0) return z;
      }
      const r = cuedIdentifier(s, kind, start, end, en);
      if (r > 0) return r;
    }
  }
  const len = end - start;
  // A short number before a character that no family reads on from (',', ')', '%', a line
  // end, ...): most numbers of a note. Only an age after an age cue, a year after an
  // apostrophe or a history cue, and a UDI's "(01)" remain possible (see the families below).
  if (allDigits && len <= 3 && nx !== 32 && nx !== 39 && nx !== 45 && nx !== 46 && nx !== 47 && nx !== 58) {
    if (len === 1) return -1;
    if (!s.cued(CUE.age, start, 8) && (len === 3 || (prev !== 39 && prev !== 40 && !(prev === 32 && s.cued(CUE.year, start, 3))))) return -1;
  }
  const first = s.codeAt(start);
  let r = -1;
  if (en.other && len === 8 && nx === 45) {
    r = uuidAt(s, start);
    if (r > 0) return r;
  }
  if (isDigit(first)) {
    if (en.ip && (nx === 46 || nx === 58)) {
      r = ipAt(s, start, end, allDigits);
      if (r > 0) return r;
    }
    if (en.device && nx === 58 && len === 2 && s.at(end + 3) === 58) {
      r = macAt(s, start, end);
      if (r > 0) return r;
    }
    if (en.device && prev === 40 && len === 2) {
      r = udiAt(s, start, end);
      if (r > 0) return r;
    }
    if (en.dates) {
      r = dateAtDigits(s, start, end, allDigits);
      if (r > 0) return r;
    }
    if (allDigits) {
      if (en.ssn && (len === 3 || len === 9)) {
        r = ssnAt(s, start, end, cuedKind === CUE.ssn);
        if (r > 0) return r;
      }
      if (en.card && (len === 4 || (len >= 13 && len <= 19))) {
        r = creditCardAt(s, start, end, cuedKind === CUE.card);
        if (r > 0) return r;
      }
      if (en.zip && len === 5) {
        r = zipAt(s, start, end);
        if (r > 0) return r;
      }
      if (en.npi && len === 10) {
        r = npiAt(s, start, end, false);
        if (r > 0) return r;
      }
    } else {
      if (en.plan && len >= 4 && len <= 11 && first !== 48) {
        r = mbiAt(s, start, false);
        if (r > 0) return r;
      }
      if (en.vehicle && len === 17) {
        r = vinAt(s, start, end, false);
        if (r > 0) return r;
      }
    }
    if (en.age && len <= 6) {
      r = ageAtDigits(s, start, end, allDigits);
      if (r > 0) return r;
    }
    // addressAt's first test, without the call: a capital or a digit after the space.
    if (en.address && nx === 32 && len <= 7 && (isUpper(codes[end + 1] as number) || isDigit(codes[end + 1] as number))) {
      r = addressAt(s, start, end);
      if (r > 0) return r;
    }
    return -1;
  }
  // Letter-led token with a digit: DEA, VIN, IBAN, UK / Canadian postcodes; "v2" and "x3" are
  // versions and counts.
  if (en.zip && (len <= 4 || len === 6) && (nx === 32 || len === 6)) {
    r = postalAt(s, start, end);
    if (r > 0) return r;
  }
  if (en.license && len === 9) {
    r = deaAt(s, start, end, false);
    if (r > 0) return r;
  }
  if (en.vehicle && len === 17) {
    r = vinAt(s, start, end, false);
    if (r > 0) return r;
  }
  if (en.ip && nx === 58 && len <= 4) {
    r = ipAt(s, start, end, false);
    if (r > 0) return r;
  }
  if (en.device && nx === 58 && len === 2) {
    r = macAt(s, start, end);
    if (r > 0) return r;
  }
  return -1;
}

/**
 * "<label> no." where the label is a word that is not a room / bed / extension / pager label.
 * "no" itself only counts with punctuation ("Financial no.", "No:") -- bare "no" is negation.
 */
function genericLabel(s: Scan, start: number): boolean {
  if ((s.codeAt(start) | 32) === 110 && (s.codeAt(start + 1) | 32) === 111 && !isLetter(s.at(start + 2))) {
    const c = s.at(start + 2);
    if (c !== 46 && c !== 58 && c !== 35) return false;
  }
  let p = start;
  while (p > 0 && (s.codeAt(p - 1) === 32 || s.codeAt(p - 1) === 95 || s.codeAt(p - 1) === 45)) p--;
  if (p === start || !isLetter(s.at(p - 1))) return false;
  return (s.prevWordFlags(start, 2) & KW_NOT_ID_LABEL) === 0;
}

/** "<label> #12345" / "<label> #: 12345" right before `start`, with no pending cue. */
function hashLabel(s: Scan, start: number): boolean {
  let p = start;
  while (p > 0 && (s.codeAt(p - 1) === 32 || s.codeAt(p - 1) === 58)) p--;
  if (p === 0 || s.codeAt(p - 1) !== 35 /* # */ || start - p > 3) return false;
  p--;
  while (p > 0 && s.codeAt(p - 1) === 32) p--;
  if (!isLetter(s.at(p - 1))) return false;
  return (s.prevWordFlags(p, 0) & KW_NOT_ID_LABEL) === 0;
}

/**
 * A cue that needs a mark: followed by '#', ':', '.', the words "no"/"number"/"num", or a number
 * of six digits or more.
 */
function hasMark(s: Scan, end: number, strict: boolean): boolean {
  let p = end;
  if (strict) {
    while (s.at(p) === 32) p++;
    return s.at(p) === 35;
  }
  while (s.at(p) === 32) p++;
  const c = s.at(p);
  // '#', ':' and a closing quote ("type": "MR", "value": ...) mark the word as a label.
  if (c === 35 || c === 58 || (c === 34 && p === end)) return true;
  // A long number right after the word is its id ("encounter 987654321", "chart 1234567"):
  // six digits or more, one or two spaces away, are no dose, count or year.
  if (isDigit(c) && p - end <= 2) {
    let q = p;
    while (q < p + 20 && isDigit(s.at(q))) q++;
    if (q - p >= 6 && !isAlnum(s.at(q))) return true;
  }
  if (c === 46) {
    // "ser. cy58938309", "No. 12345": the period marks a label only when an id follows; "Mr.
    // Smith", "reg. insulin" are abbreviations.
    let q = p + 1;
    while (s.at(q) === 32) q++;
    for (let k = q; k < q + 12 && (isAlnum(s.at(k)) || s.at(k) === 45); k++) if (isDigit(s.at(k))) return true;
    return false;
  }
  const a = s.at(p) | 32;
  const b = s.at(p + 1) | 32;
  return a === 110 && (b === 111 || b === 117) || (a === 110 && !isLetter(s.at(p + 1))) || (a === 105 && b === 100 && !isLetter(s.at(p + 2)));
}

/** `kw`: the word's entry in the scan's keyword index (the caller looked it up). */
function onWord(s: Scan, start: number, end: number, kw: Keyword | undefined, en: Enabled): number {
  const len = end - start;
  const setsCue = kw !== undefined && kw.cues !== 0 && ((kw.flags & KW_NEEDS_MARK) === 0 || hasMark(s, end, len === 2 && (s.codeAt(start) | 32) === 105));
  if (!setsCue && s.pendKind >= 0 && start - s.pendEnd <= s.window && !(kw && kw.flags & KW_MONTH)) {
    // An identifier may start with letters right after its cue: "MRN: MR-0012345", "plate ABC 1234".
    const nx = s.at(end);
    if ((nx === 45 || nx === 46) && isAlnum(s.at(end + 1)) || (nx === 32 && s.pendKind === CUE.plate && isDigit(s.at(end + 1)))) {
      const kind = s.pendKind;
      s.pendKind = -1;
      const r = cuedIdentifier(s, kind, start, end, en);
      if (r > 0) return r;
    }
  }
  if (!kw) {
    // IPv6 that starts with hex letters ("fe80::1", "dbee:a5ad:..."), MAC addresses ("AA:...").
    if (s.at(end) === 58 && len <= 4) {
      const r = en.ip ? ipAt(s, start, end, false) : -1;
      if (r > 0 || !en.device || len !== 2) return r;
      return macAt(s, start, end);
    }
    return -1;
  }
  const f = kw.flags;
  if (setsCue) setCues(s, kw.cues, end);
  else if (f & KW_GENERIC_LABEL && en.other && !(s.pendKind >= 0 && start - s.pendEnd <= 12) && genericLabel(s, start)) {
    s.pendKind = CUE.other;
    s.pendEnd = end;
    s.pendGeneric = true;
  }
  if (f & KW_MONTH && en.dates) return dateAtMonth(s, start, end, (f & KW_AMBIGUOUS_MONTH) !== 0, (f & KW_MONTH_FULL) !== 0);
  if (f & KW_URL && en.url) return urlAtScheme(s, start, (s.codeAt(start) | 32) === 119);
  if (f & KW_TLD && en.url && s.at(start - 1) === 46) return urlAtTld(s, start, end);
  if (f & KW_POBOX && en.address) return poBoxAt(s, start);
  if (f & KW_AGE_WORD && en.age) return ageAtWord(s, start);
  return -1;
}

/**
 * The text's code units in a Uint16Array for the scan loop. Reading a typed array is much
 * cheaper than `charCodeAt` on the sliced / cons strings callers usually pass (V8 dispatches on
 * the string's representation at every call); copying costs less than it saves. Node's Buffer
 * copies natively (utf16le keeps every code unit, lone surrogates included); elsewhere a plain
 * loop fills the array. One buffer is kept per detector for inputs up to CACHE_UNITS and zeroed
 * after each call. The families read the caller's string itself for their sticky regexes and
 * slices (a flat copy of it used to be made for them; once most of their reads moved to the code
 * units it cost more than it saved: measured 5-10% at 1-4 KB and a third at 1 MB, where the copy
 * was a large-object allocation per call).
 */
const CACHE_UNITS = 1 << 16;
type NodeBytes = Uint8Array & { write(s: string, offset: number, enc: string): number; toString(enc: string, start: number, end: number): string };
const NodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow(n: number): NodeBytes } }).Buffer;

/**
 * Room for `units` code units and the 0 sentinel after them. The kept buffer starts zeroed (the
 * prechecks may read a few units past a text's end, where they must find no letter or digit); a
 * buffer sized to one text is written in full and read past its end as undefined.
 */
interface Codes {
  bytes: NodeBytes | undefined;
  codes: Uint16Array;
}

function makeCodes(units: number, kept: boolean): Codes {
  if (NodeBuffer) {
    const bytes = NodeBuffer.allocUnsafeSlow((units + 1) * 2);
    const codes = new Uint16Array(bytes.buffer, bytes.byteOffset, units + 1);
    if (kept) codes.fill(0);
    return { bytes, codes };
  }
  return { bytes: undefined, codes: new Uint16Array(units + 1) };
}

/** Views on the tokenizer's memory (zeroed: fresh, or zeroed after each call) for `units` code units. */
function wasmCodes(ab: ArrayBuffer, units: number): Codes {
  const codes = new Uint16Array(ab, CODES_AT, units + 1);
  const from = (NodeBuffer as unknown as { from?(ab: ArrayBuffer, off: number, len: number): NodeBytes } | undefined)?.from;
  if (!NodeBuffer || !from) return { bytes: undefined, codes };
  return { bytes: from.call(NodeBuffer, ab, CODES_AT, (units + 1) * 2), codes };
}

function fillCodes(text: string, buf: Codes): void {
  if (buf.bytes) buf.bytes.write(text, 0, 'utf16le');
  else for (let i = 0; i < text.length; i++) buf.codes[i] = text.charCodeAt(i);
  buf.codes[text.length] = 0;
}

/**
 * The scan loop. Letter runs, the bulk of a note, are walked by a one-compare test
 * ((c | 32) - 97 unsigned <= 25 is exactly A-Z / a-z); the word's hash is computed in a second,
 * short pass only when the word passes the (first letter, last letter, length) filter. `t[n]`
 * must be 0 (the caller's buffer guarantees it) so the letter run stops at the end.
 */
function walk(s: Scan, en: Enabled, t: Uint16Array, from: number, bounded: boolean): number {
  const n = s.n;
  const kwi = s.keywords;
  const byEnds = kwi.lengthsByEnds;
  const simpleCues = kwi.simpleCues;
  const simpleWords = kwi.simpleWords;
  const simplePacked = kwi.simplePacked;
  const window = s.window;
  let i = from;
  while (i < n) {
    let c = t[i] as number;
    // The token list takes over again once no pending cue is within its window and `i` is not
    // inside an alphanumeric run (where the list's token started earlier).
    if (bounded && !(s.pendKind >= 0 && i - s.pendEnd <= window) && !(i > 0 && isAlnum(c) && isAlnum(t[i - 1] as number))) return i;
    const start = i;
    let r = -1;
    let end: number;
    if (((c | 32) - 97) >>> 0 > 25) {
      if ((c - 48) >>> 0 > 9) {
        if (c === 64 && en.email) {
          const e = emailAt(s, i);
          i = e > i ? e : i + 1;
        } else i++;
        continue;
      }
      // A digit-led token: digits and letters to its end.
      let hasLetter = false;
      for (;;) {
        c = t[++i] as number;
        if ((c - 48) >>> 0 <= 9) continue;
        if (((c | 32) - 97) >>> 0 <= 25) hasLetter = true;
        else break;
      }
      end = i;
      r = onNumeric(s, start, end, en, !hasLetter);
    } else {
      // Words, and the words after them that follow a single space: most of a note, read
      // without going back through the dispatch at the loop head.
      let ws = start;
      for (;;) {
        do c = t[++i] as number;
        while (((c | 32) - 97) >>> 0 <= 25);
        if ((c - 48) >>> 0 <= 9) {
          // A letter-led token with a digit ("MR12345", "v2").
          for (;;) {
            c = t[++i] as number;
            if ((c - 48) >>> 0 > 9 && ((c | 32) - 97) >>> 0 > 25) break;
          }
          end = i;
          r = onNumeric(s, ws, end, en, false);
          break;
        }
        end = i;
        r = -1;
        // Most words are no keyword: the ends x length filter, then one hash probe. onWord also
        // runs for a pending identifier cue still within its window (letter-led ids) and for a
        // ':' after the word (hex-led IPv6); a stale pending cue changes nothing in onWord for a
        // word that is no keyword, so it is not a reason to call it.
        const len = end - ws;
        let h = 0;
        let slot = -1;
        if (len <= 24 && ((byEnds[((((t[ws] as number) | 32) & 31) << 5) | (((t[end - 1] as number) | 32) & 31)] as number) & (1 << len)) !== 0) {
          h = hashCodes(t, ws, end);
          slot = kwi.find(h);
        }
        const hit = slot >= 0;
        let bits: number;
        if (hit && (bits = simpleCues[slot] as number) !== 0 && simpleWordAt(s, t, ws, end, slot, simplePacked, simpleWords)) {
          // A plain cue word ("on", "in", "from", "since"): onWord would only set its cues.
          setCues(s, bits, end);
        } else if (hit || c === 58 || (s.pendKind >= 0 && ws - s.pendEnd <= window)) {
          let kw: Keyword | undefined;
          if (hit) kw = s.keywordInSlot(ws, end, slot, kwi);
          else {
            if (h === 0) h = hashCodes(t, ws, end);
            kw = s.keyword(ws, end, h, kwi);
          }
          r = onWord(s, ws, end, kw, en);
        }
        if (r > end || c !== 32 || ((((t[i + 1] as number) | 32) - 97) >>> 0) > 25) break;
        ws = ++i;
      }
    }
    if (r > end) i = r;
  }
  return i;
}

/**
 * The letter run t[start, end) is the plain cue word of `slot` (equalsLower with its word):
 * words of 1-6 letters compare as one packed integer, without reading the word's string.
 */
function simpleWordAt(s: Scan, t: Uint16Array, start: number, end: number, slot: number, packed: Int32Array, words: string[]): boolean {
  const p = packed[slot] as number;
  if (p !== 0) return end - start <= 6 && packLower(t, start, end) === p;
  return s.equalsLower(start, end, words[slot] as string);
}

/** A cue word ending at `end`: record the end of each of its cue kinds (`bits`); an identifier cue becomes the pending one. */
function setCues(s: Scan, bits: number, end: number): void {
  const cueEnd = s.cueEnd;
  for (let k = 0; bits !== 0; k++, bits >>>= 1) {
    if ((bits & 1) === 0) continue;
    cueEnd[k] = end;
    if ((ID_CUE_MASK >>> k) & 1) {
      s.pendKind = k;
      s.pendEnd = end;
      s.pendGeneric = false;
    }
  }
}

/**
 * The scan over the tokenizer's list: the same steps as walk() for every listed token; the
 * tokens it leaves out (letter runs that fail the keyword filter and have no ':' after them,
 * other characters) are ones walk() does nothing with, except while a pending identifier cue is
 * within its window or after a family stopped inside a run: there walk() itself takes over.
 */
function scanTokens(s: Scan, en: Enabled, t: Uint16Array, tk: Tokenizer): void {
  const n = s.n;
  const kwi = s.keywords;
  const simpleCues = kwi.simpleCues;
  const simpleWords = kwi.simpleWords;
  const simplePacked = kwi.simplePacked;
  const window = s.window;
  let i = 0;
  let from = 0;
  while (from < n) {
    const count = tk.tokens(from, n) * 3;
    from = tk.resume();
    const toks = tk.toks;
    for (let k = 0; k < count; k += 3) {
      const w0 = toks[k] as number;
      const start = w0 & 0x1fffffff;
      if (start < i) continue;
      if ((s.pendKind >= 0 && i - s.pendEnd <= window) || (i > 0 && isAlnum(t[i] as number) && isAlnum(t[i - 1] as number))) {
        i = walk(s, en, t, i, true);
        if (start < i) continue;
      }
      const kind = w0 >>> 29;
      const end = toks[k + 1] as number;
      let r = -1;
      if (kind >= 3) {
        if (kind === 5) {
          if (en.email) {
            const e = emailAt(s, start);
            i = e > start ? e : start + 1;
          } else i = start + 1;
          continue;
        }
        r = onNumeric(s, start, end, en, kind === 4);
      } else {
        const h = toks[k + 2] as number;
        const slot = kind === 0 ? kwi.find(h) : -1;
        let bits: number;
        if (slot >= 0 && (bits = simpleCues[slot] as number) !== 0 && simpleWordAt(s, t, start, end, slot, simplePacked, simpleWords)) {
          setCues(s, bits, end);
        } else if (slot >= 0 || t[end] === 58 || (s.pendKind >= 0 && start - s.pendEnd <= window)) {
          r = onWord(s, start, end, slot >= 0 ? s.keywordInSlot(start, end, slot, kwi) : s.keyword(start, end, h, kwi), en);
        }
      }
      i = r > end ? r : end;
    }
  }
  if (i < n) walk(s, en, t, i, true);
}

const EMPTY: Entity[] = [];

/** Build the `patterns` detector. Options are validated here (ConfigError naming the option). */
export function createPatternsDetector(options?: PatternsOptions): Detector {
  const o = validate(options);
  const table = buildKeywordTable(o.cueWords);
  const aux = new KeywordIndex(table);
  // The scan only needs words it acts on; units, measure and stop words are looked up around
  // candidates only, so they stay out of the per-word table.
  const ACTIVE = KW_MONTH | KW_URL | KW_TLD | KW_POBOX | KW_AGE_WORD | KW_GENERIC_LABEL;
  const active = new Map([...table].map(([h, list]) => [h, list.filter((k) => k.cues !== 0 || (k.flags & ACTIVE) !== 0)] as const).filter(([, l]) => l.length > 0));
  const keywords = new KeywordIndex(active);
  const families = new Set(o.families);
  const scanOptions: ScanOptions = { window: o.window, yearAlone: o.yearAlone, families };
  const types = [...new Set(o.families.flatMap((f) => PATTERN_FAMILIES[f] ?? []))];
  let cachedTypes: ReadonlySet<EntityType> | undefined;
  let cachedEnabled: Enabled | undefined;
  let cachedCodes: Codes | undefined;
  let cachedWasm: Codes | undefined;
  let cachedBig: Codes | undefined;
  const tokenizer = Tokenizer.create(keywords, CACHE_UNITS);
  return {
    id: 'patterns',
    types,
    detect: function detectPatterns(text: string, ctx: DetectContext): Entity[] {
      if (typeof text !== 'string' || text.length === 0) return EMPTY.slice();
      if (ctx.types !== cachedTypes || !cachedEnabled) {
        cachedTypes = ctx.types;
        cachedEnabled = enabledFor(families, ctx.types);
      }
      if (!cachedEnabled.any) return [];
      const big = text.length > CACHE_UNITS;
      const tk = tokenizer?.fits(text.length) ? tokenizer : undefined;
      let buf: Codes;
      if (tk) {
        // The code units go straight into the tokenizer's memory: one copy serves both.
        const ab = tk.buffer();
        if (big) {
          // Kept like the tokenizer's memory (sized to the largest text, zeroed after each
          // call): a fresh byte buffer per big text is external memory the collector accounts
          // for (measured on 1 MB texts: fewer full collections, 3-4 instead of 5-6 per run).
          // codes has one unit past the text for the 0 sentinel.
          if (!cachedBig || cachedBig.codes.buffer !== ab || cachedBig.codes.length <= text.length) cachedBig = wasmCodes(ab, text.length);
          buf = cachedBig;
        } else {
          if (!cachedWasm || cachedWasm.codes.buffer !== ab) cachedWasm = wasmCodes(ab, CACHE_UNITS);
          buf = cachedWasm;
        }
      } else buf = big ? makeCodes(text.length, false) : (cachedCodes ??= makeCodes(CACHE_UNITS, true));
      fillCodes(text, buf);
      const s = new Scan(text, buf.codes, ctx.types, keywords, aux, scanOptions);
      try {
        if (cachedEnabled.structured) {
          hl7Pass(s);
          tablePass(s, buf.codes);
        }
        if (tk) scanTokens(s, cachedEnabled, buf.codes, tk);
        else walk(s, cachedEnabled, buf.codes, 0, false);
      } finally {
        // The tokenizer's memory is kept, big texts included: its code units and token records
        // are zeroed like the kept buffer's.
        if (!big || tk) {
          buf.codes.fill(0, 0, text.length);
        }
        tk?.clear();
      }
      return s.out;
    },
  };
}

export const patternsDetectorFactory: DetectorFactory = {
  id: 'patterns',
  description: 'Structured identifiers: dates, ages 90+, SSN, MRN, IDs, cards, NPI, IBAN, email, URL, IP, ZIP, addresses (checksums + cue words)',
  available: () => true,
  create: (options: unknown) => createPatternsDetector(options as PatternsOptions | undefined),
};

void CUE_NAMES;
void DEFAULT_CUE_WORDS;
