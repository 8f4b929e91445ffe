import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, FEATURE_NAMES, FEATURIZER_VERSION, HASH_BUCKETS, featurize } from '../../../src/detectors/ner/featurizer.js';
import { NER_LABELS, labelTokens } from '../../../src/detectors/ner/labels.js';
import { cueBits, lexBits, lexiconFromBytes, loadNerLexicon, serializeLexicon } from '../../../src/detectors/ner/lexicon.js';
import { tokenize } from '../../../src/detectors/ner/tokenizer.js';
import { LEXICON_PATH, METADATA_PATH, PARITY_PATH, hasModel } from './helpers.js';

const lexicon = await loadNerLexicon();

/**
 * The features as FEATURE_NAMES describes them, built from strings the slow way: the featurizer
 * hashes char codes directly and must give exactly these ids.
 */
function referenceIds(text: string): number[] {
  const t = tokenize(text);
  const fmix = (h: number): number => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  const seed = (slot: number): number => (0x811c9dc5 ^ Math.imul(slot + 1, 0x9e3779b1)) >>> 0;
  const fin = (h: number): number => (fmix(h) % (HASH_BUCKETS - 1)) + 1;
  const str = (slot: number, s: string): number => {
    let h = seed(slot);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return fin(h);
  };
  const ints = (slot: number, ...v: number[]): number => {
    let h = seed(slot);
    for (const x of v) h = Math.imul(h ^ x, 0x01000193);
    return fin(h);
  };
  const shapeChar = (ch: string): string => {
    const c = ch.charCodeAt(0);
    if (c >= 48 && c <= 57) return 'd';
    if (c >= 65 && c <= 90) return 'X';
    if (c >= 97 && c <= 122) return 'x';
    if (c < 128) return ch;
    if (ch.toLowerCase() !== ch.toUpperCase()) return ch === ch.toUpperCase() ? 'X' : 'x';
    return /\p{N}/u.test(ch) ? 'd' : 'o';
  };
  const raw: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const r = text.slice(t.starts[i], Math.min(t.ends[i]!, t.starts[i]! + 24));
    raw.push(r);
    let w = r.toLowerCase();
    if (w.length > 4 && /\d/.test(w)) w = w.replace(/\d/g, '0');
    words.push(w);
  }
  const shape = (r: string): [string, string] => {
    let c = '';
    let l = '';
    let last = '';
    for (let i = 0; i < r.length; i++) {
      const s = shapeChar(r[i]!);
      if (i < 6) l += s;
      if (s !== last && c.length < 6) c += s;
      last = s;
    }
    return [c, l];
  };
  const lb = (n: number): string => (n <= 1 ? '1' : n <= 2 ? '2' : n <= 3 ? '3' : n <= 5 ? '5' : n <= 8 ? '8' : 'L');
  const cc = (s: string): number => (s === 'Xx' ? 1 : s === 'X' ? 2 : s === 'x' ? 3 : s[0] === 'X' || s[0] === 'x' ? 4 : s[0] === 'd' ? 5 : 6);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const w = words[i]!;
    const [c, l] = shape(raw[i]!);
    out.push(str(0, w), str(1, w.slice(0, 3)), str(2, w.length <= 3 ? w : w.slice(-3)), str(3, c));
    out.push(str(4, i > 0 ? words[i - 1]! : '<s>'), str(5, i + 1 < t.length ? words[i + 1]! : '</s>'));
    out.push(str(6, `${t.lineStart[i] ? 'L' : '-'}${c}${lb(t.ends[i]! - t.starts[i]!)}`), str(7, l));
    if (!t.word[i]) {
      out.push(ints(8, -1, text.charCodeAt(t.starts[i]!), 0, 0), ints(9, -1, 0, 0, 0));
      continue;
    }
    out.push(ints(8, lexBits(lexicon.bits(w)), cc(c), 0, 0));
    const nb = (j: number): { cue: number; name: number } | undefined => {
      if (j < 0 || j >= t.length || !t.word[j]) return undefined;
      const [s] = shape(raw[j]!);
      const caps = s === 'Xx' || s === 'X';
      return { cue: cueBits(lexicon.bits(words[j]!)), name: caps ? lexBits(lexicon.bits(words[j]!)) & 3 : 0 };
    };
    let p = i - 1;
    if (p >= 0 && !t.word[p]) p--;
    let q = i + 1;
    if (q < t.length && !t.word[q]) q++;
    const a = nb(p);
    const b = nb(q);
    out.push(ints(9, a ? a.cue : -2, b ? b.cue : -2, a ? a.name : 0, b ? b.name : 0));
  }
  return out;
}

