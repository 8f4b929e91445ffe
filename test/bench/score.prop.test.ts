import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score, tokenize, type ScoredSpan } from '../../bench/eval/score.js';

/** The acceptance definition written the slow, obvious way, to check the sweep-based scorer. */
function naive(text: string, gold: ScoredSpan[], pred: ScoredSpan[]) {
  const toks = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length] as const);
  const hit = (spans: ScoredSpan[], [s, e]: readonly [number, number]) => spans.some((x) => x.start < e && s < x.end);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const t of toks) {
    const g = hit(gold, t);
    const p = hit(pred, t);
    if (g && p) tp++;
    else if (g) fn++;
    else if (p) fp++;
  }
  let leaked = 0;
  for (const s of gold) {
    for (let i = s.start; i < s.end; i++) {
      if (/[\p{L}\p{N}]/u.test(text[i] ?? '') && !pred.some((p) => p.start <= i && i < p.end)) {
        leaked++;
        break;
      }
    }
  }
  return { tokens: toks.length, tp, fp, fn, leaked };
}

const textArb = fc.string({ unit: fc.constantFrom('a', 'B', '7', ' ', '-', '.', '/', 'é', '\n'), maxLength: 60 });
const spansArb = (len: number) =>
  fc.array(
    fc.tuple(fc.integer({ min: 0, max: Math.max(0, len) }), fc.integer({ min: 1, max: 12 })).map(([s, l]) => ({ start: s, end: Math.min(len, s + l), type: 'NAME' })),
    { maxLength: 6 },
  ).map((xs) => xs.filter((x) => x.end > x.start));

describe('score (property)', () => {
  it('agrees with a brute-force implementation of the acceptance definition', () => {
    fc.assert(
      fc.property(
        textArb.chain((text) => fc.tuple(fc.constant(text), spansArb(text.length), spansArb(text.length))),
        ([text, gold, pred]) => {
          const r = score([{ id: 'p', text, gold, predicted: pred }]);
          const n = naive(text, gold, pred);
          expect(r.tokens).toBe(n.tokens);
          expect([r.truePositives, r.falsePositives, r.falseNegatives]).toEqual([n.tp, n.fp, n.fn]);
          expect(r.leakedEntities).toBe(n.leaked);
          expect(tokenize(text).length).toBe(n.tokens);
        },
      ),
      { numRuns: 500 },
    );
  });
});
