import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNerDetector } from '../../../src/detectors/ner/index.js';
import { ENTITY_TYPES, type DetectContext } from '../../../src/types.js';
import { canRun } from './helpers.js';

const ctx: DetectContext = { types: new Set(ENTITY_TYPES) };
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const boundary = (s: string, i: number): boolean => !(i > 0 && i < s.length && isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1)));

const pieces = ['Dr. ', 'Mary ', 'SMITH ', 'lee ', 'seen ', 'on ', '7/22', '/04 ', 'Boston ', 'Mercy Hospital ', ', ', '.\n', 'wife ', '\ud83d\ude00', '\ud800', 'é', '\u0301', '555-201-3344 ', '89 yo ', '  '];
const noteLike = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((a) => a.join(''));

describe.skipIf(!canRun)('ner detector properties', () => {
  const d = createNerDetector({ windowTokens: 32 });

  it('never throws; offsets in bounds, on code-point boundaries, word-trimmed, non-overlapping', async () => {
    await fc.assert(
      fc.asyncProperty(noteLike, async (text) => {
        const found = await d.detect(text, ctx);
        let prevEnd = 0;
        for (const e of found) {
          expect(e.start).toBeGreaterThanOrEqual(prevEnd);
          expect(e.end).toBeGreaterThan(e.start);
          expect(e.end).toBeLessThanOrEqual(text.length);
          expect(boundary(text, e.start) && boundary(text, e.end)).toBe(true);
          expect(/[\p{L}\p{N}\p{M}]/u.test(text.slice(e.start, e.end))).toBe(true);
          expect(ENTITY_TYPES).toContain(e.type);
          prevEnd = e.end;
        }
      }),
      { numRuns: 120 },
    );
  });
});