describe('ner featurizer', () => {
  it('gives FEATURE_COUNT ids per token, all in [1, HASH_BUCKETS)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { tokens, ids } = featurize(text, lexicon);
        expect(ids.length).toBe(tokens.length * FEATURE_COUNT);
        for (const id of ids) expect(id >= 1 && id < HASH_BUCKETS).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic and case-aware', () => {
    const a = featurize('Mary called', lexicon);
    expect(Array.from(featurize('Mary called', lexicon).ids)).toEqual(Array.from(a.ids));
    const b = featurize('MARY called', lexicon);
    expect(b.ids[0]).toBe(a.ids[0]); // same lowercased word
    expect(b.ids[3]).not.toBe(a.ids[3]); // different shape
  });

  it('gives exactly the ids of hashing the documented feature strings', () => {
    expect(FEATURE_NAMES.length).toBe(FEATURE_COUNT);
    const fixed = ['Pt seen by Dr. Amelia Hartwell; wife Mary called from Springfield, MA.', 'SON JOHN, RN at bedside 12345678 ab12cd', '\u00c9lodie \u0130stanbul \ud83d\ude00 x\ud800y \uff21\uff22 \uff11\uff12'];
    for (const text of fixed) expect(Array.from(featurize(text, lexicon).ids)).toEqual(referenceIds(text));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
        expect(Array.from(featurize(text, lexicon).ids)).toEqual(referenceIds(text));
      }),
      { numRuns: 300 },
    );
  });

  it('uses the gazetteer: a known surname and an unknown word of the same shape differ only in the lexicon slot', () => {
    const a = featurize('seen by Smith', lexicon).ids;
    const b = featurize('seen by Zqxvb', lexicon).ids;
    const K = FEATURE_COUNT;
    expect(a[2 * K + 8]).not.toBe(b[2 * K + 8]);
    expect(a[2 * K + 3]).toBe(b[2 * K + 3]); // same shape
    // The cue slot of "Smith" sees no cue before it ("by" is no title), after "Dr." it does.
    const c = featurize('seen by Dr. Smith', lexicon).ids;
    expect(c[4 * K + 9]).not.toBe(a[2 * K + 9]);
  });

  it('the serialized lexicon table answers exactly like the one built from the lists', () => {
    const back = lexiconFromBytes(serializeLexicon(lexicon))!;
    expect(back.digest).toBe(lexicon.digest);
    const words = ['smith', 'mary', 'boston', 'hope', 'will', 'dr', 'wife', 'rn', 'hospital', 'lasix', 'texas', 'zqxvb', 'new york', '', 'a', '\u00e9lodie'];
    for (const w of words) expect(back.bits(w)).toBe(lexicon.bits(w));
    expect(lexicon.bits('new york')).toBe(0); // multi-word entries are never one token
    expect(lexBits(lexicon.bits('smith')) & 2).toBe(2); // surname
    expect(cueBits(lexicon.bits('dr')) & 1).toBe(1); // title
    expect(lexiconFromBytes(new Uint8Array(10))).toBeUndefined();
  });

  it.skipIf(!existsSync(LEXICON_PATH))('the shipped lexicon file is the table of the shipped lists', () => {
    const shipped = lexiconFromBytes(readFileSync(LEXICON_PATH))!;
    expect(shipped.digest).toBe(lexicon.digest);
    expect(Buffer.from(serializeLexicon(shipped)).equals(Buffer.from(serializeLexicon(lexicon)))).toBe(true);
  });

  it.skipIf(!hasModel)('metadata was built with this featurizer version and these gazetteer lists', () => {
    const meta = JSON.parse(readFileSync(METADATA_PATH, 'utf8')) as { featurizerVersion: string; lexiconDigest: string; hashBuckets: number; featureCount: number; labels: string[] };
    expect(meta.featurizerVersion).toBe(FEATURIZER_VERSION);
    expect(meta.lexiconDigest).toBe(lexicon.digest);
    expect(meta.hashBuckets).toBe(HASH_BUCKETS);
    expect(meta.featureCount).toBe(FEATURE_COUNT);
    expect(meta.labels).toEqual(NER_LABELS);
  });

  it.skipIf(!existsSync(PARITY_PATH))('reproduces the ids the parity fixture was trained and exported with', () => {
    const fixture = JSON.parse(readFileSync(PARITY_PATH, 'utf8')) as { cases: { text: string; ids: number[] }[] };
    for (const c of fixture.cases) expect(Array.from(featurize(c.text, lexicon).ids)).toEqual(c.ids);
  });
});

describe('ner labels', () => {
  it('labels tokens B-/I- from gold spans', () => {
    const text = 'seen by Dr. Mary Lee on 7/22.';
    const t = tokenize(text);
    const labels = labelTokens(t, [
      { start: 12, end: 20, type: 'NAME' },
      { start: 24, end: 28, type: 'DATE' },
    ]);
    const named = Array.from(labels, (l) => NER_LABELS[l]);
    expect(named).toEqual(['O', 'O', 'O', 'O', 'B-NAME', 'I-NAME', 'O', 'B-DATE', 'I-DATE', 'I-DATE', 'O']);
  });
  it('ignores tokens of types the model does not learn', () => {
    const t = tokenize('SSN 123-45-6789');
    const labels = labelTokens(t, [{ start: 4, end: 15, type: 'SSN' }]);
    expect(Array.from(labels)).toEqual([0, 255, 255, 255, 255, 255]);
  });
});
