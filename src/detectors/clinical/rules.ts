/**
 * Context rules for names, places and organizations in clinical notes: the part of NAME and
 * LOCATION detection that does not depend on where the words came from. The `dictionary`
 * detector runs them with its name and place lists; the `nlp` detector runs them with
 * compromise's lexicon. Every rule works on lower-cased tokens, so ALL CAPS and all-lowercase
 * notes get the same treatment as mixed case.
 *
 * Rules (each emits token ranges with a type and score):
 *   title        Dr / Mr / Mrs + name ("pt seen by dr healey", "Drs Okafor and Lindqvist")
 *   relative     wife / son / dtr + name ("WIFE MARY CALLED", "dtr susan")
 *   role         NP / caseworker / house staff + name
 *   credential   name + RN / NP / RRT / MD ("Ingrid Castellanos, RN")
 *   signature    a short line of name words, usually last in a note
 *   facility     name + Hospital / Rehab / ER / Medical Center ("TO CALVERT HOSPITAL ER")
 *   university   University of <place or state>
 *   saint        St. Jude's (+ cue or facility word)
 *   move         transferred to / from / admitted to + unknown word, ward numbers ("to Ellison 2"),
 *                hospital acronyms after a move cue ("to MGH")
 *   residence    lives in / from / home in + place
 *   city-state   <place>, MD
 *   street       on Elm St / off Route 9 (street names without a house number)
 *   lexicon      an unambiguous dictionary name or place on its own (lower score)
 *   initials     a single letter next to a name ("R. Tovaldi", "Arlo C. Fenwick")
 *   propagate    a word found by a strong rule is redacted wherever else it occurs in the text
 */
import type { Entity, EntityType } from '../../types.js';
import {
  CREDENTIALS,
  FACILITY_GENERIC_MODIFIERS,
  FACILITY_NAME_WORDS,
  FACILITY_SPECIALTIES,
  FACILITY_SUFFIXES,
  DAY_PLACE_SUFFIXES,
  FUNCTION_WORDS,
  MOVE_VERBS,
  NAME_TITLES,
  PLACE_PREPOSITIONS,
  RELATIVE_CUES,
  RESIDENCE_CUES,
  ROLE_CUES,
  US_STATE_CODES,
  US_STATE_NAMES,
} from './context.js';
import { Shape, textCase, type Token } from './tokens.js';

/** What the rules need to know about a word (lower case). */
export interface Lexicon {
  /** A first name or surname. */
  isName(word: string): boolean;
  /** A first name (relatives are usually named by first name, even "son Bill"). */
  isFirst(word: string): boolean;
  /** A city, town or county. */
  isPlace(word: string): boolean;
  /** Multi-word place names starting with `word` (each as its words), if any. */
  placePhrases?(word: string): readonly (readonly string[])[] | undefined;
  /** A common English word (so a name that is one needs context: "Will", "Hope"). */
  isCommon(word: string): boolean;
  /** The clinical stop list (drugs, anatomy, devices...). */
  isStop(word: string): boolean;
  /**
   * Optional fast path: all of the above as one bit set (LEX_* constants) from a single hash
   * lookup. Rules call it once per token when present.
   */
  flags?(word: string): number;
  /**
   * Optional memo the rules fill and read (word -> cue bits and flags in one number), for a
   * lexicon whose answers never change: one small-map lookup instead of two for most tokens.
   * Only cue words and everyday / stop-listed words go in (never names, places, unknown words
   * or words with digits), at most HOT_WORDS of them.
   */
  hot?: Map<string, number>;
}

/** Most words a Lexicon's `hot` memo takes. */
export const HOT_WORDS = 16_384;

export const LEX_NAME = 1;
export const LEX_FIRST = 2;
export const LEX_PLACE = 4;
export const LEX_COMMON = 8;
export const LEX_STOP = 16;
export const LEX_PHRASE = 32;
/** A rare surname (long tail of the Census list): used with cues, never reported bare. */
export const LEX_RARE = 64;

function flagsOf(lex: Lexicon, w: string): number {
  if (lex.flags) return lex.flags(w);
  return (
    (lex.isName(w) ? LEX_NAME : 0) |
    (lex.isFirst(w) ? LEX_FIRST : 0) |
    (lex.isPlace(w) ? LEX_PLACE : 0) |
    (lex.isCommon(w) ? LEX_COMMON : 0) |
    (lex.isStop(w) ? LEX_STOP : 0) |
    ((lex.placePhrases?.(w)?.length ?? 0) > 0 ? LEX_PHRASE : 0)
  );
}

export interface RuleOptions {
  /** Source label for the emitted entities. */
  source: string;
  /** Emit bare dictionary hits (no cue) at this score; 0 turns the lexicon rule off. */
  lexiconScore: number;
  /** Redact other occurrences of words found by strong rules. */
  propagate: boolean;
  /** Which types to emit. */
  types: ReadonlySet<EntityType>;
}

