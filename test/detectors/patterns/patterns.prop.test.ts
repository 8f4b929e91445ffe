import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPatternsDetector } from '../../../src/detectors/patterns/index.js';
import { ENTITY_TYPES, type EntityType } from '../../../src/types.js';

const detector = createPatternsDetector();
const ctx = { types: new Set<EntityType>(ENTITY_TYPES) };

const FRAGMENTS = [
  'MRN: ', 'SSN ', '123-45-6789', '3/14/2021 14:30', '7/22', "'92", '92 yo', 'age 95', 'john@ex.com', '@', '://',
  'www.', 'https://a.org/x', '192.168.0.1', '2001:db8::1', 'Boston, MA 02114', '123 Main St', 'PO Box 5', '4111 1111 1111 1111',
  'NPI 1234567893', 'GB82 WEST 1234 5698 7654 32', '(01)00844588003288(17)141120', 'VIN 1HGCM82633A004352', 'DEA AB1234563',
  'Member ID: ', 'plate ', 'Serial #: ', '-', '/', '.', ' ', '\n', '#', ':', '\uD83D\uDE00', '\uD800', '\uDC00', 'é', '١٢٣',
  '0', '9', '12', '2021', '20210314', 'Mar', 'may', 'the', 'since', "'", 'x', 'Z',
];

const phiLike = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 }).map((a) => a.join(''));

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
/** True when offset i does not split a surrogate pair. */
function onBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  return !(isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1)));
}

function check(text: string): void {
  const out = detector.detect(text, ctx);
  expect(Array.isArray(out)).toBe(true);
  for (const e of out as { type: EntityType; start: number; end: number; score: number; source: string }[]) {
    expect(Number.isInteger(e.start) && Number.isInteger(e.end)).toBe(true);
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(text.length);
    expect(e.end).toBeGreaterThan(e.start);
    expect(onBoundary(text, e.start) && onBoundary(text, e.end)).toBe(true);
    expect(ENTITY_TYPES).toContain(e.type);
    expect(e.score).toBeGreaterThan(0);
    expect(e.score).toBeLessThanOrEqual(1);
    expect(e.source.startsWith('patterns/')).toBe(true);
  }
}

describe('patterns detector properties', () => {
  it('never throws; offsets in bounds and on code-point boundaries (binary strings)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) => check(t)), { numRuns: 400 });
  });

  it('same for mixtures of PHI-like fragments, surrogates and astral characters', () => {
    fc.assert(fc.property(phiLike, (t) => check(t)), { numRuns: 1500 });
  });

  it('is deterministic and independent of earlier calls', () => {
    fc.assert(
      fc.property(phiLike, phiLike, (a, b) => {
        const first = JSON.stringify(detector.detect(b, ctx));
        detector.detect(a, ctx);
        expect(JSON.stringify(detector.detect(b, ctx))).toBe(first);
      }),
      { numRuns: 300 },
    );
  });
});
