import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { GENERALIZE_PATTERNS } from '../../src/operators/generalize.js';
import { TOKEN_RE } from '../../src/pipeline/tokens.js';

/** The operators' and token finder's regexes run on V8 too: each must be proven linear. */
describe('ReDoS: operator and token patterns are safe', () => {
  const all = Object.entries({ ...GENERALIZE_PATTERNS, TOKEN_RE });
  it.each(all)('%s', async (_name, re) => {
    const result = await check(re.source, re.flags.replace('y', ''), { timeout: 60_000 });
    expect(result.status).toBe('safe');
  }, 120_000);
});
