import { describe, expect, it } from 'vitest';
import { toSection } from '../../bench/sections.js';
import { cutDocuments } from '../../bench/texts.js';

describe('bench helpers', () => {
  it('cuts documents of about the requested size, ending on whitespace', () => {
    const text = 'lorem ipsum dolor sit amet '.repeat(400);
    const docs = cutDocuments(text, 1024, 5);
    expect(docs).toHaveLength(5);
    for (const d of docs) {
      expect(d.length).toBeLessThanOrEqual(1024);
      expect(d.length).toBeGreaterThan(900);
    }
    // Wraps around when the text runs out.
    expect(cutDocuments('a b c d e f g h', 6, 4)).toHaveLength(4);
  });

  it('normalises section output, with or without the preferred shape', () => {
    expect(toSection('ner', { name: 'ner', metrics: { 'tokens/s': 5, load: { ms: 3 } } }).metrics).toEqual({ 'tokens/s': 5, 'load.ms': 3 });
    expect(toSection('validate', { msPerPrompt: 0.2, ok: true })).toEqual({ name: 'validate', metrics: { msPerPrompt: 0.2, ok: 'true' } });
  });
});

describe('section output parsing', () => {
  it('finds the JSON value after progress lines', async () => {
    const { parseLastJson } = await import('../../bench/sections.js');
    expect(parseLastJson('[ner] loading\n{\n  "a": 1\n}\n')).toEqual({ a: 1 });
    expect(parseLastJson('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(parseLastJson('no json here')).toBeUndefined();
  });
});

describe('competitor span recovery', () => {
  it('recovers redacted ranges from a sentinel-replaced text', async () => {
    const { spansFromSentinel, SENTINEL } = await import('../../bench/competitors.js');
    const orig = 'Hi David Johnson, call 555-1234 now';
    const red = `Hi ${SENTINEL}, call ${SENTINEL} now`;
    expect(spansFromSentinel(orig, red).map((s) => orig.slice(s.start, s.end))).toEqual(['David Johnson', '555-1234']);
    expect(spansFromSentinel('a b', 'a b')).toEqual([]);
    const tail = 'email x@y.z';
    expect(spansFromSentinel(tail, `email ${SENTINEL}`).map((s) => tail.slice(s.start, s.end))).toEqual(['x@y.z']);
  });
});
