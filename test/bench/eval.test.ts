import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../bench/eval.js';
import type { Detector } from '../../src/index.js';

const digits: Detector = {
  id: 'digits',
  types: ['SSN'],
  detect(text) {
    return [...text.matchAll(/\d{3}-\d{2}-\d{4}/g)].map((m) => ({ type: 'SSN' as const, start: m.index, end: m.index + m[0].length, score: 0.9, source: 'digits' }));
  },
};

describe('runEval', () => {
  it('runs a redactor over a JSONL corpus and scores it with types', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'phi-guard-runeval-')), 'g.jsonl');
    const docs = [
      { id: 'a', text: 'SSN 123-45-6789 for Ann', spans: [{ start: 4, end: 15, type: 'SSN' }, { start: 20, end: 23, type: 'NAME' }], kind: 'lab', style: 'prose' },
      { id: 'b', text: 'call 555-12-3456 now', spans: [], kind: 'sms', style: 'lower' },
    ];
    writeFileSync(f, docs.map((d) => JSON.stringify(d)).join('\n'));
    const r = await runEval({ corpus: f, detectors: [digits] });
    expect(r.detectors).toEqual(['digits']);
    expect(r.report.byType.SSN?.recall).toBe(1);
    expect(r.report.byType.SSN?.precision).toBe(0.5);
    expect(r.report.byType.NAME?.leakedEntities).toBe(1);
    expect(r.bySource.digits).toEqual({ entities: 2, falsePositiveEntities: 1 });
    expect(Object.keys(r.byGroup?.kind ?? {})).toEqual(['lab', 'sms']);
  });

  it('accepts an in-memory corpus', async () => {
    const r = await runEval({ corpus: { name: 'mem', format: 'jsonl', typed: true, docs: [{ id: 'x', text: 'no phi', spans: [] }] }, detectors: [digits] });
    expect(r.report.docs).toBe(1);
    expect(r.report.leakRate).toBe(0);
  });
});
