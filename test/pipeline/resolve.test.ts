import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RESOLUTION_STRATEGIES, resolveOverlaps } from '../../src/pipeline/resolve.js';
import type { Entity, EntityType } from '../../src/types.js';

function e(type: EntityType, start: number, end: number, score: number, source = type.toLowerCase()): Entity {
  return { type, start, end, score, source };
}
const spans = (es: Entity[]) => es.map((x) => [x.type, x.start, x.end, x.score]);

describe('resolveOverlaps', () => {
  it('lists its strategies', () => {
    expect(RESOLUTION_STRATEGIES).toEqual(['merge', 'highest-score', 'longest']);
  });

  describe('merge', () => {
    it.each<[string, Entity[], (string | number)[][]]>([
      ['disjoint spans are sorted and kept', [e('SSN', 10, 20, 0.9), e('NAME', 0, 5, 0.8)], [['NAME', 0, 5, 0.8], ['SSN', 10, 20, 0.9]]],
      ['touching spans stay apart', [e('NAME', 0, 5, 0.8), e('DATE', 5, 9, 0.9)], [['NAME', 0, 5, 0.8], ['DATE', 5, 9, 0.9]]],
      ['overlap becomes the union, typed by the strongest', [e('PHONE', 0, 12, 0.7), e('FAX', 4, 16, 0.9)], [['FAX', 0, 16, 0.9]]],
      ['equal scores: the longer member names the span', [e('OTHER_ID', 2, 6, 0.8), e('MRN', 0, 10, 0.8)], [['MRN', 0, 10, 0.8]]],
      ['chains merge transitively', [e('NAME', 0, 4, 0.6), e('NAME', 3, 8, 0.7), e('DATE', 7, 12, 0.9), e('AGE', 20, 22, 1)], [['DATE', 0, 12, 0.9], ['AGE', 20, 22, 1]]],
      ['contained span is absorbed', [e('LOCATION', 0, 30, 0.6), e('ZIP_CODE', 20, 25, 0.95)], [['ZIP_CODE', 0, 30, 0.95]]],
      ['a URL keeps its type over a boosted name inside it', [e('URL', 0, 60, 0.95), e('NAME', 56, 60, 1)], [['URL', 0, 60, 0.95]]],
      ['an email keeps its type over a name inside it, either order', [e('NAME', 0, 4, 1), e('EMAIL', 0, 20, 0.9)], [['EMAIL', 0, 20, 0.9]]],
      ['a name only partly inside a URL is no part of it', [e('URL', 0, 20, 0.9), e('NAME', 15, 25, 1)], [['NAME', 0, 25, 1]]],
    ])('%s', (_name, input, expected) => {
      expect(spans(resolveOverlaps(input, 'merge'))).toEqual(expected);
    });
    it('keeps the source of the strongest member', () => {
      expect(resolveOverlaps([e('PHONE', 0, 12, 0.7, 'phone'), e('FAX', 4, 16, 0.9, 'phone/fax')], 'merge')[0]?.source).toBe('phone/fax');
    });
  });

  describe('highest-score', () => {
    it.each<[string, Entity[], (string | number)[][]]>([
      ['higher score wins, the overlapping one goes', [e('PHONE', 0, 12, 0.7), e('FAX', 4, 16, 0.9)], [['FAX', 4, 16, 0.9]]],
      ['tie: longer wins', [e('OTHER_ID', 2, 6, 0.8), e('MRN', 0, 10, 0.8)], [['MRN', 0, 10, 0.8]]],
      ['tie on both: earlier wins', [e('NAME', 0, 4, 0.8), e('DATE', 2, 6, 0.8)], [['NAME', 0, 4, 0.8]]],
      ['a dropped span frees its neighbours', [e('NAME', 0, 4, 0.5), e('DATE', 3, 8, 0.9), e('AGE', 7, 10, 0.4)], [['DATE', 3, 8, 0.9]]],
      ['spans on both sides of a winner survive', [e('NAME', 0, 3, 0.5), e('DATE', 3, 8, 0.9), e('AGE', 8, 10, 0.4)], [['NAME', 0, 3, 0.5], ['DATE', 3, 8, 0.9], ['AGE', 8, 10, 0.4]]],
    ])('%s', (_name, input, expected) => {
      expect(spans(resolveOverlaps(input, 'highest-score'))).toEqual(expected);
    });
  });

  describe('longest', () => {
    it.each<[string, Entity[], (string | number)[][]]>([
      ['longer wins over a higher score', [e('SSN', 4, 15, 0.9), e('OTHER_ID', 0, 20, 0.6)], [['OTHER_ID', 0, 20, 0.6]]],
      ['tie on length: higher score', [e('PHONE', 0, 10, 0.7), e('FAX', 2, 12, 0.9)], [['FAX', 2, 12, 0.9]]],
    ])('%s', (_name, input, expected) => {
      expect(spans(resolveOverlaps(input, 'longest'))).toEqual(expected);
    });
  });

  it('does not mutate its input', () => {
    const input = [e('PHONE', 0, 12, 0.7), e('FAX', 4, 16, 0.9)];
    const copy = structuredClone(input);
    for (const s of RESOLUTION_STRATEGIES) resolveOverlaps(input, s);
    expect(input).toEqual(copy);
  });

  const entityArb = fc
    .record({
      type: fc.constantFrom<EntityType>('NAME', 'DATE', 'SSN', 'PHONE'),
      start: fc.integer({ min: 0, max: 60 }),
      len: fc.integer({ min: 1, max: 15 }),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ type, start, len, score }) => e(type, start, start + len, score));

  for (const strategy of RESOLUTION_STRATEGIES) {
    it(`${strategy}: output sorted and disjoint, every output inside the input's coverage (property)`, () => {
      fc.assert(
        fc.property(fc.array(entityArb, { maxLength: 25 }), (input) => {
          const out = resolveOverlaps(input, strategy);
          for (let i = 1; i < out.length; i++) expect((out[i] as Entity).start).toBeGreaterThanOrEqual((out[i - 1] as Entity).end);
          const covered = (p: number) => input.some((x) => x.start <= p && p < x.end);
          for (const o of out) for (let p = o.start; p < o.end; p++) expect(covered(p)).toBe(true);
          if (strategy === 'merge') {
            // merge drops nothing: every input position stays covered
            for (const x of input) for (let p = x.start; p < x.end; p++) expect(out.some((o) => o.start <= p && p < o.end)).toBe(true);
          } else {
            // greedy keeps input spans unchanged
            for (const o of out) expect(input.some((x) => x.start === o.start && x.end === o.end && x.score === o.score)).toBe(true);
          }
        }),
      );
    });
  }
});