const set = (xs: readonly string[]): ReadonlySet<string> => new Set(xs);
const TITLES = set(NAME_TITLES);
const RELATIVES = set(RELATIVE_CUES);
const CREDS = set(CREDENTIALS);
const ROLES = set(ROLE_CUES);
const FAC_SUFFIX = set([...FACILITY_SUFFIXES, ...DAY_PLACE_SUFFIXES]);
const NAME_SUFFIX = set(['memorial', 'adventist', 'general']);
/** Words before "from" that make the next word a place a person came from. */
const FROM_CUES = set(['called', 'calling', 'phoned', 'visiting', 'visited', 'visit', 'flying', 'flew', 'fly', 'drove', 'driving', 'came', 'coming', 'arrived', 'arriving', 'moved', 'moving', 'relocated', 'here', 'in']);
/** Last words of an organisation's generic part ("... Medical Center", "... Associates"). */
const ORG_END = set(['center', 'centre', 'ctr', 'care', 'associates', 'pharmacy', 'laboratory', 'laboratories', 'labs', 'llc', 'inc', 'group', 'partners', 'practice', 'system', 'systems', 'clinic', 'institute', 'services']);
/** Ends that name an organisation even without a generic chain ("Jones Associates"). */
const ORG_STRONG_END = set(['associates', 'pharmacy', 'laboratory', 'laboratories', 'llc', 'inc', 'partners']);
/** Generic words inside an organisation's suffix chain. */
const ORG_CHAIN = set(['medical', 'med', 'health', 'healthcare', 'dialysis', 'cancer', 'heart', 'urgent', 'cardiology', 'oncology', 'orthopedic', 'orthopedics', 'pediatric', 'pediatrics', 'family', 'community', 'regional', 'surgical', 'surgery', 'imaging', 'radiology', 'rehabilitation', 'behavioral', 'mental', 'womens', 'children', 'childrens', 'kidney', 'eye', 'vision', 'dental', 'primary', 'care', 'wellness', 'diagnostic', 'diagnostics', 'sleep', 'wound', 'infusion', 'physical', 'therapy', 'neurology', 'dermatology', 'gastroenterology', 'pulmonary', 'internal', 'medicine', 'clinical', 'hospital', 'university']);
/** Field labels a name follows after a colon. */
const LABELS = set(['patient', 'name', 'client', 'surgeon', 'attending', 'assistant', 'resident', 'provider', 'physician', 'pcp', 'referring', 'guarantor', 'holder', 'subscriber', 'insured', 'contact', 'nok', 'signed', 'author', 'dictated', 'transcribed', 'cosigned', 'anesthesiologist', 'proxy', 'guardian']);
/** Words that start two-word US city names ("West Abigail", "Port Amely"). */
const CITY_PREFIX = set(['north', 'south', 'east', 'west', 'new', 'port', 'fort', 'lake', 'mount', 'mt', 'san', 'santa', 'st', 'saint', 'el', 'la', 'los', 'las', 'glen', 'grand', 'upper', 'lower', 'little', 'big']);
/** Words after a facility acronym that make it one: "MGH nurse", "BWH team". */
const ROLE_AFTER_FACILITY = set(['nurse', 'nurses', 'staff', 'team', 'er', 'ed', 'ew', 'icu', 'micu', 'ccu', 'sicu', 'tcu', 'attorneys', 'lab', 'records', 'physician', 'physicians', 'doctor', 'doctors', 'md', 'mds', 'hospital', 'hosp', 'clinic', 'rehab']);
const SPECIFIC_SUFFIX = set(['hospital', 'hospitals', 'hosp', 'clinic', 'clinics', 'rehab', 'rehabilitation', 'campus', 'building', 'bldg', 'infirmary', 'sanitarium', 'sanatorium', 'institute', 'manor', 'medical', 'memorial', 'nh', ...DAY_PLACE_SUFFIXES]);
const NO_DOT_INITIAL_BLOCK = set(['a', 'i', 'r', 'l', 'w', 'c', 's', 'x', 'o', 'p', 'g', 'd', 'b', 'k', 'q', 'v', 't', 'u']);
const FAC_NAME = set(FACILITY_NAME_WORDS);
const FAC_GENERIC = set(FACILITY_GENERIC_MODIFIERS);
const FUNC = set(FUNCTION_WORDS);
const MOVES = set(MOVE_VERBS);
const RESIDE = set(RESIDENCE_CUES);
const PREPS = set(PLACE_PREPOSITIONS);
const RESIDE_PREPS = set(['in', 'at', 'near', 'nearby', 'outside', 'around']);
const STATE_CODES = set(US_STATE_CODES);
const STATE_NAMES = set(US_STATE_NAMES);
/** After a title these are not names ("dr aware", "Dr. office"). */
const TITLE_BLOCK = set(['and', 'or', 'to', 'in', 'at', 'of', 'on', 'for', 'the', 'is', 'was', 'has', 'had', 'office', 'team', 'note', 'notes', 'orders', 'order', 'aware', 'notified', 'called', 'paged', 'here', 'said', 'states', 'stated', 'wants', 'feels', 'spoke', 'visit', 'service', 'appt', 'appointment', 'recommendations', 'recs', 'who', 'with', 'about', 'regarding', 're']);
// One lookup per token tells which rules can start there.
const C_TITLE = 1;
const C_RELATIVE = 2;
const C_ROLE = 4;
const C_CRED = 8;
const C_FAC = 16;
const C_UNIV = 32;
const C_SAINT = 64;
const C_PREP = 128;
const C_RESIDE = 256;
const C_STATE = 512;
const C_FUNC = 1024;
const C_LABEL = 2048;
const C_OTHER = 4096; // starts some other rule (organisation ends, state names, hospital acronyms' neighbours)
const C_STREET = 8192; // street suffix or road word ("Elm Street", "Beacon St", "Route 9")
const CUE = new Map<string, number>();
const mark = (words: Iterable<string>, bit: number): void => {
  for (const w of words) CUE.set(w, (CUE.get(w) ?? 0) | bit);
};
mark(NAME_TITLES, C_TITLE);
mark(RELATIVE_CUES, C_RELATIVE);
mark(ROLE_CUES, C_ROLE);
mark(CREDENTIALS, C_CRED);
mark(FACILITY_SUFFIXES, C_FAC);
mark(DAY_PLACE_SUFFIXES, C_FAC);
mark(['university', 'univ', 'u', 'uof'], C_UNIV);
mark(['st', 'saint', 'ste'], C_SAINT);
mark(PLACE_PREPOSITIONS, C_PREP);
mark(['on', 'plan'], C_PREP); // "on Ellison 2", "Plan: Ellison 2"
/** Words that often follow a clinician's name in a note: "E. Baker aware", "R. Tovaldi PA". */
const AFTER_NAME = new Set(['aware', 'notified', 'informed', 'called', 'paged', 'updated', 'md', 'np', 'pa', 'rn', 'rrt', 'said', 'says', 'states', 'stated', 'ordered', 'here', 'in', 'placing', 'placed', 'spoke', 'wants', 'feels', 'made', 'will', 'to', 'at', 'and', 'who']);
const BEFORE_INITIAL = new Set(['per', 'by', 'with', 'w', 'and', 'call', 'called', 'paged', 'notified', 'contacted', 'page', 'dr', 'drs']);
const INITIAL_STOP = new Set(['coli', 'fib', 'flutter', 'aureus', 'aeruginosa', 'pneumoniae', 'difficile', 'faecalis', 'faecium', 'mirabilis', 'cloacae', 'marcescens', 'albicans', 'glabrata', 'influenzae', 'jejuni', 'pylori', 'fragilis', 'baumannii', 'epidermidis', 'viridans', 'maltophilia', 'oxytoca', 'perfringens']);
mark(RESIDENCE_CUES, C_RESIDE);
mark(US_STATE_CODES, C_STATE);
mark(FUNCTION_WORDS, C_FUNC);
mark(LABELS, C_LABEL);
mark(ORG_END, C_OTHER);
mark(US_STATE_NAMES, C_OTHER);
/**
 * Street words that end a street name without a house number ("lives on Elm Street", "found on
 * Main St"). Left out: the abbreviations that are clinical or name words too (Dr, Ct, Pl, Ter,
 * Sq, Cir) and the full words that are everyday phrases ("in place", "on the way").
 */
const STREET_FULL = set(['street', 'avenue', 'road', 'boulevard', 'lane', 'drive', 'court', 'terrace', 'parkway', 'highway', 'turnpike']);
const STREET_ABBR = set(['st', 'ave', 'rd', 'blvd', 'ln', 'pkwy', 'hwy']);
/** Road words before a number: "off Route 9", "on Rte 128", "down Highway 1". */
const ROAD_NUMBERED = set(['route', 'rte', 'highway', 'hwy', 'interstate']);
/** Words before a street name that say it is a place: "lives on", "found down on", "off". */
const STREET_PREPS = set(['on', 'at', 'off', 'near', 'to', 'from', 'in', 'into', 'onto', 'along', 'down', 'up', 'across', 'past', 'via']);
/** Where someone lives that is no place name, though some are also town names ("LIVES ALONE IN HOUSE"). */
const DWELLINGS = set(['house', 'home', 'homes', 'apartment', 'apt', 'condo', 'condominium', 'shelter', 'trailer', 'facility', 'building', 'town', 'city', 'village', 'area', 'community', 'housing', 'unit', 'room', 'basement', 'hotel', 'motel', 'camper', 'car', 'tent', 'street', 'streets', 'woods', 'cottage', 'farm', 'duplex', 'dorm', 'group', 'rehab', 'nursing', 'assisted', 'senior', 'elder', 'elderly', 'public', 'subsidized', 'section', 'rural', 'suburbs', 'country', 'state', 'county', 'same', 'own', 'private', 'single', 'two', 'family', 'his', 'her', 'their']);
const SPECIALTIES = set(FACILITY_SPECIALTIES);
/** The prepositions of a street for the abbreviated suffixes ("on Main St", not "in sinus ST"). */
const ABBR_PREPS = set(['on', 'at', 'off', 'near', 'onto', 'along', 'down', 'up', 'across', 'past']);
/** Words after "St" that keep it a street, not "St." of a saint's name ("Elm St Apt 4"). */
const AFTER_STREET = set(['apt', 'apartment', 'unit', 'suite', 'ste', 'bldg', 'fl', 'floor', 'rm', 'room', 'no', 'n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw']);
const DIRECTIONS = set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'north', 'south', 'east', 'west']);
mark([...STREET_FULL, ...STREET_ABBR, ...ROAD_NUMBERED], C_STREET);
const HAS_DIGIT = /\d/;

