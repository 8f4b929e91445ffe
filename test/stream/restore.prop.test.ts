import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlaceholderMap } from '../../src/index.js';
import { createRestoreStream } from '../../src/stream/restore.js';
import { chunk, cutsArb } from './helpers.js';

describe('restore stream', () => {
  const map = createPlaceholderMap();
  map.tokenFor('NAME', 'Alice Smith');
  map.tokenFor('NAME', 'Bob');
  map.tokenFor('HEALTH_PLAN_ID', 'HP-9');
  map.tokenFor('PHONE', '555-1234');
  const pieces = ['[NAME_1]', '[NAME_2]', '[HEALTH_PLAN_ID_1]', '[PHONE_1]', '[NAME_9]', '[', ']', '[NAME_', 'x', ' ', 'Hello', '😀', '[[', '_1]', 'NAME'];
  const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((a) => a.join(''));

  it('equals map.restore(whole) for every chunking', () => {
    fc.assert(
      fc.property(textArb, cutsArb, (text, cuts) => {
        const s = createRestoreStream(map);
        const out = chunk(text, cuts).map((c) => s.push(c)).join('') + s.end();
        expect(out).toBe(map.restore(text));
      }),
      { numRuns: 500 },
    );
  });

  it('holds at most a partial token', () => {
    const s = createRestoreStream(map);
    expect(s.push('Hi [NA')).toBe('Hi ');
    expect(s.held).toBe(3);
    expect(s.push('ME_1] and [x')).toBe('Alice Smith and [x');
    expect(s.held).toBe(0);
    expect(s.push('[HEALTH_PLAN_ID_')).toBe('');
    expect(s.end()).toBe('[HEALTH_PLAN_ID_');
  });
});
