import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../../../src/detectors/patterns/index.js';
import { SSN_LAST_FOUR_CONTEXT } from '../../../src/detectors/patterns/ssn.js';

/**
 * Every built-in pattern runs on V8's backtracking engine, so each one must be proven free of
 * catastrophic (super-linear) backtracking. recheck's automaton checker decides this from the
 * pattern itself (deterministic, no fuzzing); only when it cannot analyse a pattern do we fall
 * back to its fuzzer. The check is on the unanchored pattern (flags without `y`), a stricter
 * condition than how the detector runs them (sticky, at candidate positions), so the patterns are
 * also safe for anyone who copies them out of DEFAULT_PATTERNS into a global search.
 * Anything not reported 'safe' fails, including 'unknown'.
 */
describe('ReDoS: every built-in pattern is safe', () => {
  const unique = new Map<string, { name: string; source: string; flags: string }>();
  for (const p of DEFAULT_PATTERNS) {
    const key = `${p.regex.source}/${p.regex.flags}`;
    if (!unique.has(key)) unique.set(key, { name: p.name, source: p.regex.source, flags: p.regex.flags });
  }
  // Context regexes the families run next to their patterns.
  for (const [name, regex] of [['ssn last-four context', SSN_LAST_FOUR_CONTEXT]] as const) {
    unique.set(`${regex.source}/${regex.flags}`, { name, source: regex.source, flags: regex.flags });
  }

  it.each([...unique.values()])('$name', async ({ source, flags }) => {
    const unanchored = flags.replace('y', '');
    let result = await check(source, unanchored, { checker: 'automaton', timeout: 60_000 });
    if (result.status === 'unknown') result = await check(source, unanchored, { checker: 'fuzz', timeout: 60_000 });
    const summary = 'complexity' in result ? result.complexity.summary : result.status;
    expect({ status: result.status, summary }).toEqual({ status: 'safe', summary: expect.any(String) });
  }, 120_000);
});
