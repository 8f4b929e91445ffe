import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJsonl, loadPhysionet } from '../../bench/eval/corpus.js';
import { isLeaked, coverage, score, tokenize, type ScoreDoc } from '../../bench/eval/score.js';

const doc = (text: string, gold: [number, number, string][], predicted: [number, number, string][]): ScoreDoc => ({
  id: 'd',
  text,
  gold: gold.map(([start, end, type]) => ({ start, end, type })),
  predicted: predicted.map(([start, end, type]) => ({ start, end, type })),
});

describe('tokenize', () => {
  it('splits on anything that is not a letter or digit', () => {
    const t = tokenize('Dr. O\'Neil, 03/14/2021 at 10:30am');
    expect(t.map((x) => 'Dr. O\'Neil, 03/14/2021 at 10:30am'.slice(x.start, x.end))).toEqual([
      'Dr', 'O', 'Neil', '03', '14', '2021', 'at', '10', '30am',
    ]);
  });
  it('treats non-ASCII letters as letters', () => {
    expect(tokenize('José Müller').length).toBe(2);
  });
  it('returns nothing for punctuation only', () => {
    expect(tokenize(' ,.;- ')).toEqual([]);
  });
});

describe('score', () => {
  it('perfect prediction gives 1 everywhere and no leaks', () => {
    const text = 'Seen by John Smith on 3/14.';
    const r = score([doc(text, [[8, 18, 'NAME'], [22, 26, 'DATE']], [[8, 18, 'NAME'], [22, 26, 'DATE']])], { typed: true });
    expect(r.goldTokens).toBe(4);
    expect(r.recall).toBe(1);
    expect(r.precision).toBe(1);
    expect(r.f1).toBe(1);
    expect(r.leakRate).toBe(0);
    expect(r.byType.NAME?.precision).toBe(1);
  });

  it('a token counts as predicted when a span only partly overlaps it', () => {
    const text = 'Seen by John Smith today';
    // prediction covers "Joh" only: token John is predicted, but the entity leaks ("n", "Smith").
    const r = score([doc(text, [[8, 18, 'NAME']], [[8, 11, 'NAME']])]);
    expect(r.truePositives).toBe(1);
    expect(r.falseNegatives).toBe(1);
    expect(r.recall).toBe(0.5);
    expect(r.leakedEntities).toBe(1);
  });

  it('punctuation left uncovered inside a gold span is not a leak', () => {
    const text = 'call 555-1234 now';
    const r = score([doc(text, [[5, 13, 'PHONE']], [[5, 8, 'PHONE'], [9, 13, 'PHONE']])]);
    expect(r.leakedEntities).toBe(0);
    expect(r.recall).toBe(1);
  });

  it('counts false positives over non-gold tokens and computes F1/F2', () => {
    const text = 'a b c d e';
    // gold a b ; predicted a c d  -> TP 1 (a), FN 1 (b), FP 2 (c d)
    const r = score([doc(text, [[0, 3, 'NAME']], [[0, 1, 'NAME'], [4, 7, 'NAME']])]);
    expect([r.truePositives, r.falseNegatives, r.falsePositives]).toEqual([1, 1, 2]);
    expect(r.recall).toBeCloseTo(0.5);
    expect(r.precision).toBeCloseTo(1 / 3);
    expect(r.f1).toBeCloseTo((2 * 0.5 * (1 / 3)) / (0.5 + 1 / 3));
    expect(r.f2).toBeCloseTo((5 * 0.5 * (1 / 3)) / (4 * (1 / 3) + 0.5));
  });

  it('per-type recall is category-blind; typed recall and precision check the predicted type', () => {
    const text = 'MRN 12345 on 2020-01-02';
    const r = score([doc(text, [[4, 9, 'MRN'], [13, 23, 'DATE']], [[4, 9, 'ACCOUNT_NUMBER'], [13, 23, 'DATE']])], { typed: true });
    expect(r.byType.MRN?.recall).toBe(1);
    expect(r.byType.MRN?.typedRecall).toBe(0);
    expect(r.byType.ACCOUNT_NUMBER?.precision).toBe(0);
    expect(r.byType.ACCOUNT_NUMBER?.blindPrecision).toBe(1);
    expect(r.byType.DATE?.typedRecall).toBe(1);
    expect(r.byType.DATE?.goldTokens).toBe(3);
  });

  it('per-type leak counts entities by gold type', () => {
    const text = 'Ann and Bob on 5/6';
    const r = score([doc(text, [[0, 3, 'NAME'], [8, 11, 'NAME'], [15, 18, 'DATE']], [[0, 3, 'NAME']])]);
    expect(r.byType.NAME?.leakedEntities).toBe(1);
    expect(r.byType.NAME?.goldEntities).toBe(2);
    expect(r.byType.DATE?.leakRate).toBe(1);
    expect(r.leakRate).toBeCloseTo(2 / 3);
  });

  it('no gold and no predictions scores as vacuously perfect, not NaN', () => {
    const r = score([doc('nothing here', [], [])]);
    expect(Number.isNaN(r.recall) || Number.isNaN(r.precision)).toBe(false);
    expect(r.leakRate).toBe(0);
  });

  it('handles many overlapping predictions in any order', () => {
    const text = 'x '.repeat(100);
    const preds: [number, number, string][] = [];
    for (let i = 190; i >= 0; i -= 10) preds.push([i, i + 15, 'NAME']);
    const r = score([doc(text, [[0, 200, 'NAME']], preds)]);
    expect(r.recall).toBe(1);
    expect(r.leakedEntities).toBe(0);
  });

  it('isLeaked ignores surrogate halves and sees astral letters', () => {
    const text = 'a𝐀b';
    expect(isLeaked(text, { start: 0, end: 4, type: 'NAME' }, coverage(4, [{ start: 0, end: 1, type: 'NAME' }, { start: 3, end: 4, type: 'NAME' }]))).toBe(true);
    expect(isLeaked(text, { start: 0, end: 4, type: 'NAME' }, coverage(4, [{ start: 0, end: 4, type: 'NAME' }]))).toBe(false);
  });
});

