import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createNlpDetector } from '../../../src/detectors/nlp/index.js';
import type { DetectContext, Detector, EntityType } from '../../../src/types.js';

const ctx: DetectContext = { types: new Set<EntityType>(['NAME', 'LOCATION', 'ORGANIZATION']) };
let det: Detector;
beforeAll(async () => {
  det = createNlpDetector();
  await det.load?.();
});

const isBoundary = (s: string, i: number): boolean => {
  if (i <= 0 || i >= s.length) return true;
  const lo = s.charCodeAt(i);
  const hi = s.charCodeAt(i - 1);
  return !(lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff);
};

const piece = fc.oneof(
  fc.constantFrom('Dr. ', 'DR ', 'wife ', 'Mary ', 'Jones', '(', ')', '"', ', RN', '. ', '\n', 'Boston', 'Hospital', 'lives in ', 'İ', 'ß'),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('\ud800', '\udfff', '𝐀𝐥𝐢𝐜𝐞', '😀'),
);

describe('nlp detector properties', () => {
  it('never throws; offsets in bounds and on code-point boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 20 }).map((x) => x.join('')), async (text) => {
        for (const e of await det.detect(text, ctx)) {
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeLessThanOrEqual(text.length);
          expect(e.end).toBeGreaterThan(e.start);
          expect(isBoundary(text, e.start) && isBoundary(text, e.end)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
