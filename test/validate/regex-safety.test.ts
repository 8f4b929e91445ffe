/**
 * Every built-in prompt-validation regex must be free of catastrophic backtracking: they run on
 * V8 over untrusted prompts. recheck analyses each pattern (automaton or fuzzing; the fuzzer gets a fixed seed so runs are repeatable).
 */
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { HARMFUL_PATTERNS, INJECTION_CUES } from '../../src/validate/index.js';

const patterns: [string, RegExp][] = [
  ...HARMFUL_PATTERNS.map((p): [string, RegExp] => [`harmful/${p.id}`, p.pattern]),
  ...HARMFUL_PATTERNS.filter((p) => p.then).map((p): [string, RegExp] => [`harmful/${p.id}/then`, p.then!]),
  ...INJECTION_CUES.map((c): [string, RegExp] => [`injection/${c.id}`, c.pattern]),
  ...INJECTION_CUES.filter((c) => c.then).map((c): [string, RegExp] => [`injection/${c.id}/then`, c.then!]),
  ...INJECTION_CUES.filter((c) => c.dampBefore).map((c): [string, RegExp] => [`injection/${c.id}/damp`, c.dampBefore!]),
];

describe('prompt validation regexes are ReDoS-safe', () => {
  it.each(patterns)('%s', (_id, re) => {
    const d = checkSync(re.source, re.flags, { timeout: 20_000, randomSeed: 20261203 });
    expect(d.status === 'vulnerable' ? `${d.status}: ${d.complexity.type}` : 'not vulnerable').toBe('not vulnerable');
  });
});
