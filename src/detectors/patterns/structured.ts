/**
 * Identifiers whose meaning comes from the structure around them rather than a cue word right
 * before them:
 *
 * - HL7 v2 segments: PID-2/3/4 (patient ids -> MRN), PID-11 component 5 (ZIP), PID-18 (patient
 *   account), PID-19 (SSN), PV1-19 (visit number -> account), PV1-7/8/9/17 (provider ids that
 *   pass the NPI check), IN1-2/36 (plan and policy ids). Only segments at a line start count.
 * - Delimited tables (CSV, TSV, pipe, semicolon) with a header row: a column whose header is a
 *   cue ("MRN", "medical_record_number", "Zip", "DOB", "Member ID") types the values below it,
 *   until a blank line or a row with a different number of fields.
 *
 * Both passes start from native indexOf scans, so text without tables or segments costs little.
 */
import { npiValid } from '../../validators/npi.js';
import { ssnValid } from '../../validators/ssn.js';
import type { EntityType } from '../../types.js';
import { CUE, isAlnum, isDigit, isLetter, sticky, type PatternSpec, type Scan } from './shared.js';

export const STRUCTURED_PATTERNS = {
  hl7Segment: {
    name: 'hl7-segment',
    family: 'structured',
    type: 'MRN',
    regex: sticky('(?:PID|PV1|IN1)\\|'),
    score: 0.9,
    cuedScore: 0.9,
    context: [],
    requiresContext: false,
    description: 'HL7 v2 PID / PV1 / IN1 segment at a line start; identifier fields are typed by position',
  },
  tableHeader: {
    name: 'table-header-field',
    family: 'structured',
    type: 'MRN',
    regex: sticky('[A-Za-z][A-Za-z0-9 _#./+-]{0,39}'),
    score: 0.9,
    cuedScore: 0.9,
    context: ['mrn', 'ssn', 'zip', 'date', 'healthPlan', 'account', 'license', 'vin', 'plate', 'device', 'npi', 'other'],
    requiresContext: true,
    description: 'a header cell of a delimited table; a cue in it types the column below',
  },
} as const satisfies Record<string, PatternSpec>;

const SRC = 'patterns/structured';
const ZIP_RE = /^\d{5}(?:-\d{4})?$/;

