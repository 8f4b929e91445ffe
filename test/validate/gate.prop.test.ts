/**
 * Gated matching (gate.ts) is an optimisation only: for every built-in pattern without a second
 * step, the gated matcher must find exactly the match a plain `exec` finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HARMFUL_PATTERNS, INJECTION_CUES } from '../../src/validate/index.js';
import { buildWordIndex, createGatedMatcher, literalGate } from '../../src/validate/gate.js';

const patterns = [...INJECTION_CUES, ...HARMFUL_PATTERNS].filter((p) => !p.then).map((p) => p.pattern);
const words = fc.constantFrom(
  'ignore', 'all', 'previous', 'instructions', 'you', 'are', 'now', 'dan', 'developer', 'mode', 'reveal', 'your',
  'system', 'prompt', 'no', 'restrictions', 'the', 'above', 'and', 'say', '"', ':', '<script>', "' or '1'='1",
  '{{', '7*7', '}}', 'vergiss', 'alle', 'anweisungen', 'from', 'on', 'never', 'refuse', 'password', '\n', '###',
  'rm -rf /', 'union select null,', 'x', 'ignoring', 'forget', 'everything', 'before', 'stop', '!!!',
);
const text = fc.array(fc.oneof(words, fc.string({ maxLength: 3 })), { maxLength: 40 }).map((xs) => xs.join(' '));

describe('gated matchers', () => {
  it('find the same first match as plain exec', () => {
    const matchers = patterns.map((p) => ({ plain: new RegExp(p.source, p.flags), gated: createGatedMatcher(p) }));
    fc.assert(
      fc.property(text, (t) => {
        const index = buildWordIndex(t);
        for (const { plain, gated } of matchers) {
          const a = plain.exec(t);
          const b = gated.match(t, gated.wordAnchored ? index : undefined);
          expect(b?.index).toBe(a?.index);
          expect(b?.[0]).toBe(a?.[0]);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('derives literal gates conservatively', () => {
    expect(literalGate(/\b(?:ignore|forget)\s+x/)).toEqual(['ignore', 'forget']);
    expect(literalGate(/\b(?:just|only)?\s{0,3}say/)).toBeUndefined();
    expect(literalGate(/prompts?\b/)).toEqual(['prompt']);
    expect(literalGate(/\$\{jndi/)).toEqual(['${jndi']);
    expect(literalGate(/a|bc/)).toBeUndefined();
  });
});
