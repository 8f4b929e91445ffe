/**
 * Shared machinery of the `patterns` detector: the readable pattern record (`PatternSpec`), the
 * cue kinds, the keyword table and the per-call scan state.
 *
 * Why a hand-rolled scan instead of N global regexes: clinical notes are dense with numbers and
 * words, and every global regex walks the whole text again. One pass over char codes splits the
 * text into alphanumeric tokens; a token with a digit is offered to the numeric families, a word
 * is hashed (no substring is built) and looked up in one keyword table (months, cue words, URL
 * schemes, TLDs, units). Only there are the family's sticky (`y`) regexes run, anchored at the
 * candidate, so the regex engine never scans text that cannot match. The regexes use neither the
 * `u` flag nor lookbehind (both slower in V8) and every one is listed in DEFAULT_PATTERNS, where
 * the ReDoS test checks it.
 */
import type { Entity, EntityType } from '../../types.js';

/** A built-in pattern, as readable data. `regex` is sticky and matched at a candidate start. */
export interface PatternSpec {
  /** Stable name; the entity source is `patterns/<family>`. */
  readonly name: string;
  readonly family: string;
  readonly type: EntityType;
  readonly regex: RegExp;
  /** Score when the shape matches and no checksum or cue says more. */
  readonly score: number;
  /** Score when a cue of `context` precedes it (or the checksum confirms). */
  readonly cuedScore: number;
  /** Cue kinds (keys of DEFAULT_CUE_WORDS) that raise the score or admit the shape. */
  readonly context: readonly CueName[];
  /** True when the shape is only reported after a cue. */
  readonly requiresContext: boolean;
  /** Checksum / structure hook, by validator name (src/validators). */
  readonly validator?: string;
  readonly description: string;
}

export const CUE_NAMES = [
  'date',
  'year',
  'age',
  'ssn',
  'mrn',
  'healthPlan',
  'account',
  'routing',
  'license',
  'dea',
  'vin',
  'plate',
  'device',
  'zip',
  'npi',
  'card',
  'iban',
  'ip',
  'other',
  'biometric',
] as const;
export type CueName = (typeof CUE_NAMES)[number];

/** Cue kind numbers (index into CUE_NAMES), for the hot path. */
export const CUE = Object.fromEntries(CUE_NAMES.map((n, i) => [n, i])) as { readonly [K in CueName]: number };

/** Cue kinds that name the identifier right after them (consumed by the next token with a digit). */
export const ID_CUES: ReadonlySet<number> = new Set(
  (['ssn', 'mrn', 'healthPlan', 'account', 'routing', 'license', 'dea', 'vin', 'plate', 'device', 'zip', 'npi', 'card', 'iban', 'ip', 'other', 'biometric'] as const).map((n) => CUE[n]),
);

/** ID_CUES as a bit mask over cue kind numbers, for the hot path. */
export const ID_CUE_MASK: number = [...ID_CUES].reduce((m, k) => m | (1 << k), 0);

/** Keyword flags. */
export const KW_MONTH = 1;
export const KW_MONTH_FULL = 2; // a full month name that may stand alone in a date context
export const KW_AMBIGUOUS_MONTH = 4; // may, mar, dec, jan, jun: also ordinary words
export const KW_URL = 8; // http, https, ftp, www
export const KW_TLD = 16;
export const KW_UNIT = 32; // a unit or quantity word: the number before it is a measurement
export const KW_AGE_WORD = 64; // ninety
export const KW_POBOX = 128; // p, po, post (start of "PO Box")
export const KW_NEEDS_MARK = 256; // cue only when followed by '#', ':' or "no"/"number" (mr, ss, sn, dl)
export const KW_THE = 512;
export const KW_STATE = 1024; // US state name (last word of it)
export const KW_STOP_STREET = 2048; // cannot start a street name (units, clinical words)
export const KW_GENERIC_LABEL = 8192; // no, number, id: "<label> no. 12345" names an identifier
export const KW_NOT_ID_LABEL = 16384; // room, bed, ext, pager: "<word> #12" is not an identifier

