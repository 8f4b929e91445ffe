import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlaceholderMap, createRedactor } from '../../src/index.js';
import { createRedactStream, redactText } from '../../src/stream/redact.js';
import { chunk, cutsArb, fakeDetector, proseArb } from './helpers.js';

describe('redact stream', async () => {
  const redactor = await createRedactor({ detectors: [fakeDetector], context: false });
  const opts = { minSegment: 20, maxSegment: 80, context: 24 };

  it('streamed output equals one-shot output for every chunking', async () => {
    await fc.assert(
      fc.asyncProperty(proseArb, cutsArb, async (text, cuts) => {
        const whole = await redactText(redactor, createPlaceholderMap(), text, opts);
        const s = createRedactStream(redactor, createPlaceholderMap(), opts);
        let out = '';
        for (const c of chunk(text, cuts)) {
          out += await s.push(c);
          expect(s.held).toBeLessThanOrEqual(opts.maxSegment + opts.context + 1 + c.length);
        }
        out += await s.end();
        expect(out).toBe(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves no PHI the detector finds in the whole text', async () => {
    await fc.assert(
      fc.asyncProperty(proseArb, async (text) => {
        const out = await redactText(redactor, createPlaceholderMap(), text, opts);
        expect(out).not.toMatch(/Alice Smith|Bob Jones|555-123-4567|Grey|Ames/);
      }),
      { numRuns: 200 },
    );
  });

  it('matches whole-text redaction when segments give enough context (default options)', async () => {
    await fc.assert(
      fc.asyncProperty(proseArb, async (text) => {
        const map = createPlaceholderMap();
        const out = await redactText(redactor, map, text);
        const ref = await redactor.redact(text, { operator: 'placeholder', placeholders: createPlaceholderMap() });
        expect(out).toBe(ref.text);
      }),
      { numRuns: 100 },
    );
  });

  it('validates options naming the option', () => {
    expect(() => createRedactStream(redactor, createPlaceholderMap(), { maxSegment: 1 })).toThrow(/maxSegment/);
    expect(() => createRedactStream(redactor, createPlaceholderMap(), { minSegment: 500, maxSegment: 100 })).toThrow(/minSegment/);
  });
});
