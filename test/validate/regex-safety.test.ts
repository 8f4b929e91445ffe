/**
 * Every built-in prompt-validation regex must be free of catastrophic backtracking: they run on
 * V8 over untrusted prompts. recheck analyses each pattern (automaton or fuzzing).
 */
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { HARMFUL_PATTERNS, INJECTION_CUES } from '../../src/validate/index.js';

const patterns: [string, RegExp][] = [
  ...HARMFUL_PATTERNS.map((p): [string, RegExp] => [`harmful/${p.id}`, p.pattern]),
  ...INJECTION_CUES.map((c): [string, RegExp] => [`injection/${c.id}`, c.pattern]),
];

describe('prompt validation regexes are ReDoS-safe', () => {
  it.each(patterns)('%s', (_id, re) => {
    const d = checkSync(re.source, re.flags, { timeout: 20_000 });
    expect(d.status === 'vulnerable' ? `${d.status}: ${d.complexity.type}` : 'not vulnerable').toBe('not vulnerable');
  });
});
