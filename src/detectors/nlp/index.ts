/**
 * Detector `nlp`: compromise (MIT) finds people, places and organizations by grammar and its own
 * lexicon ("met with X", "X said", "Boston General Hospital"), made to work on clinical notes:
 *
 * - Speed: compromise runs at roughly 0.1 MB/s, so it only sees candidate windows: a few words
 *   either side of a title, relative or facility cue, and of those only the windows holding a
 *   word that trim() could keep (see mayYield). About 1% of a note's characters reach it.
 * - Case: ALL CAPS and all-lowercase notes are truecased before tagging (lower-cased, then
 *   likely proper nouns capitalised: compromise-lexicon names and places, words unknown to the
 *   common-English list, words after titles). Only ASCII letters change case, so the truecased
 *   copy has exactly the input's length and offsets carry over unchanged.
 * - Offsets: compromise's match offsets are wrong for some spans that start with punctuation
 *   ("(Dr. Smith)" reports the start after the bracket but the length with it), so every term is
 *   re-located in the segment by its own text and spans are rebuilt from terms.
 * - Precision: the clinical stop list and the common-English list trim and veto spans (Foley,
 *   Lasix, "Parkinson's"); titles and credentials are cut off the span.
 */
import { ConfigError, DetectorError, scrubCause } from '../../errors.js';
import type { DetectContext, Detector, Entity, EntityType } from '../../types.js';
import type { DetectorFactory } from '../registry.js';
import { COMMON_WORD_NAMES, CREDENTIALS, FACILITY_SPECIALTIES, FUNCTION_WORDS, NAME_TITLES, RELATIVE_CUES, US_STATE_NAMES } from '../clinical/context.js';
import { mergeSame } from '../clinical/rules.js';
import { createStopList } from '../clinical/stoplist.js';
import { Shape, textCase, tokenize, tokensFor, type Token } from '../clinical/tokens.js';

export interface NlpDetectorOptions {
  /** Extra stop words, added to DEFAULT_CLINICAL_STOP_WORDS. @default [] */
  stopWords?: readonly string[];
  /** Use only `stopWords`, not the built-in clinical stop list. @default false */
  replaceStopWords?: boolean;
  /** Truecase ALL CAPS / lowercase text before tagging. @default true */
  truecase?: boolean;
  /** Run compromise only on candidate segments (false: on every segment, about 0.1 MB/s). @default true */
  candidatesOnly?: boolean;
  /** Longest segment handed to compromise, in UTF-16 units; longer ones are cut at spaces. @default 2000 */
  maxSegment?: number;
  /** Scores for people / places / organizations found by compromise. @default { NAME: 0.7, LOCATION: 0.65, ORGANIZATION: 0.6 } */
  scores?: Partial<Record<'NAME' | 'LOCATION' | 'ORGANIZATION', number>>;
}

export const NLP_DEFAULTS = Object.freeze({
  stopWords: [] as readonly string[],
  replaceStopWords: false,
  truecase: true,
  candidatesOnly: true,
  maxSegment: 2000,
  scores: Object.freeze({ NAME: 0.7, LOCATION: 0.65, ORGANIZATION: 0.6 }),
});

const TYPES: readonly EntityType[] = ['NAME', 'LOCATION', 'ORGANIZATION'];
const SPECIALTY_SET: ReadonlySet<string> = new Set(FACILITY_SPECIALTIES);
/** Each type and the compromise tag whose runs of terms report it (what `match('#Person+')` finds). */
const GROUPS: readonly [EntityType, string][] = [
  ['NAME', 'Person'],
  ['LOCATION', 'Place'],
  ['ORGANIZATION', 'Organization'],
];

/** The parts of compromise's document model read here (`view.docs`: sentences of terms). */
interface CompromiseTerm {
  text: string;
  tags: ReadonlySet<string>;
  /** Set by `view.compute('offset')`. */
  offset?: { start: number; length: number };
}
interface CompromiseView {
  readonly docs: readonly (readonly CompromiseTerm[])[];
  compute(method: string): unknown;
}
type Nlp = ((text: string) => CompromiseView) & { model(): { one: { lexicon: Record<string, string | string[]> } } };

