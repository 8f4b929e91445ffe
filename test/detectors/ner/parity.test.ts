import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT } from '../../../src/detectors/ner/featurizer.js';
import { loadOrt } from '../../../src/detectors/ner/runtime.js';
import { MODEL_PATH, PARITY_PATH, canRun } from './helpers.js';

interface Fixture {
  sha256: string;
  tolerance: number;
  labels: string[];
  cases: { text: string; tokens: number; ids: number[]; logits: number[]; argmax: number[] }[];
}

describe.skipIf(!canRun)('ner parity: onnxruntime-node reproduces the exported model', () => {
  it('argmax equal and logits within tolerance of the Python expectation', async () => {
    const fixture = JSON.parse(readFileSync(PARITY_PATH, 'utf8')) as Fixture;
    const ort = (await loadOrt())!;
    const session = await ort.InferenceSession.create(readFileSync(MODEL_PATH), { executionProviders: ['cpu'], intraOpNumThreads: 1 });
    const L = fixture.labels.length;
    for (const c of fixture.cases) {
      const res = await session.run({
        ids: new ort.Tensor('int32', Int32Array.from(c.ids), [1, c.tokens, FEATURE_COUNT]),
        mask: new ort.Tensor('float32', new Float32Array(c.tokens).fill(1), [1, c.tokens]),
      });
      const logits = res['logits']!.data as Float32Array;
      expect(logits.length).toBe(c.tokens * L);
      let maxDiff = 0;
      for (let i = 0; i < logits.length; i++) maxDiff = Math.max(maxDiff, Math.abs((logits[i] as number) - (c.logits[i] as number)));
      expect(maxDiff).toBeLessThan(fixture.tolerance);
      for (let t = 0; t < c.tokens; t++) {
        let best = 0;
        for (let k = 1; k < L; k++) if ((logits[t * L + k] as number) > (logits[t * L + best] as number)) best = k;
        expect(best).toBe(c.argmax[t]);
      }
    }
  });

  it('padding does not change a token\'s logits (masked CNN)', async () => {
    const fixture = JSON.parse(readFileSync(PARITY_PATH, 'utf8')) as Fixture;
    const ort = (await loadOrt())!;
    const session = await ort.InferenceSession.create(readFileSync(MODEL_PATH), { executionProviders: ['cpu'], intraOpNumThreads: 1 });
    const c = fixture.cases[0]!;
    const T = c.tokens + 7;
    const ids = new Int32Array(T * FEATURE_COUNT);
    ids.set(c.ids);
    const mask = new Float32Array(T).fill(1, 0, c.tokens);
    const res = await session.run({ ids: new ort.Tensor('int32', ids, [1, T, FEATURE_COUNT]), mask: new ort.Tensor('float32', mask, [1, T]) });
    const logits = res['logits']!.data as Float32Array;
    const L = fixture.labels.length;
    for (let i = 0; i < c.tokens * L; i++) expect(Math.abs((logits[i] as number) - (c.logits[i] as number))).toBeLessThan(fixture.tolerance);
  });
});
