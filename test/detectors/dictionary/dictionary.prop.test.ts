import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDictionaryDetector } from '../../../src/detectors/dictionary/index.js';
import type { DetectContext, Detector, EntityType } from '../../../src/types.js';

const ctx: DetectContext = { types: new Set<EntityType>(['NAME', 'LOCATION', 'ORGANIZATION']) };
let det: Detector;
beforeAll(async () => {
  det = createDictionaryDetector();
  await det.load?.();
});

const isBoundary = (s: string, i: number): boolean => {
  if (i <= 0 || i >= s.length) return true;
  const lo = s.charCodeAt(i);
  const hi = s.charCodeAt(i - 1);
  return !(lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff);
};

/** Note-like pieces mixed with arbitrary UTF-16 (lone surrogates included) and astral letters. */
const piece = fc.oneof(
  fc.constantFrom('Dr. ', 'dr ', 'WIFE ', 'son ', 'RN', ', ', '. ', '\n', 'Hospital', 'ER ', 'lives in ', 'to ', 'from ', 'Mary', 'Healey', 'Denver', 'Foley', 'B.', "O'", '-', 'Ellison 2', '[NAME]'),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('\ud800', '\udc00', '𝐀𝐥𝐢𝐜𝐞', '😀', 'Ǆ', 'İ'),
);
const noteish = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));

describe('dictionary detector properties', () => {
  it('never throws; offsets are in bounds, ordered and on code-point boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(noteish, async (text) => {
        const es = await det.detect(text, ctx);
        for (const e of es) {
          expect(Number.isInteger(e.start) && Number.isInteger(e.end)).toBe(true);
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeLessThanOrEqual(text.length);
          expect(e.end).toBeGreaterThan(e.start);
          expect(isBoundary(text, e.start) && isBoundary(text, e.end)).toBe(true);
          expect(e.score).toBeGreaterThan(0);
          expect(e.score).toBeLessThanOrEqual(1);
          expect(ctx.types.has(e.type)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('copes with large inputs', async () => {
    const text = 'Dr. Healey saw pt. wife Mary called from Denver. '.repeat(20000);
    const es = await det.detect(text, ctx);
    expect(es.length).toBeGreaterThan(0);
    expect(es[es.length - 1]!.end).toBeLessThanOrEqual(text.length);
  });
});
