import { describe, expect, it } from 'vitest';
import { createRedactor, type Detector } from '../../src/index.js';
import { RESOLUTION_STRATEGIES } from '../../src/pipeline/resolve.js';

// A strong SSN inside a long, weak candidate: the weak one must not take the strong one down.
const nested: Detector = {
  id: 'nested',
  types: ['SSN', 'OTHER_ID'],
  detect: () => [
    { type: 'SSN', start: 4, end: 15, score: 0.9, source: 'nested/ssn' },
    { type: 'OTHER_ID', start: 0, end: 20, score: 0.2, source: 'nested/weak' },
  ],
};

describe('pipeline order: threshold before overlap resolution', () => {
  for (const resolution of RESOLUTION_STRATEGIES) {
    it(`keeps a strong span nested in a sub-threshold one (${resolution})`, async () => {
      const r = await createRedactor({ detectors: [nested], resolution, context: false });
      const res = await r.redact('SSN 123-45-6789 now ok');
      expect(res.text).toBe('SSN [SSN] now ok');
      expect(res.entities).toEqual([{ type: 'SSN', start: 4, end: 15, score: 0.9, source: 'nested/ssn' }]);
    });
  }
  it('a deny-listed term with a dash does not throw at construction', async () => {
    const r = await createRedactor({ detectors: [], deny: ['X-Ray Clinic'] });
    expect((await r.redact('at x-ray clinic today')).text).toBe('at [OTHER_ID] today');
  });
});
