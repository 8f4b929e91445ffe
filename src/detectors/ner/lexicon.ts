/**
 * Gazetteer and cue-word flags for the NER featurizer (featurizer version 2): for each lowercased
 * word, whether it is in the shipped first-name, surname or place lists, the common-English list,
 * the clinical stop list; and whether it is a title, relative, role, place or credential cue.
 *
 * Why: the model sees hashed word identities, which say nothing about a name it has never met.
 * "This word is a known surname and is capitalised after 'wife'" generalises to unseen patients;
 * the lists are the same public data the `dictionary` and `nlp` detectors use (imported from
 * their data modules, never copied; nothing here is derived from an evaluation corpus).
 *
 * `digest` fingerprints every list in order. Training (`npm run train:model`) builds the lexicon
 * from the lists and writes it next to the model as a compact hash table
 * (models/phi-ner-lexicon.bin, `serializeLexicon`); the runtime loads that file (a few ms, and
 * the features are exactly the training ones even if the lists change later). Without the file
 * it builds the lexicon from the lists (lazily imported, ~1.6 MB of strings, ~100 ms) and the
 * runtime refuses a model whose recorded digest differs, since a changed list changes features.
 */
import { createHash } from 'node:crypto';
import {
  CREDENTIALS,
  MOVE_VERBS,
  NAME_TITLES,
  PLACE_PREPOSITIONS,
  RELATIVE_CUES,
  RESIDENCE_CUES,
  ROLE_CUES,
  COMMON_WORD_NAMES,
  US_STATE_NAMES,
  FACILITY_SUFFIXES,
} from '../clinical/context.js';

/** Gazetteer flags (bit per list), in the order they are written into the feature string. */
export const LEX_FLAGS = ['F', 'S', 'P', 'E', 'C', 'N', 'U'] as const; // first, surname, place, english, clinical, common-word name, US state
/** Cue flags: title, relative, role, place cue (move verb / residence / preposition), credential, facility word. */
export const CUE_FLAGS = ['T', 'R', 'O', 'L', 'K', 'H'] as const;

export interface NerLexicon {
  /**
   * Bits of a lowercased word: LEX_FLAGS in bits 0-7, CUE_FLAGS in bits 8-15 (read them with
   * `lexBits` / `cueBits`); 0 for an unknown word.
   */
  bits(word: string): number;
  /** Hex fingerprint of every list, in order. */
  readonly digest: string;
}

let cached: Promise<NerLexicon> | undefined;

/** Build the lexicon from the shipped lists, once per process. */
export function loadNerLexicon(): Promise<NerLexicon> {
  cached ??= build();
  return cached;
}

const MAGIC = 0x584c4e50; // 'PNLX'

/** The lexicon as bytes: magic, log2 of the table size, 16-char digest, then the table. */
export function serializeLexicon(lexicon: NerLexicon): Uint8Array {
  const t = (lexicon as NerLexicon & { table?: WordTable }).table;
  if (!t) throw new Error('lexicon has no table');
  return t.toBytes(lexicon.digest);
}

/** A lexicon from `serializeLexicon` bytes; undefined when they are not one. */
export function lexiconFromBytes(bytes: Uint8Array): NerLexicon | undefined {
  const got = WordTable.fromBytes(bytes);
  if (!got) return undefined;
  const { table, digest } = got;
  return { bits: (word: string) => table.get(word), digest, table } as NerLexicon;
}

async function build(): Promise<NerLexicon> {
  const [{ FIRST_NAMES }, { SURNAMES }, { PLACES }, { ENGLISH_WORDS }, stop] = await Promise.all([
    import('../dictionary/data/first-names.js'),
    import('../dictionary/data/surnames.js'),
    import('../dictionary/data/places.js'),
    import('../dictionary/data/english.js'),
    import('../clinical/stoplist.js'),
  ]);
  const clinical = [stop.STOP_DRUGS, stop.STOP_ANATOMY, stop.STOP_CLINICAL, stop.STOP_DEVICES, stop.STOP_UNITS_LABS, stop.STOP_ABBREVIATIONS].flat();
  const digest = createHash('sha256');
  const table = new WordTable();
  // The dictionary data modules are lowercase, one entry per line (their README's contract):
  // hashed straight from the module strings, no split, no per-word strings.
  const big: [number, string][] = [
    [1, FIRST_NAMES],
    [2, SURNAMES],
    [4, PLACES],
    [8, ENGLISH_WORDS],
  ];
  for (const [bit, raw] of big) {
    let count = 1;
    for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) count++;
    digest.update(`${bit}:${count}\n`).update(raw);
    table.addLines(raw, bit);
  }
  // Small lists (clinical stop words, common-word names, states, cue words).
  const smallLists: [number, readonly string[]][] = [
    [16, clinical.map((w) => w.toLowerCase())],
    [32, COMMON_WORD_NAMES],
    [64, US_STATE_NAMES],
    [1 << 8, NAME_TITLES],
    [2 << 8, RELATIVE_CUES],
    [4 << 8, ROLE_CUES],
    [8 << 8, [...MOVE_VERBS, ...RESIDENCE_CUES, ...PLACE_PREPOSITIONS]],
    [16 << 8, CREDENTIALS],
    [32 << 8, FACILITY_SUFFIXES],
  ];
  for (const [bit, list] of smallLists) {
    // (Cue lists are fingerprinted as `cue<bit>`, as when they had a Map of their own.)
    digest.update(bit >= 1 << 8 ? `cue${bit >> 8}:${list.length}\n` : `${bit}:${list.length}\n`).update(list.join('\n'));
    table.addLines(list.map((w) => w.toLowerCase()).join('\n'), bit);
  }
  table.compact();
  return { bits: (word: string) => table.get(word), digest: digest.digest('hex').slice(0, 16), table } as NerLexicon;
}

