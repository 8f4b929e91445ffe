import { describe, expect, it } from 'vitest';
import { compileAllowList, compileDenyList } from '../../src/pipeline/lists.js';
import type { Entity } from '../../src/types.js';

const at = (start: number, end: number): Entity => ({ type: 'ORGANIZATION', start, end, score: 0.9, source: 't' });

describe('allow list', () => {
  const isAllowed = compileAllowList(['Mercy Clinic', 'Tylenol']);
  it.each([
    ['Mercy Clinic', true],
    ['mercy   clinic', true],
    ['"Mercy Clinic,"', true],
    ['TYLENOL', true],
    ['Mercy Clinics', false],
    ['Mercy', false],
    ['Tylenol PM', false],
  ])('%j allowed: %s', (value, expected) => {
    expect(isAllowed(value, at(0, value.length))).toBe(expected);
  });
  it('an empty list allows nothing', () => {
    expect(compileAllowList([])('x', at(0, 1))).toBe(false);
  });
});

describe('deny list', () => {
  const find = (terms: string[], text: string) =>
    compileDenyList(terms.map((term) => ({ term })))(text).map((e) => [e.start, e.end, e.type, e.source, e.score]);

  it('finds whole-word, case-insensitive occurrences', () => {
    expect(find(['zeta'], 'Zeta met zetaX and xzeta, then ZETA.')).toEqual([
      [0, 4, 'OTHER_ID', 'deny-list', 1],
      [31, 35, 'OTHER_ID', 'deny-list', 1],
    ]);
  });
  it('accepts terms with regex metacharacters and dashes (u-flag safe)', () => {
    expect(find(['X-Ray Clinic'], 'at x-ray clinic today')).toEqual([[3, 15, 'OTHER_ID', 'deny-list', 1]]);
    expect(find(['a.b (c)+'], 'see a.b (c)+ now; axb (c)+')).toEqual([[4, 12, 'OTHER_ID', 'deny-list', 1]]);
    expect(find(['#123'], 'id #123 and x#123 (#123)')).toEqual([[3, 7, 'OTHER_ID', 'deny-list', 1], [19, 23, 'OTHER_ID', 'deny-list', 1]]);
  });
  it('finds an occurrence that starts inside a rejected or accepted match', () => {
    expect(find(['ab ab'], 'cab ab ab')).toEqual([[4, 9, 'OTHER_ID', 'deny-list', 1]]);
    expect(find(['ab ab'], 'ab ab ab').map((x) => [x[0], x[1]])).toEqual([[0, 5], [3, 8]]);
  });
  it('keeps the type given', () => {
    expect(compileDenyList([{ term: 'St Elsewhere', type: 'ORGANIZATION' }])('St Elsewhere')[0]?.type).toBe('ORGANIZATION');
  });
  it('handles astral and non-ASCII text without splitting pairs', () => {
    expect(find(['Zoë'], '😀 ZOË 😀zoë')).toEqual([[3, 6, 'OTHER_ID', 'deny-list', 1], [9, 12, 'OTHER_ID', 'deny-list', 1]]);
    expect(find(['𝒜𝒜'], '𝒜𝒜𝒜 𝒜𝒜')).toEqual([[7, 11, 'OTHER_ID', 'deny-list', 1]]);
  });
  it('an empty list finds nothing', () => {
    expect(compileDenyList([])('anything')).toEqual([]);
  });
});
