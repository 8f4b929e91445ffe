import fc from 'fast-check';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { createPhoneDetector, PHONE_CANDIDATE_RE } from '../../src/detectors/phone.js';
import { ENTITY_TYPES, type Entity } from '../../src/types.js';
import { isInsidePair } from '../../src/utils/text.js';

const ctx = { types: new Set(ENTITY_TYPES) };
const us = createPhoneDetector();
const gb = createPhoneDetector({ defaultRegion: 'GB' });

// Strings biased towards what the detector looks at: digits, separators, cues, surrogates.
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('617', '555', '0123', '-', '.', ' ', '(', ')', '/', '+', '+44 ', '011 ', '1-', 'x', ' ext. ', 'fax ', 'call ', 'Pager #', 'MRN ', '\n', '\uD800', '\uDC00', '😀', '#'),
  fc.stringMatching(/^\d{1,11}$/),
);
const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

function checkEntities(s: string, entities: Entity[]): void {
  let prevEnd = -1;
  for (const e of entities) {
    expect(Number.isInteger(e.start) && Number.isInteger(e.end)).toBe(true);
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(s.length);
    expect(e.end).toBeGreaterThan(e.start);
    expect(isInsidePair(s, e.start) || isInsidePair(s, e.end)).toBe(false);
    expect(e.start).toBeGreaterThanOrEqual(prevEnd);
    expect(['PHONE', 'FAX']).toContain(e.type);
    expect(e.source).toBe('phone');
    expect(e.score).toBeGreaterThan(0);
    expect(e.score).toBeLessThanOrEqual(1);
    // Every entity holds at least 3 digits (a lone extension after "x" is the shortest).
    expect((s.slice(e.start, e.end).match(/\d/g) ?? []).length).toBeGreaterThanOrEqual(3);
    prevEnd = e.end;
  }
}

describe('phone detector properties', () => {
  it('never throws; offsets in bounds, on code-point boundaries, ordered and disjoint', () => {
    fc.assert(
      fc.property(text, (s) => {
        checkEntities(s, us.detect(s, ctx) as Entity[]);
        checkEntities(s, gb.detect(s, ctx) as Entity[]);
      }),
      { numRuns: 1500 },
    );
  });

  it('arbitrary full-unicode strings never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        checkEntities(s, us.detect(s, ctx) as Entity[]);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and independent of surrounding text on other lines', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const alone = (us.detect(b, ctx) as Entity[]).map((e) => [e.start, e.end, e.type]);
        const offset = a.length + 1;
        const joined = (us.detect(`${a.replace(/\n/g, ' ')}\n${b}`, ctx) as Entity[])
          .filter((e) => e.start >= offset)
          .map((e) => [e.start - offset, e.end - offset, e.type]);
        // Only numbers wholly inside b compare; a run may not continue across the newline.
        expect(joined).toEqual(alone);
      }),
      { numRuns: 300 },
    );
  });

  it('the candidate prefilter is free of catastrophic backtracking (recheck)', () => {
    const result = checkSync(PHONE_CANDIDATE_RE.source, PHONE_CANDIDATE_RE.flags, { timeout: 10_000 });
    expect(result.status).toBe('safe');
  });

  it('handles a long input of digits and separators without blowing up', () => {
    const s = '617-555-0123 '.repeat(20_000) + '1 2 3 4 5 6 7 8 9 0 '.repeat(20_000);
    const entities = us.detect(s, ctx) as Entity[];
    expect(entities.length).toBe(20_000);
  });

  it('a 1 MB run of short digit groups finishes (per-group work must not look at the whole text)', () => {
    const s = '1234 5678 120/80 '.repeat(60_000);
    expect(us.detect(s, ctx)).toEqual([]);
  });
});