/**
 * Open-addressing table from a word's two 32-bit hashes (FNV-1a and a multiplicative hash; a
 * false match needs both to collide, ~1e-14 per lookup) to its bits. Built straight from
 * newline-separated strings: ~170k list words load in a few milliseconds, where building Sets
 * of them took ~100 ms (the model-load budget is 200 ms). Entries with a space (multi-word
 * places, phrases) and empty lines are skipped: a token never contains a space.
 */
class WordTable {
  private mask = (1 << 19) - 1;
  private h1 = new Int32Array(1 << 19);
  private h2 = new Int32Array(1 << 19);
  private v = new Uint16Array(1 << 19);
  private used = 0;

  addLines(raw: string, bit: number): void {
    let a = 0x811c9dc5 | 0;
    let b = 0x2545f491;
    let len = 0;
    let space = false;
    for (let i = 0; i <= raw.length; i++) {
      const c = i < raw.length ? raw.charCodeAt(i) : 10;
      if (c === 10) {
        if (len > 0 && !space) this.put(a, b, bit);
        a = 0x811c9dc5 | 0;
        b = 0x2545f491;
        len = 0;
        space = false;
        continue;
      }
      if (c === 32) space = true;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x9e3779b1) ^ (b >>> 15);
      len++;
    }
  }

  private put(a: number, b: number, bit: number): void {
    if (this.used * 4 >= this.mask * 3) this.grow(); // keep the load factor under 3/4
    let i = mixIndex(a, b) & this.mask;
    while (this.v[i] !== 0) {
      if (this.h1[i] === a && this.h2[i] === b) {
        this.v[i] = (this.v[i] as number) | bit;
        return;
      }
      i = (i + 1) & this.mask;
    }
    this.h1[i] = a;
    this.h2[i] = b;
    this.v[i] = bit;
    this.used++;
  }

  private grow(): void {
    this.rehash((this.mask + 1) * 2);
  }

  /** Shrink to the smallest power of two that keeps the load factor at or below 0.6. */
  compact(): void {
    let size = 1 << 10;
    while (this.used > size * 0.6) size *= 2;
    if (size < this.mask + 1) this.rehash(size);
  }

  /** Move every entry into fresh tables of `size` slots (a power of two). */
  private rehash(size: number): void {
    const { h1, h2, v } = this;
    this.mask = size - 1;
    this.h1 = new Int32Array(size);
    this.h2 = new Int32Array(size);
    this.v = new Uint16Array(size);
    this.used = 0;
    for (let i = 0; i < v.length; i++) if (v[i] !== 0) this.put(h1[i] as number, h2[i] as number, v[i] as number);
  }

  toBytes(digest: string): Uint8Array {
    const size = this.mask + 1;
    const out = new Uint8Array(24 + size * 10);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, MAGIC, true);
    dv.setUint32(4, Math.log2(size), true);
    for (let i = 0; i < 16; i++) out[8 + i] = digest.charCodeAt(i) & 0x7f;
    new Int32Array(out.buffer, 24, size).set(this.h1);
    new Int32Array(out.buffer, 24 + size * 4, size).set(this.h2);
    new Uint16Array(out.buffer, 24 + size * 8, size).set(this.v);
    return out;
  }

  static fromBytes(bytes: Uint8Array): { table: WordTable; digest: string } | undefined {
    if (bytes.byteLength < 24) return undefined;
    const copy = new Uint8Array(bytes); // aligned, owned
    const dv = new DataView(copy.buffer);
    if (dv.getUint32(0, true) !== MAGIC) return undefined;
    const bits = dv.getUint32(4, true);
    if (bits < 10 || bits > 24) return undefined;
    const size = 1 << bits;
    if (copy.byteLength !== 24 + size * 10) return undefined;
    const t = new WordTable();
    t.mask = size - 1;
    t.h1 = new Int32Array(copy.buffer, 24, size);
    t.h2 = new Int32Array(copy.buffer, 24 + size * 4, size);
    t.v = new Uint16Array(copy.buffer, 24 + size * 8, size);
    let used = 0;
    for (let i = 0; i < size; i++) if (t.v[i] !== 0) used++;
    // A full table would make lookups of unknown words probe forever.
    if (used > size * 0.9) return undefined;
    t.used = used;
    return { table: t, digest: String.fromCharCode(...copy.subarray(8, 24)) };
  }

  get(word: string): number {
    let a = 0x811c9dc5 | 0;
    let b = 0x2545f491;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x9e3779b1) ^ (b >>> 15);
    }
    let i = mixIndex(a, b) & this.mask;
    for (;;) {
      const v = this.v[i] as number;
      if (v === 0) return 0;
      if (this.h1[i] === a && this.h2[i] === b) return v;
      i = (i + 1) & this.mask;
    }
  }
}

function mixIndex(a: number, b: number): number {
  let h = a ^ Math.imul(b, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h;
}

/** The LEX_FLAGS bits of a `bits()` value. */
export function lexBits(v: number): number {
  return v & 0xff;
}

/** The CUE_FLAGS bits of a `bits()` value. */
export function cueBits(v: number): number {
  return (v >>> 8) & 0xff;
}

/** LEX_FLAGS bits for "common English word" and "clinical stop word" (the stop-word filter). */
export const LEX_STOP_BITS = 8 | 16;
