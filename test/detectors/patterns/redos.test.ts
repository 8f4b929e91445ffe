import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../../../src/detectors/patterns/index.js';

/**
 * Every built-in pattern runs on V8's backtracking engine, so each one must be proven free of
 * catastrophic (super-linear) backtracking. recheck analyses the pattern source with its flags;
 * anything not reported 'safe' fails, including 'unknown' (the analysis could not decide).
 */
describe('ReDoS: every built-in pattern is safe', () => {
  const unique = new Map<string, { name: string; source: string; flags: string }>();
  for (const p of DEFAULT_PATTERNS) {
    const key = `${p.regex.source}/${p.regex.flags}`;
    if (!unique.has(key)) unique.set(key, { name: p.name, source: p.regex.source, flags: p.regex.flags });
  }

  it.each([...unique.values()])('$name', async ({ source, flags }) => {
    const result = await check(source, flags.replace('y', ''), { timeout: 60_000 });
    expect({ status: result.status, complexity: 'complexity' in result ? result.complexity : undefined }).toMatchObject({ status: 'safe' });
  }, 120_000);
});