interface Shared {
  nlp: Nlp;
  /** Words compromise's lexicon knows as people or places. */
  nameish: Set<string>;
  common: Set<string>;
}
let shared: Promise<Shared> | undefined;

async function loadShared(): Promise<Shared> {
  // compromise/two: tokenizer + tagger (#Person, #Place, #Organization) without the heavier
  // three-level plugins; noticeably cheaper per call.
  const [mod, eng] = await Promise.all([import('compromise/two'), import('../dictionary/data/english.js')]);
  const nlp = ((mod as { default?: unknown }).default ?? mod) as Nlp;
  const lexicon = nlp.model().one.lexicon;
  const nameish = new Set<string>();
  for (const [w, tag] of Object.entries(lexicon)) {
    const tags = Array.isArray(tag) ? tag.join('|') : tag;
    if (/Name|Person|City|Place|Region|Organization/.test(tags) && /^[a-z]{2,}$/.test(w)) nameish.add(w);
  }
  // Everyday words veto a span on their own ("amber urine", "with walker"), even those that
  // compromise also knows as names.
  const common = new Set(eng.ENGLISH_WORDS.split('\n'));
  for (const w of COMMON_WORD_NAMES) common.add(w);
  for (const w of common) nameish.delete(w);
  return { nlp, nameish, common };
}

/** Tokens that make the words around them worth tagging. */
const CUES = new Set([...NAME_TITLES, ...RELATIVE_CUES, 'hospital', 'hosp', 'clinic', 'lives', 'transferred', 'transfered']);
// Credentials and roles (RN, NP, PA, MD) are too frequent in notes to trigger compromise: the
// dictionary detector's rules cover "Ingrid Castellanos, RN" without it.
for (const w of ['other', 'person', 'contact', 'law', 'hcp', 'proxy', 'sister', 'father']) CUES.delete(w);
/** Tokens on each side of a trigger handed to compromise. */
const WINDOW = 4;
const TITLE_SET = new Set(NAME_TITLES);
const STRONG_TITLES = new Set(['dr', 'drs', 'doctor', 'mr', 'mrs']);
const FUNC = new Set(FUNCTION_WORDS);
/** States are not PHI on their own (Safe Harbor keeps them). */
const STATES = new Set(US_STATE_NAMES);
const CRED_SET = new Set(CREDENTIALS);

/** ASCII-only case change keeps the string's length (and so every offset). */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

const TITLE_NEAR = /dr|mr|doctor/i;

