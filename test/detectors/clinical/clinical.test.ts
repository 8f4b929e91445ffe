import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStopList, DEFAULT_CLINICAL_STOP_WORDS } from '../../../src/detectors/clinical/stoplist.js';
import { Shape, textCase, tokenize, tokensFor } from '../../../src/detectors/clinical/tokens.js';
import { CREDENTIALS, NAME_TITLES, RELATIVE_CUES } from '../../../src/detectors/clinical/context.js';
import { runRules, type Lexicon } from '../../../src/detectors/clinical/rules.js';
import type { EntityType } from '../../../src/types.js';

describe('clinical stop list', () => {
  it.each(['foley', 'parkinson', 'swan', 'ganz', 'levophed', 'lasix', 'coumadin', 'haldol', 'mg', 'picc', 'cabg'])('stops %s', (w) => {
    expect(DEFAULT_CLINICAL_STOP_WORDS).toContain(w);
  });

  it('is lowercase data users can extend or replace', () => {
    for (const w of DEFAULT_CLINICAL_STOP_WORDS) expect(w).toBe(w.toLowerCase());
    const s = createStopList(['Zorblax', 'Bair Hugger']);
    expect(s.has('zorblax')).toBe(true);
    expect(s.has('bair')).toBe(true);
    expect(s.has('foley')).toBe(true);
    const only = createStopList(['zorblax'], true);
    expect(only.has('foley')).toBe(false);
    expect(only.has('zorblax')).toBe(true);
  });
});

describe('context cues', () => {
  it('has the titles, relatives and credentials the issue names', () => {
    for (const w of ['dr', 'mr', 'mrs']) expect(NAME_TITLES).toContain(w);
    for (const w of ['wife', 'husband', 'son', 'daughter', 'dtr', 'friend']) expect(RELATIVE_CUES).toContain(w);
    for (const w of ['rn', 'np', 'md']) expect(CREDENTIALS).toContain(w);
  });
});

describe('tokenizer', () => {
  it('splits on non-letters/digits with exact offsets and shapes', () => {
    const text = "Dr. O'Brien, RN\nJ SMITH 7/22 mary";
    const toks = tokenize(text);
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(['Dr', 'O', 'Brien', 'RN', 'J', 'SMITH', '7', '22', 'mary']);
    expect(toks.map((t) => t.shape)).toEqual([Shape.Title, Shape.Initial, Shape.Title, Shape.Upper, Shape.Initial, Shape.Upper, Shape.Digits, Shape.Digits, Shape.Lower]);
    expect(toks[4]!.line).toBe(1);
  });

  it('shares one call\'s tokens through its scratch map, and only for the same text', () => {
    const ctx = { shared: new Map<string, unknown>() };
    const a = tokensFor('Dr. Lee saw pt', ctx);
    expect(tokensFor('Dr. Lee saw pt', ctx)).toBe(a);
    expect(a).toEqual(tokenize('Dr. Lee saw pt'));
    expect(tokensFor('wife Mary called', ctx)).toEqual(tokenize('wife Mary called'));
    expect(tokensFor('Dr. Lee saw pt', {})).toEqual(a);
    expect(tokensFor('Dr. Lee saw pt', {})).not.toBe(a);
  });

  it('tells ALL CAPS and lowercase notes from mixed ones', () => {
    expect(textCase(tokenize('PT SEEN BY DR HEALEY TODAY'))).toBe('upper');
    expect(textCase(tokenize('pt seen by dr healey today'))).toBe('lower');
    expect(textCase(tokenize('Pt seen by Dr. Healey today'))).toBe('mixed');
  });

  it('keeps surrogate pairs whole and skips lone surrogates (any input)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        let prev = 0;
        for (const t of tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(prev);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          const first = text.charCodeAt(t.start);
          const last = text.charCodeAt(t.end - 1);
          expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
          prev = t.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('context rules with a small lexicon', () => {
  const names = new Set(['mary', 'jones', 'healey', 'bill']);
  const lex: Lexicon = {
    isName: (w) => names.has(w),
    isFirst: (w) => w === 'mary' || w === 'bill',
    isPlace: (w) => w === 'hackensack',
    isCommon: (w) => ['bill', 'will', 'the', 'called'].includes(w),
    isStop: (w) => w === 'foley',
  };
  const run = (text: string): string[] =>
    runRules(text, tokenize(text), lex, { source: 't', lexiconScore: 0.6, propagate: true, types: new Set<EntityType>(['NAME', 'LOCATION']) }).map((e) => text.slice(e.start, e.end));

  it.each([
    ['WIFE MARY CALLED', ['MARY']],
    ['son bill called', ['bill']],
    ['seen by dr zzyzx', ['zzyzx']],
    ['Dr. Foley here', ['Foley']],
    ['Foley draining', []],
    ['bill sent', []],
    ['lives in Hackensack', ['Hackensack']],
  ])('%j -> %j', (text, want) => {
    expect(run(text)).toEqual(want);
  });
});