describe('corpus loaders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'phi-guard-eval-'));

  it('reads the PhysioNet format with offsets into the body', () => {
    const body = 'Pt seen by DR SMITH on 7/22.\n';
    writeFileSync(join(dir, 'id.text'), `START_OF_RECORD=1||||2||||\n${body}||||END_OF_RECORD\n\n`);
    writeFileSync(join(dir, 'id-phi.phrase'), '1 2 14 19 HCPName SMITH\n1 2 23 27 Date 7/22\n');
    const c = loadPhysionet(dir);
    expect(c.docs).toHaveLength(1);
    expect(c.docs[0]?.id).toBe('1-2');
    expect(c.docs[0]?.spans.map((s) => s.type)).toEqual(['NAME', 'DATE']);
    expect(c.docs[0]?.text.slice(14, 19)).toBe('SMITH');
  });

  it('rejects PhysioNet spans whose surface does not match, without quoting the text', () => {
    writeFileSync(join(dir, 'id-phi.phrase'), '1 2 13 18 HCPName SMITH\n');
    expect(() => loadPhysionet(dir)).toThrow(/do not match/);
    expect(() => loadPhysionet(dir)).not.toThrow(/SMITH/);
  });

  it('reads JSONL and validates types and offsets', () => {
    const f = join(dir, 'g.jsonl');
    writeFileSync(f, `${JSON.stringify({ id: 'a', text: 'SSN 123-45-6789', spans: [{ start: 4, end: 15, type: 'SSN' }] })}\n`);
    expect(loadJsonl(f).docs[0]?.spans[0]?.type).toBe('SSN');
    writeFileSync(f, `${JSON.stringify({ id: 'a', text: 'x', spans: [{ start: 0, end: 1, type: 'Nope' }] })}\n`);
    expect(() => loadJsonl(f)).toThrow(/ENTITY_TYPES/);
    writeFileSync(f, `${JSON.stringify({ id: 'a', text: 'x', spans: [{ start: 0, end: 5, type: 'NAME' }] })}\n`);
    expect(() => loadJsonl(f)).toThrow(/out of bounds/);
  });
});