/** `\s` of a JS regex (the characters `/\.\s/` accepts after a full stop). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether text[from, to) (the gap between two tokens) holds `;`, `!`, `?` or a full stop and a space. */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 33 || c === 63) return true;
    if (c === 46 && i + 1 < to && isSpace(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

/**
 * Whether compromise could find anything in tokens a..b that trim() would keep. trim() keeps a
 * span only if one of its words is informative: at least 3 letters, no digit, not an everyday
 * or stop word, and a word compromise knows as a person or place, or capitalised in mixed-case
 * text, or anything after a strong title (Dr, Mr, Mrs, Doctor). Windows without such a word are
 * not tagged at all: about three windows in four on clinical notes, and compromise's time with
 * them. The title test is on the raw characters (and the 8 before, as trim() looks there), a
 * superset of what trim() accepts; words with digits are kept when they have 4 or more
 * characters (compromise may split them).
 */
function mayYield(text: string, tokens: readonly Token[], a: number, b: number, mixed: boolean, nameish: ReadonlySet<string>, isCommon: (w: string) => boolean): boolean {
  let titled: boolean | undefined;
  for (let k = a; k <= b; k++) {
    const t = tokens[k] as Token;
    const len = t.end - t.start;
    if (len < 3) continue;
    const w = t.lower;
    if (/\d/.test(w)) {
      if (len >= 4) return true;
      continue;
    }
    if (isCommon(w)) continue;
    if (nameish.has(w) || (mixed && t.shape !== Shape.Lower && t.shape !== Shape.Upper)) return true;
    titled ??= TITLE_NEAR.test(text.slice(Math.max(0, (tokens[a] as Token).start - 8), (tokens[b] as Token).end));
    if (titled) return true;
  }
  return false;
}

export function createNlpDetector(options: NlpDetectorOptions = {}): Detector {
  if (typeof options !== 'object' || options === null) throw new ConfigError('nlp', 'an options object');
  const { stopWords = [], replaceStopWords = false, truecase = true, candidatesOnly = true, maxSegment = 2000 } = options;
  if (!Array.isArray(stopWords) || stopWords.some((w) => typeof w !== 'string')) throw new ConfigError('nlp.stopWords', 'an array of strings');
  if (typeof replaceStopWords !== 'boolean') throw new ConfigError('nlp.replaceStopWords', 'a boolean');
  if (typeof truecase !== 'boolean') throw new ConfigError('nlp.truecase', 'a boolean');
  if (typeof candidatesOnly !== 'boolean') throw new ConfigError('nlp.candidatesOnly', 'a boolean');
  if (!Number.isInteger(maxSegment) || maxSegment < 50) throw new ConfigError('nlp.maxSegment', 'an integer >= 50');
  const scores = { ...NLP_DEFAULTS.scores, ...(options.scores ?? {}) };
  for (const [k, v] of Object.entries(scores)) {
    if (!TYPES.includes(k as EntityType) || typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new ConfigError('nlp.scores', 'NAME/LOCATION/ORGANIZATION scores between 0 and 1');
  }
  const stop = createStopList(stopWords, replaceStopWords);
  let s: Shared | undefined;

  async function load(): Promise<void> {
    if (s) return;
    shared ??= loadShared().catch((err: unknown) => {
      shared = undefined;
      throw err;
    });
    s = await shared;
  }

  /** Segments: lines, cut further at sentence ends and semicolons (token index ranges). */
  function segments(text: string, tokens: readonly Token[]): [number, number][] {
    const out: [number, number][] = [];
    let first = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      const next = tokens[i + 1];
      let cut = !next || next.line !== t.line;
      if (!cut && next) {
        const sentenceEnd = (next.start - t.end > 1 || text.charCodeAt(t.end) !== 32) && endsSentence(text, t.end, next.start) && !TITLE_SET.has(t.lower) && t.end - t.start > 1;
        cut = sentenceEnd || next.end - (tokens[first] as Token).start > maxSegment;
      }
      if (cut) {
        out.push([first, i]);
        first = i + 1;
      }
    }
    return out;
  }

  function detect(text: string, ctx: DetectContext): Entity[] {
    if (!s) throw new ConfigError('nlp', 'load() to be awaited before detect()');
    if (typeof text !== 'string' || text.length === 0) return [];
    const types = TYPES.filter((t) => ctx.types.has(t));
    if (types.length === 0) return [];
    const { nlp, nameish, common } = s;
    const tokens = tokensFor(text, ctx);
    const mixed = textCase(tokens) === 'mixed';
    const found: Entity[] = [];
    const isCommon = (w: string): boolean => common.has(w) || FUNC.has(w) || stop.has(w);

    // Windows of WINDOW tokens around each trigger, merged and kept inside their segment.
    const windows: [number, number][] = [];
    for (const [a, b] of segments(text, tokens)) {
      let lastEnd = -1;
      for (let i = a; i <= b; i++) {
        const t = tokens[i] as Token;
        let trigger = !candidatesOnly;
        if (!trigger) {
          if (CUES.has(t.lower)) trigger = true;
        }
        if (!trigger) continue;
        const ws = candidatesOnly ? Math.max(a, i - WINDOW) : a;
        const we = candidatesOnly ? Math.min(b, i + WINDOW) : b;
        if (ws <= lastEnd && windows.length > 0) (windows[windows.length - 1] as [number, number])[1] = we;
        else windows.push([ws, we]);
        lastEnd = we;
        if (!candidatesOnly) break;
      }
    }
    // One compromise call per input: the windows joined by blank lines (a sentence break for
    // compromise), each remembered by where it sits in the joined string and in the input.
    const parts: string[] = [];
    const bases: number[] = [];
    const origins: number[] = [];
    let joinedLength = 0;
    for (const [a, b] of windows) {
      if (!mayYield(text, tokens, a, b, mixed, nameish, isCommon)) continue;
      const segStart = (tokens[a] as Token).start;
      const segEnd = (tokens[b] as Token).end;
      let seg = text.slice(segStart, segEnd);
      if (truecase && !mixed) {
        // Lower-case everything, then capitalise likely proper nouns (ASCII only: same length).
        const chars = asciiLower(seg).split('');
        for (let i = a; i <= b; i++) {
          const t = tokens[i] as Token;
          const prev = tokens[i - 1];
          const proper = i === a || nameish.has(t.lower) || (!isCommon(t.lower) && t.end - t.start > 1 && !/\d/.test(t.lower)) || (prev !== undefined && TITLE_SET.has(prev.lower));
          if (!proper || CRED_SET.has(t.lower) || stop.has(t.lower)) continue;
          const k = t.start - segStart;
          const c = chars[k] as string;
          if (c >= 'a' && c <= 'z') chars[k] = c.toUpperCase();
        }
        seg = chars.join('');
      }
      // Line breaks inside a window would end compromise's sentence early; they are spaces here.
      seg = seg.replace(/[\r\n]/g, ' ');
      bases.push(joinedLength);
      origins.push(segStart);
      parts.push(seg);
      joinedLength += seg.length + 2;
    }
    if (parts.length === 0) return [];
    // compromise's cost grows faster than linearly with one huge document: tag in batches.
    const BATCH = 20_000;
    let p0 = 0;
    while (p0 < parts.length) {
      let p1 = p0;
      let len = 0;
      while (p1 < parts.length && (p1 === p0 || len + (parts[p1] as string).length < BATCH)) {
        len += (parts[p1] as string).length + 2;
        p1++;
      }
      tagBatch(p0, p1);
      p0 = p1;
    }

    function tagBatch(from: number, to: number): void {
      const joined = parts.slice(from, to).join('\n\n');
      const lowJoined = joined.toLowerCase().length === joined.length ? joined.toLowerCase() : asciiLower(joined);
      const offset0 = bases[from] as number;
      const toText = (p: number, endSide: boolean): number | undefined => {
        const q = p + offset0;
        let lo = from;
        let hi = to - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((bases[mid] as number) <= q - (endSide ? 1 : 0)) lo = mid;
          else hi = mid - 1;
        }
        const base = bases[lo] as number;
        const len = (parts[lo] as string).length;
        const off = q - base;
        if (off < 0 || off > len || (!endSide && off === len)) return undefined;
        return (origins[lo] as number) + off;
      };
      let sentences: CompromiseView['docs'];
      try {
        const view = nlp(joined);
        view.compute('offset');
        sentences = view.docs;
      } catch (err) {
        throw new DetectorError('nlp', 'compromise failed', { cause: scrubCause(err) });
      }
      // Runs of terms carrying the tag, per sentence: what `view.match('#Person+').json()` would
      // return, read straight from the document model (no pattern parsing, no JSON copies).
      for (const [type, tag] of GROUPS) {
        if (!types.includes(type)) continue;
        for (const terms of sentences) {
          for (let k = 0; k < terms.length; ) {
            if (!(terms[k] as CompromiseTerm).tags.has(tag)) {
              k++;
              continue;
            }
            let e = k + 1;
            while (e < terms.length && (terms[e] as CompromiseTerm).tags.has(tag)) e++;
            emit(type, terms, k, e);
            k = e;
          }
        }
      }

      function emit(type: EntityType, terms: readonly CompromiseTerm[], from: number, to: number): void {
        const span = locate(joined, lowJoined, terms, from, to);
        if (!span) return;
        const start = toText(span[0], false);
        const end = toText(span[1], true);
        if (start === undefined || end === undefined || end <= start || end - start !== span[1] - span[0]) return;
        const e = trim(text, start, end, isCommon, mixed);
        if (e) found.push({ type, start: e[0], end: e[1], score: scores[type as keyof typeof scores], source: 'nlp' });
      }
    }
    return mergeSame(found);
  }

  /**
   * Rebuild a match's span from its terms, each re-located in `seg` by its own text (the
   * reported offset is tried first, then the nearest occurrence after the previous term).
   */
  function locate(seg: string, lowSeg: string, terms: readonly CompromiseTerm[], from: number, to: number): [number, number] | undefined {
    let cursor = Math.max(0, ((terms[from] as CompromiseTerm).offset?.start ?? 0) - 8);
    let start = -1;
    let end = -1;
    for (let k = from; k < to; k++) {
      const t = terms[k] as CompromiseTerm;
      const word = (t.text ?? '').toLowerCase();
      if (!word) continue;
      let at = -1;
      const guess = t.offset?.start;
      if (guess !== undefined && guess >= 0 && lowSeg.startsWith(word, guess)) at = guess;
      else {
        at = lowSeg.indexOf(word, cursor);
        // Terms are near their match: never scan far (keeps this linear on huge inputs).
        if (at - cursor > 64) at = -1;
      }
      if (at === -1) return undefined;
      if (start === -1) start = at;
      end = at + word.length;
      cursor = end;
    }
    if (start === -1 || end <= start || end > seg.length) return undefined;
    return [start, end];
  }

  /** Cut titles, credentials, stop words and punctuation off both ends; veto all-common spans. */
  function trim(text: string, start: number, end: number, isCommon: (w: string) => boolean, mixedText: boolean): [number, number] | undefined {
    const inner = tokenize(text.slice(start, end)).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
    let i = 0;
    let j = inner.length - 1;
    const drop = (t: Token): boolean => TITLE_SET.has(t.lower) || CRED_SET.has(t.lower) || stop.has(t.lower) || FUNC.has(t.lower) || t.shape === Shape.Digits;
    // A title at the front ("Dr Healey") vouches for an unknown surname after it.
    // ("MS" is also morphine and mental status: it vouches for nothing.)
    let titled = i <= j && STRONG_TITLES.has((inner[i] as Token).lower);
    if (!titled) {
      const before = /([\p{L}]+)\.?\s*$/u.exec(text.slice(Math.max(0, start - 8), start));
      titled = before !== null && STRONG_TITLES.has((before[1] as string).toLowerCase());
    }
    while (i <= j && drop(inner[i] as Token)) i++;
    while (j >= i && drop(inner[j] as Token)) j--;
    if (i > j) return undefined;
    // Evidence a span is a real name: a word compromise's lexicon knows as a person or place,
    // or (in mixed-case text) a capitalised word that is not an everyday word.
    let informative = false;
    for (let k = i; k <= j; k++) {
      const t = inner[k] as Token;
      if (STATES.has(t.lower)) return undefined;
      // A medical specialty names no one: "Cardiology clinic" is a kind of clinic.
      if (isCommon(t.lower) || t.end - t.start < 3 || /\d/.test(t.lower) || SPECIALTY_SET.has(t.lower)) continue;
      if (s?.nameish.has(t.lower) || titled || (mixedText && t.shape !== Shape.Lower && t.shape !== Shape.Upper)) informative = true;
    }
    if (!informative) return undefined;
    return [(inner[i] as Token).start, (inner[j] as Token).end];
  }

  const detector: Detector = {
    id: 'nlp',
    types: TYPES,
    load,
    detect: function detectNlp(text, ctx) {
      return detect(text, ctx);
    },
  };
  return detector;
}

export const nlpDetectorFactory: DetectorFactory = {
  id: 'nlp',
  description: 'compromise people/places/organizations on candidate segments, truecased, with the clinical stop list',
  available: () => true,
  create: (options: unknown) => createNlpDetector((options ?? {}) as NlpDetectorOptions),
};
