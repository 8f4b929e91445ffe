import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, FEATURIZER_VERSION, HASH_BUCKETS, featurize } from '../../../src/detectors/ner/featurizer.js';
import { NER_LABELS, labelTokens } from '../../../src/detectors/ner/labels.js';
import { tokenize } from '../../../src/detectors/ner/tokenizer.js';
import { METADATA_PATH, PARITY_PATH, hasModel } from './helpers.js';

describe('ner featurizer', () => {
  it('gives FEATURE_COUNT ids per token, all in [1, HASH_BUCKETS)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { tokens, ids } = featurize(text);
        expect(ids.length).toBe(tokens.length * FEATURE_COUNT);
        for (const id of ids) expect(id >= 1 && id < HASH_BUCKETS).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic and case-aware', () => {
    const a = featurize('Mary called');
    expect(Array.from(featurize('Mary called').ids)).toEqual(Array.from(a.ids));
    const b = featurize('MARY called');
    expect(b.ids[0]).toBe(a.ids[0]); // same lowercased word
    expect(b.ids[3]).not.toBe(a.ids[3]); // different shape
  });

  it.skipIf(!hasModel)('metadata was built with this featurizer version', () => {
    const meta = JSON.parse(readFileSync(METADATA_PATH, 'utf8')) as { featurizerVersion: string; hashBuckets: number; featureCount: number; labels: string[] };
    expect(meta.featurizerVersion).toBe(FEATURIZER_VERSION);
    expect(meta.hashBuckets).toBe(HASH_BUCKETS);
    expect(meta.featureCount).toBe(FEATURE_COUNT);
    expect(meta.labels).toEqual(NER_LABELS);
  });

  it.skipIf(!existsSync(PARITY_PATH))('reproduces the ids the parity fixture was trained and exported with', () => {
    const fixture = JSON.parse(readFileSync(PARITY_PATH, 'utf8')) as { cases: { text: string; ids: number[] }[] };
    for (const c of fixture.cases) expect(Array.from(featurize(c.text).ids)).toEqual(c.ids);
  });
});

describe('ner labels', () => {
  it('labels tokens B-/I- from gold spans', () => {
    const text = 'seen by Dr. Mary Lee on 7/22.';
    const t = tokenize(text);
    const labels = labelTokens(t, [
      { start: 12, end: 20, type: 'NAME' },
      { start: 24, end: 28, type: 'DATE' },
    ]);
    const named = Array.from(labels, (l) => NER_LABELS[l]);
    expect(named).toEqual(['O', 'O', 'O', 'O', 'B-NAME', 'I-NAME', 'O', 'B-DATE', 'I-DATE', 'I-DATE', 'O']);
  });
  it('ignores tokens of types the model does not learn', () => {
    const t = tokenize('SSN 123-45-6789');
    const labels = labelTokens(t, [{ start: 4, end: 15, type: 'SSN' }]);
    expect(Array.from(labels)).toEqual([0, 255, 255, 255, 255, 255]);
  });
});