export interface Keyword {
  readonly word: string;
  /** Earlier words of a phrase cue, in order ("medical" for "medical record"). */
  readonly before: readonly string[];
  /** Bit mask of cue kinds (1 << CUE[name]); 0 when not a cue. */
  readonly cues: number;
  readonly flags: number;
  /**
   * Length of the last `before` word when it is all letters, else -1: the word before the
   * keyword must be an alphanumeric run of exactly this length, a cheap first test when a
   * common word ("no", "id") ends many phrases.
   */
  readonly lastLen: number;
  /** hashWord of the last `before` word (0 without one). */
  readonly lastHash: number;
}

function lastLetters(before: readonly string[]): number {
  const last = before[before.length - 1];
  return last !== undefined && /^[a-z]+$/.test(last) ? last.length : -1;
}

/** FNV-style hash over lower-cased ASCII letters; the scan computes the same on the fly. */
export function hashWord(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + (word.charCodeAt(i) | 32)) | 0;
  return h;
}

/** hashWord of the code units codes[from, to) (a word of the scan's buffer). */
export function hashCodes(codes: Uint16Array, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + ((codes[i] as number) | 32)) | 0;
  return h;
}

export type KeywordTable = Map<number, Keyword[]>;

interface PhraseIndex {
  readonly byPrev: Map<number, Keyword[]>;
  readonly rest: Keyword[];
}

/** Entries a phrase test on the previous word's hash cannot rule out stay in every list. */
function phraseIndex(list: readonly Keyword[]): PhraseIndex | undefined {
  if (list.filter((k) => k.before.length > 0 && k.lastLen >= 0).length < 4) return undefined;
  const always = (k: Keyword) => k.before.length === 0 || k.lastLen < 0;
  const byPrev = new Map<number, Keyword[]>();
  for (const k of list) if (!always(k)) byPrev.set(k.lastHash, list.filter((x) => always(x) || x.lastHash === k.lastHash));
  return { byPrev, rest: list.filter(always) };
}

/** Flags that give a cue word more to do in onWord than setting its cues. */
const NOT_SIMPLE = KW_NEEDS_MARK | KW_MONTH | KW_URL | KW_TLD | KW_POBOX | KW_AGE_WORD;

/**
 * The keyword table frozen into open addressing over typed arrays: a miss (almost every word of
 * a note) costs one or two integer compares, no Map lookup and no boxing.
 */
export class KeywordIndex {
  /** Open addressing (read by the scan's WebAssembly tokenizer too): slot = hash & mask, then the next ones. */
  readonly mask: number;
  readonly hashes: Int32Array;
  readonly slots: Int32Array; // 1-based index into groups; 0 = empty
  private readonly groups: Keyword[][];
  /** Per first letter (a-z, case-folded), the keyword lengths present, as a bit set. */
  readonly lengthsByFirst: Int32Array;
  /**
   * Per (first letter, last letter) pair, case-folded, at `((first & 31) << 5) | (last & 31)`:
   * the keyword lengths present, as a bit set. The scan's miss test: about four words in five
   * of a note fail it, so their hash is never computed.
   */
  readonly lengthsByEnds: Int32Array;
  /**
   * Per slot: the cue mask when the slot holds one plain word (no phrase) that is a cue and
   * nothing else the scan acts on (no mark needed, no month / scheme / TLD / PO box / age word),
   * else 0. For such a word everything onWord does is setting those cues (see the scan loop).
   */
  readonly simpleCues: Int32Array;
  /** The word of a simpleCues slot. */
  readonly simpleWords: string[];
  /** The word of a simpleCues slot of 1-6 letters as packLower() gives it, else 0. */
  readonly simplePacked: Int32Array;
  /**
   * For a word that ends many phrases ("no", "id", "number"): per hash of the word before it,
   * the entries that can match after that word, in table order (the phrases whose last earlier
   * word has that hash, and the entries this test cannot rule out). `rest` when no such word.
   */
  readonly phrases: (PhraseIndex | undefined)[];