function lineEnd(t: string, from: number): number {
  let i = from;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** Emit text[s, e) trimmed of spaces and quotes, when it has a digit. */
function emitField(s: Scan, type: EntityType, fs: number, fe: number, score: number): void {
  const t = s.text;
  while (fs < fe && (t.charCodeAt(fs) === 32 || t.charCodeAt(fs) === 34)) fs++;
  while (fe > fs && (t.charCodeAt(fe - 1) === 32 || t.charCodeAt(fe - 1) === 34)) fe--;
  if (fe - fs < 2 || fe - fs > 40) return;
  let digit = false;
  for (let i = fs; i < fe; i++) if (isDigit(t.charCodeAt(i))) digit = true;
  if (!digit) return;
  const v = t.slice(fs, fe);
  if (type === 'ZIP_CODE' && !ZIP_RE.test(v)) return;
  if (type === 'SSN' && !ssnValid(v)) return;
  if (type === 'NPI' && !npiValid(v)) return;
  if (type === 'AGE' && !(Number(v) >= 90 && Number(v) <= 125)) return;
  s.emit(type, fs, fe, score, SRC);
}

/** Offsets of '|'-separated fields of the segment line [ls, le): starts[k] .. ends[k]. */
function splitFields(t: string, ls: number, le: number, sep: number, quotes: boolean): [number[], number[]] {
  const starts: number[] = [ls];
  const ends: number[] = [];
  let inQ = false;
  for (let i = ls; i < le; i++) {
    const c = t.charCodeAt(i);
    if (quotes && c === 34) inQ = !inQ;
    else if (c === sep && !inQ) {
      ends.push(i);
      starts.push(i + 1);
    }
  }
  ends.push(le);
  return [starts, ends];
}

function firstComponentEnd(t: string, fs: number, fe: number): number {
  for (let i = fs; i < fe; i++) {
    const c = t.charCodeAt(i);
    if (c === 94 /* ^ */ || c === 126 /* ~ */ || c === 38 /* & */) return i;
  }
  return fe;
}

/** Segment kind at a line start followed by '|': 1 PID, 2 PV1, 3 IN1, else 0 (case-insensitive). */
function segmentAt(t: string, i: number): number {
  const a = t.charCodeAt(i) | 32;
  const b = t.charCodeAt(i + 1) | 32;
  const c = t.charCodeAt(i + 2) | 32;
  if (a === 112 && b === 105 && c === 100) return 1; // pid
  if (a === 112 && b === 118 && c === 49) return 2; // pv1
  if (a === 105 && b === 110 && t.charCodeAt(i + 2) === 49) return 3; // in1
  return 0;
}

export function hl7Pass(s: Scan): void {
  const t = s.text;
  // One pass over the '|' characters: a segment is three characters at a line start before one.
  for (let bar = t.indexOf('|'); bar >= 0; bar = t.indexOf('|', bar + 1)) {
    const i = bar - 3;
    if (i < 0 || (i > 0 && t.charCodeAt(i - 1) !== 10 && t.charCodeAt(i - 1) !== 13)) continue;
    const kind = segmentAt(t, i);
    if (kind === 0) continue;
    const seg = kind === 1 ? 'PID|' : kind === 2 ? 'PV1|' : 'IN1|';
    {
      const le = lineEnd(t, i);
      const [fs, fe] = splitFields(t, i, le, 124, false);
      const field = (k: number): [number, number] => [fs[k] ?? le, fe[k] ?? le];
      const first = (k: number, type: EntityType, score = 0.9) => {
        const [a, b] = field(k);
        if (a < b) emitField(s, type, a, firstComponentEnd(t, a, b), score);
      };
      if (seg === 'PID|') {
        first(2, 'MRN');
        first(3, 'MRN');
        first(4, 'MRN');
        first(18, 'ACCOUNT_NUMBER');
        first(19, 'SSN');
        const [a, b] = field(11);
        // XAD: street ^ other ^ city ^ state ^ zip
        let comp = 0;
        let cs = a;
        for (let j = a; j <= b; j++) {
          const c = j < b ? t.charCodeAt(j) : 94;
          if (c === 94 || c === 126) {
            if (comp === 4) emitField(s, 'ZIP_CODE', cs, j, 0.9);
            comp = c === 126 ? 0 : comp + 1;
            cs = j + 1;
          }
        }
      } else if (seg === 'PV1|') {
        // PV1-19 visit number (some senders shift it to 18, which is otherwise a short code).
        first(18, 'ACCOUNT_NUMBER');
        first(19, 'ACCOUNT_NUMBER');
        for (const k of [7, 8, 9, 17]) first(k, 'NPI', 0.9);
      } else {
        first(2, 'HEALTH_PLAN_ID');
        first(36, 'HEALTH_PLAN_ID');
      }
    }
  }
}

const CUE_TYPE: readonly [number, EntityType][] = [
  [CUE.mrn, 'MRN'], [CUE.ssn, 'SSN'], [CUE.zip, 'ZIP_CODE'], [CUE.healthPlan, 'HEALTH_PLAN_ID'], [CUE.account, 'ACCOUNT_NUMBER'],
  [CUE.routing, 'ACCOUNT_NUMBER'], [CUE.license, 'LICENSE_NUMBER'], [CUE.dea, 'LICENSE_NUMBER'], [CUE.vin, 'VEHICLE_ID'],
  [CUE.plate, 'VEHICLE_ID'], [CUE.device, 'DEVICE_ID'], [CUE.npi, 'NPI'], [CUE.card, 'CREDIT_CARD'], [CUE.iban, 'IBAN'],
  [CUE.ip, 'IP_ADDRESS'], [CUE.other, 'OTHER_ID'], [CUE.date, 'DATE'], [CUE.age, 'AGE'],
];

/** Column type from the words of a header cell, or undefined. */
function columnType(s: Scan, a: number, b: number): EntityType | undefined {
  const t = s.text;
  let bits = 0;
  for (let i = a; i < b; ) {
    if (!isLetter(t.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let h = 0;
    while (j < b && isLetter(t.charCodeAt(j))) h = (Math.imul(h, 31) + (t.charCodeAt(j++) | 32)) | 0;
    if (j < b && isDigit(t.charCodeAt(j))) {
      while (j < b && isAlnum(t.charCodeAt(j))) j++;
      i = j;
      continue;
    }
    const kw = s.keyword(i, j, h, s.keywords);
    // Only cue kinds that name a value; "on", "from", "in" are date cues in prose, not headers.
    if (kw && kw.cues !== 0 && (kw.cues & ~((1 << CUE.date) | (1 << CUE.year))) !== 0) bits |= kw.cues;
    else if (kw && kw.cues & (1 << CUE.date) && j - i >= 3) bits |= 1 << CUE.date;
    i = j;
  }
  if (bits === 0) return undefined;
  for (const [cue, type] of CUE_TYPE) if (bits & (1 << cue)) return type;
  return undefined;
}

const DELIMS = [9, 44, 124, 59]; // tab, comma, pipe, semicolon
const DELIM_CHARS = DELIMS.map((c) => String.fromCharCode(c));

// Characters a header row may contain: letters, digits, space, _ # . / - + " and the delimiters.
const HEADER_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) HEADER_CHAR[c] = 1;
for (let c = 65; c <= 90; c++) HEADER_CHAR[c] = 1;
for (let c = 97; c <= 122; c++) HEADER_CHAR[c] = 1;
for (const c of [32, 95, 35, 46, 47, 45, 43, 34]) HEADER_CHAR[c] = 1;
for (const c of DELIMS) HEADER_CHAR[c] = 2;

/**
 * One pass: only header characters, cells of at most 40, and 2+ delimiters. `codes` holds the
 * text's code units (the scan's buffer): prose lines are walked most of their length before
 * they fail, and a typed array read costs a fraction of charCodeAt on a sliced string.
 */
function headerShape(codes: Uint16Array, ls: number, le: number): boolean {
  if (le - ls > 400 || le - ls < 5) return false;
  let cell = 0;
  let delims = 0;
  for (let i = ls; i < le; i++) {
    const c = codes[i] as number;
    const k = c < 128 ? (HEADER_CHAR[c] as number) : 0;
    if (k === 0) return false;
    if (k === 2) {
      delims++;
      cell = 0;
    } else if (++cell > 42) return false;
  }
  return delims >= 2;
}

/** A header row: 3+ short letter-led cells and at least one typed column. */
function header(s: Scan, ls: number, le: number): { sep: number; types: (EntityType | undefined)[]; count: number } | undefined {
  const t = s.text;
  if (le - ls > 400 || le - ls < 5) return undefined;
  // The first delimiter of DELIMS' order that occurs twice is the separator (one count pass for all four).
  let tabs = 0;
  let commas = 0;
  let pipes = 0;
  let semis = 0;
  for (let i = ls; i < le; i++) {
    const c = t.charCodeAt(i);
    if (c === 9) tabs++;
    else if (c === 44) commas++;
    else if (c === 124) pipes++;
    else if (c === 59) semis++;
  }
  const sep = tabs >= 2 ? 9 : commas >= 2 ? 44 : pipes >= 2 ? 124 : semis >= 2 ? 59 : -1;
  if (sep < 0) return undefined;
  if (sep === 124 && /^[A-Z][A-Z0-9]{2}\|/.test(t.slice(ls, ls + 4))) return undefined; // an HL7 segment
  const [fs, fe] = splitFields(t, ls, le, sep, sep === 44);
  // Every cell's shape first (most lines that reach here are prose with commas and fail it),
  // then the column types.
  for (let k = 0; k < fs.length; k++) {
    let a = fs[k] as number;
    let b = fe[k] as number;
    while (a < b && (t.charCodeAt(a) === 32 || t.charCodeAt(a) === 34)) a++;
    while (b > a && (t.charCodeAt(b - 1) === 32 || t.charCodeAt(b - 1) === 34)) b--;
    if (b - a < 1 || b - a > 40 || !isLetter(t.charCodeAt(a))) return undefined;
    for (let i = a; i < b; i++) {
      const c = t.charCodeAt(i);
      if (!(isAlnum(c) || c === 32 || c === 95 || c === 35 || c === 46 || c === 47 || c === 45 || c === 43)) return undefined;
    }
    fs[k] = a;
    fe[k] = b;
  }
  const types: (EntityType | undefined)[] = [];
  let typed = 0;
  for (let k = 0; k < fs.length; k++) {
    const ty = columnType(s, fs[k] as number, fe[k] as number);
    types.push(ty);
    if (ty) typed++;
  }
  return typed > 0 ? { sep, types, count: fs.length } : undefined;
}

/**
 * The first position at or after `from` holding one of DELIMS (text length when none). `next`
 * caches each delimiter's next position; each only moves forward, so all the indexOf calls of
 * one pass read the text once per delimiter.
 */
function nextDelimiter(t: string, next: number[], from: number): number {
  let min = t.length;
  for (let k = 0; k < DELIMS.length; k++) {
    let p = next[k] as number;
    if (p < from) {
      p = t.indexOf(DELIM_CHARS[k] as string, from);
      if (p < 0) p = t.length;
      next[k] = p;
    }
    if (p < min) min = p;
  }
  return min;
}

/** `codes`: the text's code units (see headerShape). */
export function tablePass(s: Scan, codes: Uint16Array): void {
  const t = s.text;
  // Cheap exit: a table needs a line break and a delimiter.
  if (t.indexOf('\n') < 0) return;
  let ls = 0;
  let active: ReturnType<typeof header>;
  // nextDelimiter's cache. A header's first cell ends at a delimiter within 43 characters, so a
  // line without one there fails headerShape and is passed over without walking it.
  const next = [-1, -1, -1, -1];
  while (ls < t.length) {
    let d = -1;
    if (!active) {
      // Outside a table only a line with a delimiter can start one: go straight to the line of
      // the next delimiter (the lines before it have none, so they could not be headers).
      d = nextDelimiter(t, next, ls);
      if (d >= t.length) return;
      const lineOfD = t.lastIndexOf('\n', d) + 1;
      if (lineOfD > ls) ls = lineOfD;
    }
    let le = t.indexOf('\n', ls);
    if (le < 0) le = t.length;
    const end = le > ls && t.charCodeAt(le - 1) === 13 ? le - 1 : le;
    if (active) {
      const [fs, fe] = splitFields(t, ls, end, active.sep, active.sep === 44);
      const extra = fs.length - active.count;
      // An unquoted date with a comma ("June 11, 1998") adds a field: cells before the first
      // date column align from the left, cells after it from the right.
      const split = active.types.indexOf('DATE');
      if (end === ls || extra < 0 || (extra > 0 && (split < 0 || extra > 2))) active = undefined;
      else {
        for (let k = 0; k < active.count; k++) {
          const ty = active.types[k];
          if (!ty) continue;
          if (extra > 0 && k === split) {
            emitField(s, ty, fs[k] as number, fe[k + extra] as number, 0.9);
            continue;
          }
          const j = extra > 0 && k > split ? k + extra : k;
          emitField(s, ty, fs[j] as number, fe[j] as number, 0.9);
        }
      }
    }
    if (!active) {
      const c = t.charCodeAt(ls);
      // Header cells start with a letter (or a quote); prose lines fail the cheap shape test
      // within a few dozen characters.
      if ((isLetter(c) || c === 34) && (d >= 0 ? d : nextDelimiter(t, next, ls)) < Math.min(end, ls + 43) && headerShape(codes, ls, end)) active = header(s, ls, end);
    }
    ls = le + 1;
  }
}
