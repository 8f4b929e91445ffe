import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { DEFAULT_CONTEXT_WORDS, createContextEnhancer } from '../../src/pipeline/context.js';
import type { Entity, EntityType } from '../../src/types.js';

function scoreAfter(text: string, value: string, type: EntityType, score = 0.4, options = {}): number {
  const start = text.indexOf(value);
  const e: Entity = { type, start, end: start + value.length, score, source: 't' };
  return createContextEnhancer(options)(text, [e])[0]?.score as number;
}

describe('context enhancement', () => {
  it.each<[string, string, EntityType, number]>([
    ['MRN: 12345678', '12345678', 'MRN', 0.7],
    ['Medical record 12345678', '12345678', 'MRN', 0.7],
    ['medical   record 12345678', '12345678', 'MRN', 0.7],
    ['DOB 03/14/1950', '03/14/1950', 'DATE', 0.7],
    ['fax: 617-555-0199', '617-555-0199', 'FAX', 0.7],
    ['Pt is 92 y/o', '92', 'AGE', 0.4], // cue after the value does not count
    ['y/o 92', '92', 'AGE', 0.7],
    ['SSN# 123-45-6789', '123-45-6789', 'SSN', 0.7],
    ['ssnx 123-45-6789', '123-45-6789', 'SSN', 0.4], // cue must be a whole word
    ['lot 12345678', '12345678', 'MRN', 0.4],
    ['MRN: 12345678', '12345678', 'SSN', 0.4], // cue for another type
  ])('%j boosts %s (%s) to %s', (text, value, type, expected) => {
    expect(scoreAfter(text, value, type)).toBeCloseTo(expected, 10);
  });

  it('looks only `window` characters back', () => {
    const text = `MRN ${'x '.repeat(30)}12345678`;
    expect(scoreAfter(text, '12345678', 'MRN')).toBeCloseTo(0.4);
    expect(scoreAfter(text, '12345678', 'MRN', 0.4, { window: 80 })).toBeCloseTo(0.7);
  });
  it('caps the score at 1 and leaves confirmed entities alone', () => {
    expect(scoreAfter('MRN 12345678', '12345678', 'MRN', 0.9)).toBe(1);
    expect(scoreAfter('MRN 12345678', '12345678', 'MRN', 1)).toBe(1);
  });
  it('takes custom words and boost', () => {
    expect(scoreAfter('bed 12', '12', 'OTHER_ID', 0.4, { words: { OTHER_ID: ['bed'] }, boost: 0.5 })).toBeCloseTo(0.9);
  });
  it('escapes regex metacharacters in cue words', () => {
    expect(scoreAfter('a.c 77', '77', 'OTHER_ID', 0.4, { words: { OTHER_ID: ['a.c'] } })).toBeCloseTo(0.7);
    expect(scoreAfter('abc 77', '77', 'OTHER_ID', 0.4, { words: { OTHER_ID: ['a.c'] } })).toBeCloseTo(0.4);
  });
  it('never throws on lone surrogates around the entity', () => {
    expect(scoreAfter('\uDC00MRN\uD800 12345678', '12345678', 'MRN')).toBeCloseTo(0.7);
  });
  it('exports its defaults as data', () => {
    expect(DEFAULT_CONTEXT_WORDS.MRN).toContain('mrn');
  });
  it.each([
    [{ window: -1 }, 'context.window'],
    [{ window: 1.5 }, 'context.window'],
    [{ boost: 2 }, 'context.boost'],
    [{ boost: Number.NaN }, 'context.boost'],
    [{ words: { NAME: [''] } }, 'context.words.NAME'],
    [{ words: { NAME: 'dr' } }, 'context.words.NAME'],
    [{ words: { NOPE: ['x'] } }, 'context.words.NOPE'],
  ])('rejects %j naming %s', (options, option) => {
    let err: unknown;
    try {
      createContextEnhancer(options as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).option).toBe(option);
  });
});