  constructor(table: KeywordTable) {
    let size = 16;
    while (size < table.size * 4) size <<= 1;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size);
    this.simpleCues = new Int32Array(size);
    this.simpleWords = new Array<string>(size).fill('');
    this.simplePacked = new Int32Array(size);
    this.groups = [];
    this.phrases = [];
    const byFirst = new Int32Array(32);
    const byEnds = new Int32Array(1024);
    for (const [h, list] of table) {
      let i = h & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.groups.push(list);
      this.phrases.push(phraseIndex(list));
      this.slots[i] = this.groups.length;
      this.hashes[i] = h;
      const only = list.length === 1 ? (list[0] as Keyword) : undefined;
      if (only && only.before.length === 0 && only.cues !== 0 && (only.flags & NOT_SIMPLE) === 0) {
        this.simpleCues[i] = only.cues;
        this.simpleWords[i] = only.word;
        if (only.word.length <= 6 && /^[a-z]+$/.test(only.word)) {
          this.simplePacked[i] = packLower(Uint16Array.from(only.word, (c) => c.charCodeAt(0)), 0, only.word.length);
        }
      }
      for (const k of list) {
        const f = (k.word.charCodeAt(0) | 32) & 31;
        byFirst[f] = (byFirst[f] as number) | (1 << Math.min(31, k.word.length));
        const e = (f << 5) | ((k.word.charCodeAt(k.word.length - 1) | 32) & 31);
        byEnds[e] = (byEnds[e] as number) | (1 << Math.min(31, k.word.length));
      }
    }
    this.lengthsByFirst = byFirst;
    this.lengthsByEnds = byEnds;
  }

  /** Slot of hash `h`, or -1 when no keyword has it. */
  find(h: number): number {
    let i = h & this.mask;
    for (;;) {
      if (this.slots[i] === 0) return -1;
      if (this.hashes[i] === h) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** True when some keyword has hash `h` (a cheap miss test for the scan loop). */
  has(h: number): boolean {
    let i = h & this.mask;
    for (;;) {
      if (this.slots[i] === 0) return false;
      if (this.hashes[i] === h) return true;
      i = (i + 1) & this.mask;
    }
  }

  /** Group number (index into the groups) of hash `h`, or -1. */
  group(h: number): number {
    const i = this.find(h);
    return i < 0 ? -1 : (this.slots[i] as number) - 1;
  }

  /** Entries of group `g`. */
  entries(g: number): Keyword[] {
    return this.groups[g] as Keyword[];
  }

  get(h: number): Keyword[] | undefined {
    let i = h & this.mask;
    for (;;) {
      const slot = this.slots[i] as number;
      if (slot === 0) return undefined;
      if (this.hashes[i] === h) return this.groups[slot - 1];
      i = (i + 1) & this.mask;
    }
  }
}

export function addKeyword(table: KeywordTable, word: string, before: readonly string[], cues: number, flags: number): void {
  const h = hashWord(word);
  const list = table.get(h);
  const kw: Keyword = { word, before, cues, flags, lastLen: lastLetters(before), lastHash: before.length ? hashWord(before[before.length - 1] as string) : 0 };
  if (!list) {
    table.set(h, [kw]);
    return;
  }
  // Merge flags into an existing plain entry for the same word; keep phrase cues separate and
  // longest phrases first so the most specific cue wins.
  const same = list.find((k) => k.word === word && k.before.length === before.length && k.before.join(' ') === before.join(' '));
  if (same) {
    const merged: Keyword = { word, before, cues: same.cues | cues, flags: same.flags | flags, lastLen: same.lastLen, lastHash: same.lastHash };
    list[list.indexOf(same)] = merged;
  } else {
    list.push(kw);
    list.sort((a, b) => b.before.length - a.before.length);
  }
}

/**
 * The 1-6 ASCII letters codes[start, end), 5 bits each (c & 31: 1-26 for a letter of either
 * case), first in the low bits: for a letter run, equal to a KeywordIndex.simplePacked entry
 * exactly when equalsLower() would hold (no letter packs to 0, so words of different lengths
 * differ).
 */
export function packLower(codes: Uint16Array, start: number, end: number): number {
  let p = 0;
  for (let k = end - 1; k >= start; k--) p = (p << 5) | ((codes[k] as number) & 31);
  return p;
}

/** Lower-case comparison of text[start, end) with an all-lowercase ASCII word. */
export function equalsLower(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(start + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
export function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
export function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Per-call state. One object per detect() call; entities are the only other allocations. */
const NO_CUES: number[] = new Array<number>(CUE_NAMES.length).fill(-1e9);

export class Scan {
  readonly text: string;
  /**
   * The text's code units (the detector's per-call buffer, `codes[n]` is 0). The helpers below
   * read it instead of `text.charCodeAt`, which costs more on the sliced strings callers pass.
   */
  readonly codes: Uint16Array;
  readonly n: number;
  readonly out: Entity[] = [];
  readonly types: ReadonlySet<EntityType>;
  /** End offset of the latest cue of each kind (very negative when none). */
  readonly cueEnd: number[];
  /** Identifier cue waiting for its identifier, and where the cue ended. */
  pendKind = -1;
  pendEnd = -1e9;
  /** The pending cue came from a generic label ("Financial no."): ask for more digits. */
  pendGeneric = false;
  /** End of the last date emitted (a year right after a year list continues it). */
  lastDateEnd = -1e9;
  readonly window: number;
  /** Words the scan acts on (cues, months, schemes, TLDs): most words of a note miss here. */
  readonly keywords: KeywordIndex;
  /** Every keyword, including units, measure and stop words, for looking around a candidate. */
  readonly aux: KeywordIndex;
  readonly opts: ScanOptions;

  constructor(text: string, codes: Uint16Array, types: ReadonlySet<EntityType>, keywords: KeywordIndex, aux: KeywordIndex, opts: ScanOptions) {
    this.aux = aux;
    this.text = text;
    this.codes = codes;
    this.n = text.length;
    this.types = types;
    this.keywords = keywords;
    this.window = opts.window;
    this.opts = opts;
    // A plain array of small integers: a typed array costs a backing-store allocation per call.
    this.cueEnd = NO_CUES.slice();
  }

  /** Code unit at i, for 0 <= i < n (callers check the range). */
  codeAt(i: number): number {
    return this.codes[i] as number;
  }

  /** Lower-case comparison of text[start, end) (in range) with an all-lowercase ASCII word. */
  equalsLower(start: number, end: number, word: string): boolean {
    if (end - start !== word.length) return false;
    const c = this.codes;
    for (let i = 0; i < word.length; i++) if (((c[start + i] as number) | 32) !== word.charCodeAt(i)) return false;
    return true;
  }

  /** Code unit at i, or -1 out of range. */
  at(i: number): number {
    return i >= 0 && i < this.n ? (this.codes[i] as number) : -1;
  }

  /** True when a cue of `kind` ended within `window` characters before `start`. */
  cued(kind: number, start: number, window = this.window): boolean {
    const d = start - (this.cueEnd[kind] ?? -1e9);
    return d >= 0 && d <= window;
  }

  emit(type: EntityType, start: number, end: number, score: number, source: string): void {
    if (!this.types.has(type) || end <= start) return;
    this.out.push({ type, start, end, score, source });
  }

  /** Keyword entry for the word text[start, end) (letters only), checking phrase words. */
  keyword(start: number, end: number, hash: number, index: KeywordIndex = this.aux): Keyword | undefined {
    const g = index.group(hash);
    if (g < 0) return undefined;
    return this.keywordInGroup(start, end, g, index);
  }

  /** keyword() for a word whose hash the scan already found in `slot` of `index` (no second probe). */
  keywordInSlot(start: number, end: number, slot: number, index: KeywordIndex): Keyword | undefined {
    return this.keywordInGroup(start, end, (index.slots[slot] as number) - 1, index);
  }

  private keywordInGroup(start: number, end: number, g: number, index: KeywordIndex): Keyword | undefined {
    const list = index.entries(g);
    // Most hashes hold one plain word: compare it and be done.
    if (list.length === 1) {
      const kw = list[0] as Keyword;
      if (kw.before.length === 0) return this.equalsLower(start, end, kw.word) ? kw : undefined;
    }
    return this.phraseKeyword(start, end, g, list, index);
  }

  /** keyword() for a group with phrases or several spellings (kept apart so keyword() inlines). */
  private phraseKeyword(start: number, end: number, g: number, entries: Keyword[], index: KeywordIndex): Keyword | undefined {
    const c = this.codes;
    // The 1-3 separators before `start` and the alphanumeric run before them (the word before),
    // read once: prevEnd is -1 without a separator.
    let p = start;
    let gap = 0;
    while (p > 0 && gap < 3 && !isAlnum(c[p - 1] as number)) {
      p--;
      gap++;
    }
    const prevEnd = gap === 0 ? -1 : p;
    let prevStart = prevEnd;
    if (prevEnd >= 0) while (prevStart > 0 && isAlnum(c[prevStart - 1] as number)) prevStart--;
    let list = entries;
    const pi = index.phrases[g];
    if (pi !== undefined) {
      // Only the phrases whose last earlier word hashes like the word before `start` (an
      // all-letter phrase word matches only the whole alphanumeric run before the separators).
      list = prevEnd >= 0 ? (pi.byPrev.get(hashCodes(c, prevStart, prevEnd)) ?? pi.rest) : pi.rest;
    }
    // A common word can end many phrases ("no" ends "mrn no", "account no", ...): the word
    // itself is compared once per distinct spelling, and each phrase's last word is checked
    // against the run before the separators before the whole phrase is.
    let lastWord: string | undefined;
    let same = false;
    for (let k = 0; k < list.length; k++) {
      const kw = list[k] as Keyword;
      if (kw.word !== lastWord) {
        lastWord = kw.word;
        same = this.equalsLower(start, end, kw.word);
      }
      if (!same) continue;
      const nb = kw.before.length;
      if (nb === 0) return kw;
      if (prevEnd < 0) continue;
      // An all-letter word matches only an alphanumeric run of its own length.
      if (kw.lastLen >= 0 && prevEnd - prevStart !== kw.lastLen) continue;
      const last = kw.before[nb - 1] as string;
      const s = prevEnd - last.length;
      if (s < 0 || !this.equalsLower(s, prevEnd, last) || isAlnum(this.at(s - 1))) continue;
      if (nb === 1 || this.phraseBefore(start, kw.before)) return kw;
    }
    return undefined;
  }

  /** Start of the 1-3 non-alphanumeric characters right before `start` (phraseBefore's first step), or -1. */
  private separatorsBefore(start: number): number {
    let p = start;
    let gap = 0;
    while (p > 0 && !isAlnum(this.codeAt(p - 1)) && gap < 3) {
      p--;
      gap++;
    }
    return gap === 0 ? -1 : p;
  }

  /** The words of `before` precede `start`, each separated by 1-3 non-alphanumeric characters. */
  private phraseBefore(start: number, before: readonly string[]): boolean {
    let p = start;
    for (let w = before.length - 1; w >= 0; w--) {
      const word = before[w] as string;
      let gap = 0;
      while (p > 0 && !isAlnum(this.codeAt(p - 1)) && gap < 3) {
        p--;
        gap++;
      }
      if (gap === 0) return false;
      const s = p - word.length;
      if (s < 0 || !this.equalsLower(s, p, word) || isAlnum(this.at(s - 1))) return false;
      p = s;
    }
    return true;
  }

  /** Flags of the next word after `pos` (skipping up to `maxGap` spaces/punctuation), or 0. */
  nextWordFlags(pos: number, maxGap = 2): number {
    let p = pos;
    let gap = 0;
    while (p < this.n && gap < maxGap) {
      const c = this.codeAt(p);
      if (c !== 32 && c !== 9) break;
      p++;
      gap++;
    }
    let h = 0;
    const s = p;
    while (p < this.n && p - s < 16) {
      const c = this.codeAt(p);
      if (!isLetter(c)) break;
      h = (Math.imul(h, 31) + (c | 32)) | 0;
      p++;
    }
    if (p === s || isDigit(this.at(p))) return 0;
    return this.keyword(s, p, h)?.flags ?? 0;
  }

  /** Flags of the word ending just before `pos` (skipping up to `maxGap` non-alnum chars), or 0. */
  prevWordFlags(pos: number, maxGap = 2): number {
    let p = pos;
    let gap = 0;
    while (p > 0 && gap < maxGap && !isAlnum(this.codeAt(p - 1))) {
      const c = this.codeAt(p - 1);
      if (c === 46 || c === 59 || c === 10 || c === 13) return 0; // a sentence or line ended
      p--;
      gap++;
    }
    const e = p;
    while (p > 0 && isLetter(this.codeAt(p - 1)) && e - p < 16) p--;
    if (p === e || isDigit(this.at(p - 1))) return 0;
    return this.keyword(p, e, hashCodes(this.codes, p, e))?.flags ?? 0;
  }
}

export interface ScanOptions {
  /** Characters between a cue's end and the candidate. */
  readonly window: number;
  /** Report a year standing alone after a year cue ("since 2011", "CABG 1962"). */
  readonly yearAlone: boolean;
  /** Enabled families. */
  readonly families: ReadonlySet<string>;
}

/** Sticky-match `re` at `pos`; returns the match end or -1. No match object is built. */
export function stickyEnd(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : -1;
}

/**
 * Reads successive digit runs in codes[s, e) (the scan's code units, e <= n) into `buf` as
 * [value, length, sepBefore]*; returns count.
 */
export function readNumbers(codes: Uint16Array, s: number, e: number, buf: Int32Array): number {
  let k = 0;
  let i = s;
  let sep = 0;
  while (i < e && k < buf.length / 3) {
    const c = codes[i] as number;
    if (c >= 48 && c <= 57) {
      let v = 0;
      const st = i;
      while (i < e && isDigit(codes[i] as number) && i - st < 9) v = v * 10 + ((codes[i++] as number) - 48);
      buf[k * 3] = v;
      buf[k * 3 + 1] = i - st;
      buf[k * 3 + 2] = sep;
      k++;
      sep = 0;
    } else {
      if (sep === 0) sep = c;
      i++;
    }
  }
  return k;
}

/** Sets `pattern` regexes sticky; all built-ins go through here so recheck sees the same source. */
export function sticky(source: string, flags = ''): RegExp {
  return new RegExp(source, `y${flags}`);
}

/** Generic identifier after a cue: alphanumeric groups joined by single '-' or '.'. */
// `\b` first: the pattern only starts at a token start, which also keeps an unanchored search
// over a long alphanumeric run linear (recheck checks it both ways).
export const ID_TOKEN_SOURCE = '\\b[A-Za-z0-9]{1,64}(?:[-.][A-Za-z0-9]{1,24}| \\d{2,6}(?![A-Za-z0-9.\\/:-])){0,5}(?![A-Za-z0-9])';

/**
 * End of the identifier at `start` when it has at least `minDigits` digits and `minLen`
 * alphanumerics (separators not counted), else -1. A trailing '.' that ends a sentence is not
 * part of it (the regex needs an alphanumeric after each separator).
 */
export function idEnd(s: Scan, start: number, re: RegExp, minDigits: number, minLen: number, maxLen = 30): number {
  const e = stickyEnd(re, s.text, start);
  if (e < 0) return -1;
  let digits = 0;
  let alnum = 0;
  let dots = 0;
  for (let i = start; i < e; i++) {
    const c = s.text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      alnum++;
    } else if (isLetter(c)) alnum++;
    else if (c === 46) dots++;
  }
  // Dotted numbers (OIDs 2.16.840.1, versions 8.0.14, decimals) are not identifiers of a person.
  if (dots >= 2 && alnum === digits) return -1;
  return digits >= minDigits && alnum >= minLen && alnum <= maxLen ? e : -1;
}