/** Shapes that can be part of a name. */

interface Mark {
  first: number; // token index, inclusive
  last: number; // token index, inclusive
  type: EntityType;
  score: number;
  strong: boolean;
  rule: string;
}

/** Characters allowed between two tokens of one name: spaces, a dot, a hyphen, an apostrophe. */
function joinable(text: string, a: Token, b: Token): boolean {
  if (a.line !== b.line) return false;
  const g = text.slice(a.end, b.start);
  if (g.length > 4 || g === '') return false;
  // A dot only right after the word ("St. Jude", "J. Smith"), never " . " between sentences.
  return /^[.'’\-]?[ \t]{0,3}$/.test(g);
}

/** Gap after a cue word before its name: "wife, Mary", "DAUGHTER- TAMSIN", "son: Vlad", "dtr (Ann". */
function cueGap(text: string, a: Token, b: Token): boolean {
  if (a.line !== b.line) return false;
  const g = text.slice(a.end, b.start);
  return g.length <= 5 && /^[ \t]*[.,:;\-(“"']{0,2}[ \t]*["“']?$/.test(g) && g !== '';
}

export function runRules(text: string, tokens: readonly Token[], lex: Lexicon, opt: RuleOptions): Entity[] {
  const n = tokens.length;
  if (n === 0) return [];
  const mixed = textCase(tokens) === 'mixed';
  const marks: Mark[] = [];
  const tok = (i: number): Token | undefined => (i >= 0 && i < n ? tokens[i] : undefined);
  const low = (i: number): string => tokens[i]?.lower ?? '';

  // Per-token lexicon bits and cue bits, computed once (the rules below read them many times).
  const F = new Uint8Array(n);
  const C = new Uint16Array(n);
  const L = new Uint8Array(n); // 1 = two or more letters, no digits
  const hot = lex.hot;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const w = t.lower;
    // Digit-bearing and one-letter tokens are never looked up (a third of a typical note).
    const plain = t.shape !== Shape.Digits && t.end - t.start >= 2 && !HAS_DIGIT.test(w);
    const packed = t.shape === Shape.Digits || hot === undefined ? undefined : hot.get(w);
    const cue = t.shape === Shape.Digits ? 0 : packed !== undefined ? packed & 0xffff : (CUE.get(w) ?? 0);
    C[i] = cue;
    // Function words ("the", "and", "will") are everyday words whatever the dictionaries say:
    // skip the big lookup for them (a third of the tokens).
    if (!plain) F[i] = 0;
    else if (cue === C_FUNC) F[i] = LEX_COMMON | LEX_STOP;
    else if (packed !== undefined) F[i] = packed >>> 16;
    else F[i] = flagsOf(lex, w);
    // Memoise cue and everyday / stop-listed words (function words by their cue alone).
    if (plain && packed === undefined && hot !== undefined && hot.size < HOT_WORDS) {
      const f = F[i] as number;
      if (cue === C_FUNC) hot.set(w, cue);
      else if (cue !== 0 || (f & (LEX_COMMON | LEX_STOP)) !== 0) hot.set(w, cue | (f << 16));
    }
    // A word inside a redaction tag ("[NAME]", "[NAME_1]") is never a name again: redacting
    // twice gives the same text.
    const inTag = t.start > 0 && text.charCodeAt(t.start - 1) === 91;
    L[i] = !inTag && plain ? 1 : 0;
    if (inTag) F[i] = LEX_STOP;
  }
  const fl = (i: number): number => (i >= 0 && i < n ? (F[i] as number) : 0);
  const isFunc = (i: number): boolean => i >= 0 && i < n && ((C[i] as number) & C_FUNC) !== 0;
  const isStop = (i: number): boolean => (fl(i) & LEX_STOP) !== 0;
  const isInitial = (i: number): boolean => {
    const t = tok(i);
    return !!t && t.end - t.start === 1 && t.shape !== Shape.Digits;
  };
  const letters = (i: number): boolean => i >= 0 && i < n && L[i] === 1;
  /** Unknown to every list: likely a proper noun in a note. */
  const unknown = (i: number): boolean => letters(i) && (fl(i) & (LEX_COMMON | LEX_STOP | LEX_NAME | LEX_PLACE)) === 0 && !isFunc(i);
  /** A word that can be (part of) a name when context says a name is here. */
  const nameSlot = (i: number): boolean => letters(i) && !isFunc(i) && !isStop(i) && ((fl(i) & LEX_NAME) !== 0 || (fl(i) & LEX_COMMON) === 0);
  /** Strict: a name word that is not also an everyday word. */
  const strongName = (i: number): boolean => letters(i) && !isFunc(i) && (fl(i) & (LEX_STOP | LEX_COMMON)) === 0;
  /** A dictionary name or place that is not an everyday word. */
  const lexName = (i: number): boolean => letters(i) && !isFunc(i) && (fl(i) & (LEX_NAME | LEX_STOP | LEX_COMMON)) === LEX_NAME;
  const lexPlace = (i: number): boolean => letters(i) && !isFunc(i) && (fl(i) & (LEX_PLACE | LEX_STOP | LEX_COMMON)) === LEX_PLACE;
  /** An unknown word written like a proper noun: capitalised in mixed text; any in ALL CAPS / lowercase notes. */
  const properUnknown = (i: number): boolean => unknown(i) && (!mixed || (tok(i) as Token).shape === Shape.Title || (tok(i) as Token).shape === Shape.Upper || (tok(i) as Token).shape === Shape.Mixed);

  let rule = '';
  const add = (first: number, last: number, type: EntityType, score: number, strong: boolean): void => {
    if (first < 0 || last >= n || last < first) return;
    marks.push({ first, last, type, score, strong, rule });
  };

  /** Extend a name run to the right: more name words, initials, hyphenated parts. */
  const extendName = (i: number, max = 2): number => {
    let last = i;
    for (let k = 0; k < max; k++) {
      const j = last + 1;
      const a = tok(last);
      const b = tok(j);
      if (!a || !b || !joinable(text, a, b)) break;
      // A dot and a space join a name only after an initial or "St" ("J. Smith", "St. Clair");
      // after a whole word they end the sentence ("Dr. Patel. MRN 0045..."). A bare dot still
      // joins ("korbin.jakubowski" in a user name).
      if (text.charCodeAt(a.end) === 46 && b.start > a.end + 1 && !isInitial(last) && a.lower !== 'st') break;
      const afterFirst = lex.isFirst(low(last)) || isInitial(last);
      // After a first name, a surname that is also a clinical word is a surname when both are
      // capitalised in mixed-case text and one space apart ("Jane Doe", "Mary Foley"; "DOE" /
      // "foley" stay terms, and so do table cells and dates: "Ressie\tDec-28-1946").
      if (lexName(j) || properUnknown(j) || (isInitial(j) && j + 1 < n && (lexName(j + 1) || properUnknown(j + 1) || lex.isName(low(j + 1)))) || (afterFirst && lex.isName(low(j)) && !isFunc(j) && (!isStop(j) || (mixed && b.shape === Shape.Title && a.shape === Shape.Title && b.start === a.end + 1 && text.charCodeAt(a.end) === 32 && !/^[-/ ]?\d/.test(text.slice(b.end, b.end + 2)))) && (!mixed || b.shape !== Shape.Lower))) {
        last = j;
        continue;
      }
      // "O'Halloran", "Halloran-Pike": any letters joined by an apostrophe or hyphen.
      const g = text.slice(a.end, b.start);
      if ((g === "'" || g === '’' || g === '-') && letters(j) && !isStop(j)) {
        last = j;
        continue;
      }
      break;
    }
    return last;
  };

  /** "X and Y", "X, Y and Z": further names after a cued one. */
  const listContinue = (last: number, type: EntityType, score: number): void => {
    let cur = last;
    for (let k = 0; k < 3; k++) {
      let j = cur + 1;
      const a = tok(cur);
      let b = tok(j);
      if (!a || !b || a.line !== b.line) return;
      let g = text.slice(a.end, b.start);
      if (low(j) === 'and' || low(j) === 'dr' || low(j) === 'drs') {
        const c = tok(j + 1);
        if (!c || c.line !== b.line) return;
        if (low(j) === 'and' && (low(j + 1) === 'dr' || low(j + 1) === 'drs')) return; // title rule handles it
        g = g + 'x';
        j += 1;
        b = c;
      }
      if (!/^[ \t]*[,&/]?[ \t]*x?[ \t]*$/.test(g.replace(/[ \t]+$/, '')) && !/^\s*(,|&|\/)?\s*x?\s*$/.test(g)) return;
      if (!(lexName(j) || properUnknown(j))) return;
      const e = extendName(j);
      add(j, e, type, score, true);
      cur = e;
    }
  };

  for (let i = 0; i < n; i++) {
    const cue = C[i] as number;
    const f = F[i] as number;
    // Most tokens start no rule: no cue and no dictionary hit.
    const t = tokens[i] as Token;
    const w = t.lower;
    if ((cue & ~C_FUNC) === 0 && (f & (LEX_NAME | LEX_PLACE | LEX_PHRASE)) === 0) {
      // Hospital acronyms ("MGH", "BWH") carry no dictionary bit: let them through.
      const last = w.charCodeAt(w.length - 1);
      if (!(t.shape === Shape.Upper && w.length <= 5 && (last === 104 || last === 99))) continue;
    }

    // --- title: Dr / Mr / Mrs + name --------------------------------------------------------
    rule = 'title';
    if ((cue & C_TITLE) !== 0 && opt.types.has('NAME')) {
      let j = i + 1;
      const b = tok(j);
      if (b && t.line === b.line) {
        const g = text.slice(t.end, b.start);
        // "drs'", "Dr.", "DR " — but not "Dr:" or "dr/rn"
        if (/^(\.|['’]|\.['’]|['’]\.)?[ \t]{1,3}$/.test(g) || (g === '.' && ((b.shape !== Shape.Lower && t.shape !== Shape.Lower) || ((w === 'dr' || w === 'drs') && letters(j) && (fl(j) & (LEX_COMMON | LEX_STOP)) === 0)))) {
          const weakTitle = w === 'ms' || w === 'sister' || w === 'father' || w === 'doc' || w === 'fr' || w === 'miss';
          const patientTitle = w === 'mr' || w === 'mrs' || w === 'mister';
          const firstOk = lex.isFirst(low(j)) && !isStop(j) && !isFunc(j);
          const ok = weakTitle
            ? /^[ \t]+$|^\.[ \t]+$/.test(g) && (lexName(j) || firstOk || (properUnknown(j) && mixed && b.shape === Shape.Title && t.shape !== Shape.Upper && t.shape !== Shape.Lower))
            : patientTitle
              ? lexName(j) || firstOk || properUnknown(j) || ((fl(j) & LEX_NAME) !== 0 && !isStop(j) && !isFunc(j) && (!mixed || (b.shape !== Shape.Lower && t.shape !== Shape.Upper)))
              : letters(j) && !TITLE_BLOCK.has(low(j)) && !(isFunc(j) && !lex.isName(low(j)));
          if (ok || (isInitial(j) && (lex.isName(low(j + 1)) || properUnknown(j + 1)) && !isStop(j + 1))) {
            const e = isInitial(j) ? extendName(j + 1) : extendName(j);
            add(j, e, 'NAME', 0.95, true);
            listContinue(e, 'NAME', 0.9);
          }
        }
      }
    }

    // --- relative: wife / son / dtr + name ---------------------------------------------------
    rule = 'relative';
    if ((cue & C_RELATIVE) !== 0 && opt.types.has('NAME')) {
      // "son in law Bob", "significant other jo", "dtr-in-law Noor"
      let c = i;
      if (low(c + 1) === 'in' && low(c + 2) === 'law') c += 2;
      if (w === 'other' && low(i - 1) !== 'significant') c = -1;
      const j = c + 1;
      const a = tok(c);
      const b = tok(j);
      const titleFirst = mixed && !!b && b.shape === Shape.Title && (fl(j) & LEX_FIRST) !== 0;
      if (c >= 0 && a && b && cueGap(text, a, b) && (nameSlot(j) || titleFirst) && !RELATIVES.has(low(j)) && !TITLES.has(low(j))) {
        const strongCue = w !== 'other' && w !== 'person' && w !== 'contact' && w !== 'law' && w !== 'hcp' && w !== 'proxy';
        // A first name even if it is an everyday word ("son bill"), an unambiguous surname, or
        // an unknown word written as a name ("dtr Tamsin").
        const firstOk = lex.isFirst(low(j)) && !isFunc(j) && (!isStop(j) || (mixed && b.shape === Shape.Title && strongCue));
        if (firstOk || lexName(j) || (strongCue && properUnknown(j) && (!mixed || b.shape === Shape.Title))) {
          const e = extendName(j);
          add(j, e, 'NAME', strongCue ? 0.9 : 0.8, true);
          listContinue(e, 'NAME', 0.85);
        }
      }
    }

    // --- role before a name: NP Brandt, caseworker Odile, house staff ana pereira ---------------
    rule = 'role';
    if ((cue & C_ROLE) !== 0 && opt.types.has('NAME')) {
      const j = i + 1;
      const b = tok(j);
      if (b && cueGap(text, t, b) && !CREDS.has(low(j)) && !ROLES.has(low(j)) && (lexName(j) || (lex.isFirst(low(j)) && !isStop(j) && !isFunc(j)))) {
        const e = extendName(j);
        // A role word alone is weak evidence for one ambiguous word; a full name is strong.
        add(j, e, 'NAME', e > j || lexName(j) ? 0.85 : 0.7, e > j);
      }
    }

    // --- credential after a name: "Ingrid Castellanos, RN", "T. HALVORSEN MD" ----------------------
    rule = 'credential';
    if ((cue & C_CRED) !== 0 && opt.types.has('NAME') && i > 0) {
      let j = i - 1;
      const a = tok(j);
      if (a && a.line === t.line) {
        const g = text.slice(a.end, t.start);
        if (/^[ \t]*[,(]?[ \t]*$/.test(g) && g.length <= 4) {
          let first = -1;
          let nameHits = 0;
          while (j >= 0 && i - j <= 4) {
            const cur = tok(j) as Token;
            const nxt = tok(j + 1) as Token;
            if (j < i - 1 && !joinable(text, cur, nxt)) break;
            if (CREDS.has(low(j)) && j === i - 1) {
              // "bsn/rn": step over a second credential
              j--;
              continue;
            }
            const cur2 = tok(j) as Token;
            if (lexName(j) || properUnknown(j) || (lex.isName(low(j)) && !isFunc(j) && !isStop(j) && (!mixed || cur2.shape !== Shape.Lower))) {
              if (lexName(j) || lex.isFirst(low(j))) nameHits++;
              else if (mixed && cur2.shape === Shape.Title && properUnknown(j) && first !== -1) nameHits++;
              first = j;
              j--;
              continue;
            }
            if (isInitial(j) && first !== -1) {
              first = j;
              j--;
              continue;
            }
            break;
          }
          if (first !== -1 && nameHits > 0) {
            let last = i - 1;
            while (last > first && CREDS.has(low(last))) last--;
            add(first, last, 'NAME', 0.85, true);
          }
        }
      }
    }

    // --- facility: <name words> + Hospital / Rehab / ER ---------------------------------------
    rule = 'facility';
    if ((cue & C_FAC) !== 0 && (opt.types.has('LOCATION') || opt.types.has('ORGANIZATION'))) {
      // A named facility is an organization (the PhysioNet corpus calls it a Location; its
      // scoring is category-blind). Callers who ask only for LOCATION still get it as one.
      const facType = opt.types.has('ORGANIZATION') ? 'ORGANIZATION' : 'LOCATION';
      // Walk back over other suffix words ("Calvert Hospital ER") to the name words.
      let j = i - 1;
      let nameEnd = NAME_SUFFIX.has(w) ? i : -1;
      while (j >= 0 && FAC_SUFFIX.has(low(j)) && joinable(text, tokens[j] as Token, tokens[j + 1] as Token)) {
        if (NAME_SUFFIX.has(low(j)) && nameEnd === -1) nameEnd = j;
        j--;
      }
      // Words that only follow a facility's name; unit words ("ER", "MICU", "center") need a known name.
      let specific = SPECIFIC_SUFFIX.has(w);
      for (let q = j + 1; q < i; q++) if (SPECIFIC_SUFFIX.has(low(q))) specific = true;
      let first = -1;
      let strong = 0;
      let strongOwn = 0;
      let k = j;
      while (k >= 0 && j - k < 3) {
        const cur = tok(k) as Token;
        const nxt = tok(k + 1) as Token;
        if (!joinable(text, cur, nxt)) break;
        const lw = low(k);
        if (FAC_GENERIC.has(lw) || FUNC.has(lw) && lw !== 'of' && lw !== 'good' && lw !== 'our' || /^\d/.test(lw)) break;
        // A specialty is part of a name ("Dana-Farber Cancer Institute") but no name by itself
        // ("Cardiology clinic", "the Heart Center"): walked over, never counted.
        if (SPECIALTIES.has(lw)) {
          k--;
          continue;
        }
        if (lw === 'of') {
          // "University of Maryland Hospital"
          if (first !== -1 && (low(k - 1) === 'university' || low(k - 1) === 'u' || low(k - 1) === 'univ')) {
            first = k;
            k--;
            continue;
          }
          break;
        }
        if (isStop(k) && !FAC_NAME.has(lw) && !STATE_CODES.has(lw)) break;
        if (!letters(k) && !(isInitial(k) && lw === 'u')) break;
        // Everyday words count only in mixed case when capitalised ("Good Samaritan Hospital"),
        // or as known facility-name words; ALL CAPS / lowercase accept them next to a suffix.
        const acronym = cur.shape === Shape.Upper && lw.length <= 5 && (mixed || lw.length <= 4) && !lex.isCommon(lw);
        if (FAC_NAME.has(lw) || lexPlace(k) || lexName(k) || STATE_NAMES.has(lw) || acronym || (specific && properUnknown(k))) {
          strong++;
          if (!FAC_NAME.has(lw) && !STATE_NAMES.has(lw)) strongOwn++;
        }
        else if (mixed && cur.shape === Shape.Lower) break;
        else if (unknown(k) && !specific) break;
        first = k;
        k--;
      }
      // "Lakeside Memorial", "Riverside Adventist": these suffixes are part of the name.
      const end = nameEnd !== -1 ? nameEnd : j;
      if (nameEnd !== -1) strong++;
      // The name's first word is the first one that is no specialty.
      while (first !== -1 && first <= j && SPECIALTIES.has(low(first))) first = first < j ? first + 1 : -1;
      if (first === -1 && nameEnd !== -1 && nameEnd < i && specific) {
        // "taken to Memorial Hospital", "the General Hospital": the name word itself.
        add(nameEnd, nameEnd, facType, 0.8, false);
      } else if (first !== -1 && strong > 0 && (specific || strongOwn > 0)) {
        add(first, end, facType, 0.9, true);
      } else if (first !== -1 && mixed && specific) {
        let allTitle = true;
        for (let k2 = first; k2 <= j; k2++) if ((tok(k2) as Token).shape !== Shape.Title) allTitle = false;
        if (allTitle) add(first, j, facType, 0.75, false);
      }
    }

    // --- organisations: "Goyettemouth Dialysis Center", "Fort Isac Urgent Care" ---------------
    rule = 'organization';
    if (ORG_END.has(w) && opt.types.has('ORGANIZATION') && i > 0) {
      // The generic chain ("Community Health Center") then 1-4 name words before it.
      let j = i - 1;
      while (j >= 0 && ORG_CHAIN.has(low(j)) && joinable(text, tokens[j] as Token, tokens[j + 1] as Token)) j--;
      const chainStart = j + 1;
      let first = -1;
      let own = 0;
      for (let k = j; k >= 0 && j - k < 4; k--) {
        const cur = tokens[k] as Token;
        const nxt = tokens[k + 1] as Token;
        const g = text.slice(cur.end, nxt.start);
        if (cur.line !== nxt.line || !(/^[.'’\-]?[ \t]{0,2}$/.test(g) || /^['’]s?[ \t]+$/.test(g)) || g === '') break;
        const lw = cur.lower;
        if (lw === 's' && /['’]$/.test(text.slice(cur.start - 1, cur.start))) continue; // possessive
        if (lw === 'of' || lw === 'and') {
          if (first === -1) break;
          continue;
        }
        if (isFunc(k) || (isStop(k) && !FAC_NAME.has(lw)) || FAC_GENERIC.has(lw) || !letters(k) && !(lw === 'st' || lw === 'mt')) break;
        if (mixed && cur.shape === Shape.Lower) break;
        if (!lex.isCommon(lw) || lexName(k) || lexPlace(k) || (fl(k) & LEX_NAME) !== 0) own++;
        first = k;
      }
      // "St. Britney's", "University of Kentucky": the phrase starts at its first name word.
      if (first > 0 && (low(first - 1) === 'st' || low(first - 1) === 'saint' || low(first - 1) === 'university')) first--;
      if (first !== -1 && own > 0 && (chainStart < i || ORG_STRONG_END.has(w))) add(first, i, 'ORGANIZATION', 0.8, false);
    }

    // --- University of <X> --------------------------------------------------------------------
    rule = 'university';
    if ((cue & C_UNIV) !== 0 && opt.types.has('LOCATION')) {
      let j = i + 1;
      if (w !== 'uof' && low(j) === 'of') j++;
      if (j > i + 1 || w === 'uof' || (w === 'u' && STATE_NAMES.has(low(j)))) {
        const b = tok(j);
        if (b && b.line === t.line && (STATE_NAMES.has(low(j)) || STATE_CODES.has(low(j)) || lex.isPlace(low(j)))) add(i, j, 'LOCATION', 0.85, false);
      }
    }

    // --- St. Jude's ---------------------------------------------------------------------------
    rule = 'saint';
    if ((cue & C_SAINT) !== 0 && opt.types.has('LOCATION')) {
      const j = i + 1;
      const b = tok(j);
      if (b && joinable(text, t, b) && letters(j) && (lex.isFirst(low(j)) || lexName(j)) && !isStop(j) && !isFunc(j) && !lex.isCommon(low(j))) {
        const prev = low(i - 1);
        const cued = PREPS.has(prev) || MOVES.has(prev) || FAC_SUFFIX.has(low(j + 1)) || FAC_SUFFIX.has(low(j + 2));
        // "St. Jude's": the possessive belongs to the name.
        const poss = tok(j + 1);
        const e = poss && poss.lower === 's' && /^['’]$/.test(text.slice(b.end, poss.start)) ? j + 1 : j;
        if (cued) add(i, e, 'LOCATION', 0.85, true);
      }
    }

    // --- move verbs + preposition + place / ward / acronym ------------------------------------
    rule = 'move';
    if ((cue & C_PREP) !== 0 && (opt.types.has('LOCATION') || opt.types.has('ORGANIZATION'))) {
      let j = i + 1;
      if (low(j) === 'the') j++;
      const b = tok(j);
      if (b && b.line === t.line && text.slice(t.end, b.start).length <= 6 && (w === 'plan' || !/[;:]/.test(text.slice(t.end, b.start)))) {
        const lb = b.lower;
        const moved = MOVES.has(low(i - 1)) || MOVES.has(low(i - 2)) || MOVES.has(low(i - 3));
        const next = tok(j + 1);
        const after = next ? text.slice(next.end, next.end + 6) : '';
        // "Ellison 2", "Ellison 2/3" (either floor), not "2 units", "2.5", "2/23".
        const wardNo = next && next.line === b.line && next.shape === Shape.Digits && next.end - next.start === 1 && /^[ \t]+$/.test(text.slice(b.end, next.start)) && (/^\/\d(?!\d)/.test(after) || !/^\s*(%|['’]|[-/.]\d|x\b|u\b|units?\b|mg|mcg|cc|ml|l\b|hr|min|days?|times)/i.test(after)) && b.end - b.start >= 4;
        const acronym = /^[a-z]{1,4}(h|mc|hc)$/.test(lb) && lb.length >= 2 && (b.shape === Shape.Upper || !mixed) && !isStop(j) && !lex.isCommon(lb) && !FAC_SUFFIX.has(lb) && !STATE_CODES.has(lb);
        const glued = /^[a-z]{5,}\d$/.test(lb) && w === 'to' && (b.shape === Shape.Upper || b.shape === Shape.Mixed) && !lex.isCommon(lb.replace(/\d+$/, '')) && !lex.isStop(lb.replace(/\d+$/, ''));
        const wardCue = w === 'to' || w === 'from' || w === 'on' || w === 'at' || (w === 'plan' && /^\s*:/.test(text.slice(t.end, b.start)));
        // "transferred to 209 Ellison": a room number, then the building.
        if (moved && w === 'to' && b.shape === Shape.Digits && b.end - b.start >= 2 && b.end - b.start <= 4 && next && next.line === b.line && /^[ \t]+$/.test(text.slice(b.end, next.start)) && properUnknown(j + 1) && (next.end - next.start) >= 5) {
          add(j + 1, j + 1, 'LOCATION', 0.8, true);
        }
        if ((glued || (wardNo && letters(j) && !isStop(j) && !isFunc(j) && !FAC_SUFFIX.has(lb) && !lex.isCommon(lb) && (!mixed || b.shape !== Shape.Lower))) && wardCue) {
          add(j, j, 'LOCATION', 0.85, true);
        } else if (w === 'in' && mixed && t.shape === Shape.Lower && b.shape === Shape.Title && properUnknown(j) && b.end - b.start >= 4 && (next === undefined || next.line !== b.line || next.shape !== Shape.Title)) {
          // "lives ... in Kittery.", "shelter in Lakewood area": a capitalised unknown word after "in"
          // (not two in a row: "in Interventional Radiology" is a department).
          add(j, j, 'LOCATION', 0.7, false);
        } else if (w === 'plan' || w === 'on') {
          // only wards follow these
        } else if (acronym && (moved || w === 'to' || w === 'from' || w === 'at' || (w === 'in' && b.shape === Shape.Upper && lb.length <= 3))) {
          add(j, j, 'LOCATION', 0.8, true);
        } else if (moved && (w === 'to' || w === 'from' || w === 'at') && !FAC_SUFFIX.has(lb) && !MOVES.has(lb) && letters(j) && !isStop(j) && !isFunc(j)) {
          const e = extendPlace(j);
          if (e > j && lex.placePhrases?.(lb)?.some((ph) => ph.length === e - j + 1)) add(j, e, 'LOCATION', 0.8, true);
          else if (lexPlace(j) || lexName(j) || (mixed && b.shape === Shape.Title && (properUnknown(j) || lex.isPlace(lb) || lex.isName(lb)))) add(j, e, 'LOCATION', 0.8, true);
        }
      }
    }

    // --- hospital acronyms: "LEAVE MGH", "seen by BWH nurse" ---------------------------------
    if (opt.types.has('LOCATION') && t.shape === Shape.Upper && /^[a-z]{1,4}(h|mc|hc)$/.test(w) && !isStop(i) && (f & LEX_COMMON) === 0 && !FAC_SUFFIX.has(w) && !STATE_CODES.has(w)) {
      const prev = low(i - 1);
      const next = low(i + 1);
      if (MOVES.has(prev) || ROLE_AFTER_FACILITY.has(next)) add(i, i, 'LOCATION', 0.75, true);
    }

    // --- residence: lives in / from / home in + place ------------------------------------------
    rule = 'residence';
    if ((cue & C_RESIDE) !== 0 && opt.types.has('LOCATION')) {
      let j = i + 1;
      // "lives with wife in Revere", "lives alone in Malden", "lives w/ son at ...": skip the
      // company (at most six words of the same clause) to the preposition.
      if ((w === 'lives' || w === 'living' || w === 'lived' || w === 'live' || w === 'resides') && (low(j) === 'with' || low(j) === 'w' || low(j) === 'alone')) {
        for (let k = j + 1; k <= j + 6 && k < n; k++) {
          const a = tok(k - 1) as Token;
          const b = tok(k) as Token;
          if (b.line !== t.line || /[.;:!?()]/.test(text.slice(a.end, b.start))) break;
          if (RESIDE_PREPS.has(b.lower)) {
            j = k;
            break;
          }
        }
      }
      if (w !== 'from') {
        if (!RESIDE_PREPS.has(low(j))) j = -1;
        else {
          j++;
          if (low(j) === 'in') j++; // "lives nearby in kittery"
        }
      }
      const b = j >= 0 ? tok(j) : undefined;
      if (b && b.line === t.line && b.lower === 'dc' && w !== 'from') add(j, j, 'LOCATION', 0.8, false);
      else if (b && b.line === t.line && letters(j) && !isStop(j) && !isFunc(j) && !STATE_NAMES.has(b.lower) && !FAC_GENERIC.has(b.lower)) {
        const lb = b.lower;
        const place = lex.isPlace(lb) || (lex.placePhrases?.(lb)?.length ?? 0) > 0;
        const pe = extendPlace(j);
        const phrase = pe > j && (lex.placePhrases?.(lb) ?? []).some((ph) => ph.length === pe - j + 1 && ph.every((x, q) => low(j + q) === x));
        // "called from Timonium", "daughter visiting from Scranton": a person travels from a place.
        const personFrom = w === 'from' && (FROM_CUES.has(low(i - 1)) || ((C[i - 1] ?? 0) & C_RELATIVE) !== 0);
        // After "lives (...) in", a listed place that is also a word is the place ("LIVES IN
        // REVERE", "lives in Hope") unless mixed-case text writes it in lower case.
        const livesIn = w !== 'from' && (w.startsWith('liv') || w.startsWith('resid')) && (!mixed || b.shape !== Shape.Lower) && !DWELLINGS.has(lb);
        const ok = (place && (!lex.isCommon(lb) || phrase || (mixed && b.shape === Shape.Title) || livesIn)) || ((w !== 'from' || personFrom) && properUnknown(j) && (!mixed || b.shape === Shape.Title));
        if (ok) {
          const e = extendPlace(j);
          add(j, e, 'LOCATION', 0.85, w !== 'from' || !lex.isCommon(lb));
        }
      }
    }

    // --- city, ST -------------------------------------------------------------------------------
    rule = 'city-state';
    // "Denver, CO 80202", "Portland, Oregon 97201": with a ZIP after it the state is part of an
    // address (and redacted with the city); without one only the city is (states are not PHI).
    const stateName = STATE_NAMES.has(w) && (mixed ? t.shape === Shape.Title : true);
    if (((cue & C_STATE) !== 0 || stateName) && i > 0 && opt.types.has('LOCATION') && (t.shape === Shape.Upper || !mixed || stateName)) {
      const a = tok(i - 1) as Token;
      const zipTok = tok(i + 1);
      const zip = !!zipTok && zipTok.line === t.line && zipTok.shape === Shape.Digits && zipTok.end - zipTok.start === 5 && /^[ \t]{1,2}$/.test(text.slice(t.end, zipTok.start));
      if (a.line === t.line && /^,[ \t]*$/.test(text.slice(a.end, t.start))) {
        const p = tok(i - 2);
        const last = zip ? i : i - 1;
        const cityOk = lexPlace(i - 1) || (lex.isPlace(a.lower) && !isStop(i - 1) && (!mixed || a.shape === Shape.Title)) || ((zip || stateName) && properUnknown(i - 1));
        if (p && joinable(text, p, a) && lex.placePhrases?.(p.lower)?.some((ph) => ph.length === 2 && ph[1] === a.lower)) add(i - 2, last, 'LOCATION', 0.85, true);
        else if (cityOk) {
          // "West Abigail", "Port Amely": a direction or port word before the city joins it.
          const pre = p && joinable(text, p, a) && CITY_PREFIX.has(p.lower) ? i - 2 : i - 1;
          add(pre, last, 'LOCATION', 0.85, true);
        } else if (zip && (a.shape === Shape.Title || a.shape === Shape.Upper) && letters(i - 1) && !isFunc(i - 1)) add(i - 1, i, 'LOCATION', 0.75, false);
      }
    }

    // --- street names without a house number: "lives on Elm Street", "off Route 9" ----------
    rule = 'street';
    if ((cue & C_STREET) !== 0 && opt.types.has('LOCATION')) {
      const next = tok(i + 1);
      if (ROAD_NUMBERED.has(w)) {
        // A road number right after it and a place preposition before: "off Route 9", "on Rte 128".
        const p = tok(i - 1);
        if (next && next.line === t.line && next.shape === Shape.Digits && next.end - next.start <= 3 && /^[ \t]{1,2}$/.test(text.slice(t.end, next.start)) && p && p.line === t.line && STREET_PREPS.has(p.lower) && (!mixed || t.shape !== Shape.Lower)) {
          add(i, i + 1, 'LOCATION', 0.8, false);
        }
      } else if (STREET_FULL.has(w) || STREET_ABBR.has(w)) {
        // One to three street-name words before the suffix, on its line: letters (or an
        // ordinal, "5th Ave"), no function word or clinical term; capitalised in mixed text.
        let first = -1;
        for (let k = i - 1; k >= i - 3 && k >= 0; k--) {
          const a = tok(k) as Token;
          const b = tok(k + 1) as Token;
          const g = text.slice(a.end, b.start);
          if (a.line !== t.line || !/^[ \t]{1,2}$/.test(g)) break;
          const ordinal = /^\d{1,3}(?:st|nd|rd|th)$/.test(a.lower);
          // A compass letter before the name is part of it ("N 5th Street", "E Washington Ave").
          if (k < i - 1 && DIRECTIONS.has(a.lower) && (!mixed || a.shape !== Shape.Lower)) {
            first = k;
            break;
          }
          if (!(letters(k) || ordinal) || isFunc(k) || isStop(k) || STREET_PREPS.has(a.lower)) break;
          if (mixed && !ordinal && a.shape !== Shape.Title && a.shape !== Shape.Upper && a.end - a.start !== 1) break;
          first = k;
        }
        if (first >= 0) {
          const p = tok(first - 1);
          // Abbreviations need a preposition people use of streets: "in sinus ST" is a rhythm.
          const afterPrep = !!p && p.line === t.line && (STREET_FULL.has(w) ? STREET_PREPS.has(p.lower) : ABBR_PREPS.has(p.lower));
          // "St" followed by a name is a saint ("Elm St Mary's" is rarer than "at St Mary's").
          const saint =
            w === 'st' && !!next && next.line === t.line && letters(i + 1) && !isFunc(i + 1) && !AFTER_STREET.has(next.lower) && !STREET_PREPS.has(next.lower) &&
            joinable(text, t, next) && (mixed ? next.shape === Shape.Title || next.shape === Shape.Upper : lex.isName(next.lower) || lex.isPlace(next.lower) || properUnknown(i + 1));
          const capsOk = !mixed || t.shape === Shape.Title || t.shape === Shape.Upper;
          // Without a preposition: mixed-case text, a full suffix word, and name words that are
          // no everyday words ("Beacon Street" yes, "Main Road" needs "on").
          let bare = mixed && t.shape === Shape.Title && STREET_FULL.has(w);
          for (let k = first; bare && k < i; k++) if (lex.isCommon(low(k))) bare = false;
          if (!saint && capsOk && (afterPrep || bare)) add(first, i, 'LOCATION', 0.8, false);
        }
      }
    }

    // --- field labels: "Patient: Price, Antonia A", "Surgeon: MS Goldner" ----------------------
    rule = 'label';
    if ((cue & C_LABEL) !== 0 && opt.types.has('NAME')) {
      const b = tok(i + 1);
      if (b && b.line === t.line && /^[ \t]*:[ \t]*["“]?$/.test(text.slice(t.end, b.start))) {
        let last = -1;
        for (let k = i + 1; k <= i + 5 && k < n; k++) {
          const cur = tokens[k] as Token;
          if (k > i + 1) {
            const g = text.slice((tokens[k - 1] as Token).end, cur.start);
            if (cur.line !== t.line || !/^([.'’\-]?[ \t]{0,2}|,[ \t]{1,2})$/.test(g) || g === '') break;
          }
          // "Patient: DOE, JOHN Q": a listed surname that is also a clinical term is the surname
          // when a comma and a first name follow it ("Last, First").
          const lastFirst = k === i + 1 && (fl(k) & LEX_NAME) !== 0 && !isFunc(k) && ((C[k] as number) & (C_RELATIVE | C_TITLE | C_ROLE)) === 0 && /^,[ \t]{1,2}$/.test(text.slice(cur.end, tok(k + 1)?.start ?? cur.end)) && lex.isFirst(low(k + 1));
          const ok = lexName(k) || properUnknown(k) || ((fl(k) & LEX_NAME) !== 0 && !isStop(k) && !isFunc(k)) || lastFirst || (isInitial(k) && k > i + 1) || (cur.shape === Shape.Upper && cur.end - cur.start === 2 && k === i + 1 && !isStop(k));
          if (!ok || CREDS.has(cur.lower)) break;
          last = k;
        }
        if (last !== -1) add(i + 1, last, 'NAME', 0.85, true);
      }
    }

    // --- lexicon: unambiguous name or place on its own ----------------------------------------
    rule = 'lexicon';
    if (opt.lexiconScore > 0 && (f & (LEX_NAME | LEX_PLACE | LEX_PHRASE)) !== 0 && letters(i) && !isStop(i) && !isFunc(i)) {
      const common = (f & LEX_COMMON) !== 0;
      if (!common && (f & LEX_NAME) !== 0 && ((f & LEX_RARE) === 0 || (f & LEX_FIRST) !== 0) && !STATE_NAMES.has(w) && opt.types.has('NAME')) add(i, (f & LEX_FIRST) !== 0 ? extendName(i) : i, 'NAME', opt.lexiconScore, false);
      else if (!common && (f & LEX_PLACE) !== 0 && !STATE_NAMES.has(w) && opt.types.has('LOCATION')) add(i, i, 'LOCATION', opt.lexiconScore, false);
      // Multi-word places ("Glen Ellyn", "Red Bank"): any unambiguous word, or all capitalised.
      const phrases = (f & LEX_PHRASE) !== 0 ? lex.placePhrases?.(w) : undefined;
      if (phrases && opt.types.has('LOCATION')) {
        for (const ph of phrases) {
          let ok = true;
          let anyRare = !common;
          for (let k = 1; k < ph.length; k++) {
            const a = tok(i + k - 1);
            const b = tok(i + k);
            if (!a || !b || !joinable(text, a, b) || b.lower !== ph[k]) {
              ok = false;
              break;
            }
            if (!lex.isCommon(b.lower) && !isStop(i + k)) anyRare = true;
          }
          if (!ok) continue;
          let allTitle = mixed;
          for (let k = 0; k < ph.length && allTitle; k++) allTitle = tok(i + k)?.shape === Shape.Title;
          if (anyRare || allTitle) add(i, i + ph.length - 1, 'LOCATION', Math.min(1, opt.lexiconScore + 0.1), false);
        }
      }
    }
  }

  function extendPlace(j: number): number {
    const b = tok(j) as Token;
    const phrases = lex.placePhrases?.(b.lower);
    let best = j;
    if (phrases) {
      for (const ph of phrases) {
        let ok = true;
        for (let k = 1; k < ph.length; k++) {
          const x = tok(j + k - 1);
          const y = tok(j + k);
          if (!x || !y || !joinable(text, x, y) || y.lower !== ph[k]) {
            ok = false;
            break;
          }
        }
        if (ok && j + ph.length - 1 > best) best = j + ph.length - 1;
      }
    }
    // "Cherry Hill", "Red Bank": a second capitalised or unknown word joined to the first.
    const c = tok(best + 1);
    if (best === j && c && joinable(text, b, c) && letters(best + 1) && !isStop(best + 1) && !isFunc(best + 1) && !FAC_SUFFIX.has(c.lower) && (properUnknown(best + 1) || lexPlace(best + 1) || (mixed && c.shape === Shape.Title && b.shape === Shape.Title && !lex.isCommon(c.lower)))) best++;
    return best;
  }

  // --- initials next to names ------------------------------------------------------------------
  rule = 'initials';
  // "J. Baker aware", "R. TOVALDI": a dotted initial vouches for the word after it.
  if (opt.types.has('NAME')) {
    for (let i = 0; i + 1 < n; i++) {
      if (!isInitial(i)) continue;
      const a = tokens[i] as Token;
      const b = tokens[i + 1] as Token;
      if (a.shape !== Shape.Initial && mixed) continue;
      // Not an abbreviation piece: "U/O.", "A&O.", "C/D/I.", "R>L.", "Y.O."
      if (!/^\.[ \t]{1,2}$/.test(text.slice(a.end, b.start)) || /[\p{L}\p{N}'’/&+<>.=-]/u.test(text[a.start - 1] ?? '') || a.line !== b.line) continue;
      const lb = b.lower;
      if (INITIAL_STOP.has(lb) || isStop(i + 1) || isFunc(i + 1) || !letters(i + 1) || a.lower === 'a' || a.lower === 'i') continue;
      const after = low(i + 2);
      const cueAfter = (AFTER_NAME.has(after) && (tok(i + 2) as Token | undefined)?.line === b.line) || BEFORE_INITIAL.has(low(i - 1));
      if (lexName(i + 1) || (cueAfter && ((fl(i + 1) & LEX_NAME) !== 0 || properUnknown(i + 1)))) add(i, extendName(i + 1), 'NAME', 0.8, false);
    }
  }
  const nameMarks = marks.filter((m) => m.type === 'NAME');
  for (const m of nameMarks) {
    const p = m.first - 1;
    const pt = tok(p);
    const ft = tok(m.first) as Token;
    const dotted = !!pt && text.charCodeAt(pt.end) === 46;
    const afterApostrophe = !!pt && /['’]/.test(text[pt.start - 1] ?? '');
    if (pt && isInitial(p) && joinable(text, pt, ft) && !afterApostrophe && (dotted || !NO_DOT_INITIAL_BLOCK.has(pt.lower)) && (pt.shape === Shape.Initial || !mixed)) {
      add(p, m.first - 1, 'NAME', m.score, m.strong);
      // "ARLO C. FENWICK": a first name before the initial
      const pp = tok(p - 1);
      if (pp && joinable(text, pp, pt) && lex.isName(pp.lower) && !lex.isCommon(pp.lower) && !isStop(p - 1)) add(p - 1, p - 1, 'NAME', m.score, m.strong);
    }
  }
  // "arlo c. fenwick" where fenwick was found alone and arlo by the lexicon: join initials between names.
  const nameCovered = new Uint8Array(n);
  for (const m of marks) if (m.type === 'NAME') for (let k = m.first; k <= m.last; k++) nameCovered[k] = 1;
  for (let i = 1; i + 1 < n; i++) {
    if (!isInitial(i)) continue;
    const a = tok(i - 1) as Token;
    const b = tok(i) as Token;
    const c = tok(i + 1) as Token;
    if (!joinable(text, a, b) || !joinable(text, b, c) || (text.charCodeAt(b.end) !== 46 && NO_DOT_INITIAL_BLOCK.has(b.lower))) continue;
    if (nameCovered[i - 1] === 1 && nameCovered[i + 1] === 1) add(i, i, 'NAME', 0.8, false);
  }

  // --- propagate strong finds to other occurrences --------------------------------------------
  rule = 'propagate';
  if (opt.propagate) {
    const learned = new Map<string, EntityType>();
    for (const m of marks) {
      if (!m.strong) continue;
      for (let k = m.first; k <= m.last; k++) {
        const lw = low(k);
        if (lw.length >= 2 && letters(k) && !lex.isCommon(lw) && !isStop(k) && !FUNC.has(lw) && !FAC_NAME.has(lw) && !STATE_CODES.has(lw) && !STATE_NAMES.has(lw) && (lw.length >= 4 || m.rule === 'move')) learned.set(lw, m.type);
      }
    }
    if (learned.size > 0) {
      for (let i = 0; i < n; i++) {
        const ty = learned.get(low(i));
        if (ty) add(i, i, ty, 0.75, false);
      }
    }
  }

    // --- to entities -----------------------------------------------------------------------------
  const out: Entity[] = [];
  for (const m of marks) {
    if (!opt.types.has(m.type)) continue;
    const a = tokens[m.first] as Token;
    const b = tokens[m.last] as Token;
    out.push({ type: m.type, start: a.start, end: b.end, score: m.score, source: `${opt.source}/${m.rule}` });
  }
  return mergeSame(out);
}

/** Merge overlapping or touching spans of the same type (keeping the best score). */
export function mergeSame(entities: Entity[]): Entity[] {
  if (entities.length <= 1) return entities;
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Entity[] = [];
  for (const e of entities) {
    const last = out[out.length - 1];
    if (last && last.type === e.type && e.start <= last.end) {
      if (e.end > last.end) last.end = e.end;
      if (e.score > last.score) last.score = e.score;
      continue;
    }
    out.push({ ...e });
  }
  return out;
}
