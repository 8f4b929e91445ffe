import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser, formatSseItem } from '../../src/stream/sse.js';
import { chunk, cutsArb } from './helpers.js';

describe('SSE parser', () => {
  it('parses fields, multi-line data, comments and every line ending', () => {
    const p = createSseParser();
    const items = [...p.push('\uFEFF: hi\r\nevent: x\rdata: a\ndata:b\r\nid: 7\n\ndata: [DONE]\n\n'), ...p.end()];
    expect(items).toEqual([
      { kind: 'comment', text: 'hi' },
      { kind: 'event', event: 'x', id: '7', data: 'a\nb' },
      { kind: 'event', data: '[DONE]' },
    ]);
  });
  it('gives the same items for every chunking and round-trips through formatSseItem', () => {
    const src = 'event: a\ndata: {"x":1}\n\n: keep\r\n\r\ndata: one\r\ndata: two\r\n\r\ndata: tail';
    const ref = [...createSseParser().push(src), ...createSseParser().end()];
    fc.assert(
      fc.property(cutsArb, (cuts) => {
        const p = createSseParser();
        const got = chunk(src, cuts).flatMap((c) => p.push(c)).concat(p.end());
        const again = createSseParser();
        const re = again.push(got.map(formatSseItem).join('')).concat(again.end());
        expect(re).toEqual(got);
        expect(got.length).toBeGreaterThanOrEqual(ref.length);
      }),
    );
  });
});
