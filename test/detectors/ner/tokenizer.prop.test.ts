import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/detectors/ner/tokenizer.js';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const boundary = (s: string, i: number): boolean => !(i > 0 && i < s.length && isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1)));

// Strings mixing ASCII, accented letters, astral emoji and lone surrogates.
const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', '7', ' ', '\n', '.', '/', '-', 'é', 'ß', '\u0301', '\ud83d\ude00', '\ud800', '\udc00', '\u00a0', '\u2028'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 300 });

describe('ner tokenizer', () => {
  it('splits words and punctuation with UTF-16 offsets', () => {
    const text = 'Dr. Lee 7/22\nSON é😀x';
    const t = tokenize(text);
    const words = Array.from({ length: t.length }, (_, i) => text.slice(t.starts[i], t.ends[i]));
    expect(words).toEqual(['Dr', '.', 'Lee', '7', '/', '22', 'SON', 'é', '😀', 'x']);
    expect(Array.from(t.word)).toEqual([1, 0, 1, 1, 0, 1, 1, 1, 0, 1]);
    expect(Array.from(t.lineStart)).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
  });

  it('offsets are sorted, in bounds, on code-point boundaries, and cover every non-space character', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const t = tokenize(text);
        const covered = new Uint8Array(text.length);
        let prev = 0;
        for (let i = 0; i < t.length; i++) {
          const s = t.starts[i] as number;
          const e = t.ends[i] as number;
          expect(s).toBeGreaterThanOrEqual(prev);
          expect(e).toBeGreaterThan(s);
          expect(e).toBeLessThanOrEqual(text.length);
          expect(boundary(text, s) && boundary(text, e)).toBe(true);
          covered.fill(1, s, e);
          prev = e;
        }
        for (let i = 0; i < text.length; i++) {
          if (!covered[i]) expect(/\s/u.test(text[i] as string)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
