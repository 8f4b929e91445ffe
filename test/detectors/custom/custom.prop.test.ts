import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCustomPatternDetector } from '../../../src/detectors/custom/index.js';
import { compileRe2 } from '../../../src/detectors/custom/re2.js';
import { ENTITY_TYPES, type Entity } from '../../../src/types.js';
import { isInsidePair } from '../../../src/utils/text.js';

const ctx = { types: new Set(ENTITY_TYPES) };

// Code points for literals: ASCII letters and punctuation RE2/V8 treat specially, a Latin-1
// letter, a BMP CJK char and astral ones. No U+FFFD (lone surrogates are searched as U+FFFD).
const LITERAL_CHARS = ['a', 'b', 'A', '.', '*', '\\', '(', '[', '$', '^', '|', ' ', '\n', 'é', '中', '😀', '𝒳'];
const literal = fc.array(fc.constantFrom(...LITERAL_CHARS), { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));

// Haystacks: the literal alphabet plus arbitrary UTF-16 units (lone surrogates included).
const haystack = fc
  .array(fc.oneof(fc.constantFrom(...LITERAL_CHARS, '\uD800', '\uDC00', '\uDBFF\uDFFF'), fc.string({ unit: 'binary', maxLength: 3 })), {
    maxLength: 300,
  })
  .map((a) => a.join(''));

function re2Literal(lit: string): string {
  return [...lit].map((c) => `\\x{${(c.codePointAt(0) as number).toString(16)}}`).join('');
}

function v8Literal(lit: string): RegExp {
  return new RegExp(lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'), 'gu');
}

function re2All(source: string, text: string, maxMatchLength: number): [number, number][] {
  const re = compileRe2('prop', source, '', { maxMatchLength });
  const out: [number, number][] = [];
  try {
    re.findAll(text, (s, e) => out.push([s, e]));
  } finally {
    re.close();
  }
  return out;
}

describe('custom patterns: properties', () => {
  it('literal patterns find exactly what V8 finds (UTF-16 offsets), whatever the windows', () => {
    fc.assert(
      fc.property(literal, haystack, fc.constantFrom(4, 8, 256), (lit, hay, maxMatchLength) => {
        // Plant the literal a few times so there is something to find.
        const text = `${hay}${lit}${hay.slice(0, 7)}${lit}${lit}`;
        const expected = [...text.matchAll(v8Literal(lit))].map((m) => [m.index, m.index + m[0].length]);
        expect(re2All(re2Literal(lit), text, maxMatchLength)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('word-boundary and anchored ASCII patterns agree with V8 across window edges', () => {
    const ascii = fc.array(fc.constantFrom('ab', 'a', 'b', ' ', '\n', 'x', 'ab ', '😀'), { maxLength: 200 }).map((a) => a.join(''));
    fc.assert(
      fc.property(ascii, fc.constantFrom('\\bab\\b', '(?m)^ab', 'ab$', '(?m)ab$', '\\Bb'), (text, source) => {
        const v8Source = source.replace('(?m)', '');
        const v8Flags = source.startsWith('(?m)') ? 'gmu' : 'gu';
        const expected = [...text.matchAll(new RegExp(v8Source, v8Flags))].map((m) => [m.index, m.index + m[0].length]);
        expect(re2All(source, text, 4)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('the detector never throws; offsets are in bounds, on code-point boundaries and ordered', () => {
    const d = createCustomPatternDetector([
      { name: 'dot', pattern: '.', flags: 's', type: 'OTHER_ID' },
      { name: 'astral', pattern: '[\\x{10000}-\\x{10FFFF}]+', type: 'OTHER_ID' },
      { name: 'word', pattern: '\\w+', type: 'NAME', context: ['dr'] },
    ]);
    try {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
          const found = d.detect(text, ctx) as Entity[];
          for (const e of found) {
            expect(e.start).toBeGreaterThanOrEqual(0);
            expect(e.end).toBeLessThanOrEqual(text.length);
            expect(e.end).toBeGreaterThan(e.start);
            expect(isInsidePair(text, e.start)).toBe(false);
            expect(isInsidePair(text, e.end)).toBe(false);
          }
          // '.' with s matches every code point exactly once: the spans tile the text.
          const dots = found.filter((e) => e.source === 'custom/dot');
          expect(dots.length).toBe([...text].length);
          let at = 0;
          for (const e of dots) {
            expect(e.start).toBe(at);
            at = e.end;
          }
          expect(at).toBe(text.length);
        }),
        { numRuns: 300 },
      );
    } finally {
      d.close();
    }
  });
});
