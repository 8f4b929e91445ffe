/**
 * The one keyword table the scan consults for every word: months, cue words, URL schemes, TLDs,
 * units and measure words, state names, street-name stop words. Built once per detector.
 */
import { DATE_PATTERNS, MEASURE_WORDS, KW_MEASURE } from './dates.js';
import { DEFAULT_CUE_WORDS, MARKED_CUES } from './cues.js';
import { COMMON_TLDS } from './url.js';
import { US_STATE_NAMES } from './zip.js';
import {
  CUE,
  CUE_NAMES,
  KW_AGE_WORD,
  KW_GENERIC_LABEL,
  KW_NOT_ID_LABEL,
  KW_AMBIGUOUS_MONTH,
  KW_MONTH,
  KW_MONTH_FULL,
  KW_NEEDS_MARK,
  KW_POBOX,
  KW_STATE,
  KW_STOP_STREET,
  KW_THE,
  KW_TLD,
  KW_UNIT,
  KW_URL,
  addKeyword,
  type CueName,
  type KeywordTable,
} from './shared.js';

void DATE_PATTERNS;

export const MONTH_WORDS: readonly string[] = [
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug',
  'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
];
const FULL_MONTHS = new Set(['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'sept']);
const AMBIGUOUS_MONTHS = new Set(['may', 'mar', 'march', 'dec', 'jan', 'jun']);

/** A number right before one of these is a measurement, not a date, day or address. */
export const UNIT_WORDS: readonly string[] = [
  'mg', 'mcg', 'ug', 'g', 'gm', 'gms', 'kg', 'lb', 'lbs', 'ml', 'cc', 'l', 'dl', 'meq', 'mmol', 'units', 'unit', 'u',
  'iu', 'tab', 'tabs', 'tablet', 'tablets', 'cap', 'caps', 'capsule', 'capsules', 'ns', 'nss', 'dose', 'doses', 'gall',
  'gallon', 'gallons', 'cup', 'cups', 'tsp', 'tbsp', 'oz', 'inch', 'inches', 'cm', 'mm', 'mile', 'miles', 'hr', 'hrs',
  'hour', 'hours', 'min', 'mins', 'minute', 'minutes', 'sec', 'day', 'days', 'wk', 'wks', 'week', 'weeks', 'mo', 'mos',
  'month', 'months', 'yr', 'yrs', 'year', 'years', 'times', 'x', 'bpm', 'ppd', 'pack', 'packs', 'amp', 'amps', 'vial',
  'vials', 'bag', 'bags', 'bottle', 'bottles', 'drop', 'drops', 'gtt', 'gtts', 'puff', 'puffs', 'spray', 'sprays',
  'lpm', 'nc', 'liters', 'liter', 'litres', 'beats', 'sets', 'breaths', 'assist', 'strength', 'normal', 'saline',
  'percent', 'pct', 'cells', 'stools', 'voids', 'people', 'staff', 'persons', 'patients', 'pts', 'mmhg',
  'cmh2o', 'kcal', 'cal', 'calories', 'mgs', 'grams', 'ounces', 'feet', 'ft', 'meters', 'steps', 'stairs', 'laps',
  'blocks', 'beers', 'drinks', 'cigarettes', 'cig', 'cigs', 'ppm', 'lt', 'fr', 'french', 'gauge', 'ga', 'doses',
  'inj', 'injections', 'mgkg', 'mcgkg', 'mcgkgmin',
];

/** Words that cannot start a street name after a number. */
export const STREET_STOP_WORDS: readonly string[] = [
  ...UNIT_WORDS, 'am', 'pm', 'per', 'to', 'of', 'and', 'or', 'at', 'in', 'on', 'for', 'with', 'by', 'from', 'the', 'a', 'an', 'is',
  'was', 'pt', 'patient', 'prn', 'po', 'iv', 'im', 'sq', 'sc', 'bid', 'tid', 'qid', 'qd', 'qhs', 'qam', 'q', 'mcg',
  'rn', 'md', 'np', 'pa', 'dr', 'hd', 'pod', 'bp', 'hr', 'rr', 'sbp', 'ffp', 'prbc', 'prbcs', 'plt', 'plts', 'lasix',
  'ivf', 'view', 'views', 'vessel', 'vessels', 'point', 'way', 'person', 'bed', 'room', 'floor', 'south', 'north',
  'east', 'west', 'new', 'old', 'sr', 'st', 'but', 'beat', 'beats', 'run', 'mic', 'ml', 'pvc', 'pvcs', 'lead', 'leads',
];

/**
 * "<label> no. / number / # / ID <id>": any label ending in one of these names an identifier
 * (reported as OTHER_ID unless a specific cue says more), provided it has 5+ digits.
 */
export const GENERIC_LABEL_WORDS: readonly string[] = ['no', 'number', 'num', 'nbr', 'id', 'identifier', 'ident'];

/** Labels whose numbers are not identifiers of a person: "room #412", "ext 1133", "pager #12345". */
export const NOT_ID_LABEL_WORDS: readonly string[] = [
  'room', 'rm', 'bed', 'ext', 'extension', 'pager', 'page', 'pg', 'floor', 'fl', 'suite', 'ste', 'apt', 'unit', 'version',
  'ver', 'step', 'line', 'item', 'question', 'cpt', 'icd', 'ndc', 'code', 'dose', 'batch', 'refill', 'refills', 'disp',
  'qty', 'quantity', 'store', 'pharmacy', 'station', 'ward', 'bay', 'slot', 'table', 'figure', 'fig', 'chapter', 'section',
  'phone', 'tel', 'telephone', 'fax', 'cell', 'mobile', 'beeper', 'bldg', 'building', 'gate', 'lane', 'track', 'channel',
  'lead', 'size', 'gauge', 'french', 'level', 'grade', 'stage', 'class', 'type', 'model', 'no', 'yes', 'not', 'group',
  'grp', 'sr', 'st', 'nsr', 'vea', 'ectopy', 'pvc', 'pvcs', 'change', 'changes', 'further', 'new',
];

export function buildKeywordTable(extraCues: Partial<Record<CueName, readonly string[]>> = {}): KeywordTable {
  const table: KeywordTable = new Map();
  const add = (phrase: string, cues: number, flags: number) => {
    const words = phrase.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    const last = words.pop();
    if (!last || !/^[a-z]+$/.test(last)) return;
    addKeyword(table, last, words, cues, flags);
  };
  for (const name of CUE_NAMES) {
    const words = [...(DEFAULT_CUE_WORDS[name] ?? []), ...(extraCues[name] ?? [])];
    for (const w of words) add(w, 1 << CUE[name], MARKED_CUES.has(w) ? KW_NEEDS_MARK : 0);
  }
  for (const m of MONTH_WORDS) {
    add(m, 0, KW_MONTH | (FULL_MONTHS.has(m) ? KW_MONTH_FULL : 0) | (AMBIGUOUS_MONTHS.has(m) ? KW_AMBIGUOUS_MONTH : 0));
  }
  for (const w of ['http', 'https', 'ftp', 'sftp', 'www']) add(w, 0, KW_URL);
  for (const w of COMMON_TLDS) add(w, 0, KW_TLD);
  for (const w of UNIT_WORDS) add(w, 0, KW_UNIT);
  for (const w of MEASURE_WORDS) add(w, 0, KW_MEASURE);
  for (const w of STREET_STOP_WORDS) add(w, 0, KW_STOP_STREET);
  for (const w of ['p', 'po', 'post']) add(w, 0, KW_POBOX);
  for (const w of GENERIC_LABEL_WORDS) add(w, 0, KW_GENERIC_LABEL);
  for (const w of NOT_ID_LABEL_WORDS) add(w, 0, KW_NOT_ID_LABEL);
  add('ninety', 0, KW_AGE_WORD);
  add('the', 0, KW_THE);
  for (const w of US_STATE_NAMES) add(w, 0, KW_STATE);
  return table;
}
