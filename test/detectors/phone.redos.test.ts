import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { phoneBuiltinRegexes } from '../../src/detectors/phone.js';

/**
 * The phone detector's regexes run on V8's backtracking engine: each must be free of
 * catastrophic backtracking. As for the patterns (test/detectors/patterns/redos.test.ts): the
 * automaton checker decides from the pattern, the fuzzer only when it cannot; anything not
 * 'safe' fails. Checked without the sticky flag (stricter than how they run).
 */
describe('ReDoS: every phone regex is safe', () => {
  it.each(phoneBuiltinRegexes().map(({ name, regex }) => ({ name, source: regex.source, flags: regex.flags })))(
    '$name',
    async ({ source, flags }) => {
      const unanchored = flags.replace('y', '');
      let result = await check(source, unanchored, { checker: 'automaton', timeout: 60_000 });
      if (result.status === 'unknown') result = await check(source, unanchored, { checker: 'fuzz', timeout: 60_000 });
      const summary = 'complexity' in result ? result.complexity.summary : result.status;
      expect({ status: result.status, summary }).toEqual({ status: 'safe', summary: expect.any(String) });
    },
    120_000,
  );
});
