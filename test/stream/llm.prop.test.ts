import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlaceholderMap, createRedactor } from '../../src/index.js';
import { createLlmSseTransform } from '../../src/stream/llm.js';
import { createRedactStream, redactText } from '../../src/stream/redact.js';
import { createRestoreStream } from '../../src/stream/restore.js';
import { chunk, cutsArb, fakeDetector, proseArb } from './helpers.js';

/** Build an SSE body carrying `text` in pieces at `cuts`, in OpenAI or Anthropic form. */
function sse(text: string, cuts: number[], format: 'openai' | 'anthropic' | 'responses'): string {
  const pieces = chunk(text, cuts);
  if (format === 'responses') {
    const ids = { item_id: 'msg_1', output_index: 0, content_index: 0 };
    return (
      pieces.map((p, i) => `event: response.output_text.delta\ndata: ${JSON.stringify({ type: 'response.output_text.delta', sequence_number: i, ...ids, delta: p })}\n\n`).join('') +
      `event: response.output_text.done\ndata: ${JSON.stringify({ type: 'response.output_text.done', ...ids, text })}\n\n`
    );
  }
  if (format === 'openai') {
    return (
      pieces.map((p) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: p }, finish_reason: null }] })}\n\n`).join('') +
      `data: ${JSON.stringify({ id: 'c', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`
    );
  }
  return (
    `event: content_block_start\ndata: ${JSON.stringify({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })}\n\n` +
    pieces.map((p) => `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p } })}\n\n`).join('') +
    `event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n`
  );
}

async function run(body: string, byteCuts: number[], transform: TransformStream<Uint8Array, Uint8Array>): Promise<string> {
  const bytes = new TextEncoder().encode(body);
  const pos = [...new Set(byteCuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
  const src = new ReadableStream<Uint8Array>({
    start(c) {
      let last = 0;
      for (const p of [...pos, bytes.length]) {
        if (p > last) c.enqueue(bytes.slice(last, p));
        last = p;
      }
      c.close();
    },
  });
  return new Response(src.pipeThrough(transform)).text();
}

function contentOf(out: string): string {
  let text = '';
  for (const line of out.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    const ev = JSON.parse(line.slice(6));
    if (ev.type === 'response.output_text.done') {
      expect(ev.text).toBe(text); // the whole text equals the streamed deltas
      continue;
    }
    text += ev.choices?.[0]?.delta?.content ?? (ev.type === 'content_block_delta' ? ev.delta.text : ev.type === 'response.output_text.delta' ? ev.delta : ev.content_block?.text ?? '');
  }
  return text;
}

describe('LLM SSE rewriting: streamed output equals non-streamed output', async () => {
  const redactor = await createRedactor({ detectors: [fakeDetector], context: false });
  const opts = { minSegment: 20, maxSegment: 80, context: 24 };
  const format = fc.constantFrom('openai' as const, 'anthropic' as const, 'responses' as const);

  it('restore mode, any text chunking and any byte chunking', async () => {
    const map = createPlaceholderMap();
    for (const v of ['Alice Smith', 'Bob Jones', 'Grey']) map.tokenFor('NAME', v);
    map.tokenFor('PHONE', '555-123-4567');
    const withTokens = proseArb.map((t) => t.replace(/Alice Smith/g, '[NAME_1]').replace(/Bob Jones/g, '[NAME_2]').replace(/555-123-4567/g, '[PHONE_1]'));
    await fc.assert(
      fc.asyncProperty(withTokens, cutsArb, cutsArb, format, async (text, cuts, byteCuts, f) => {
        const out = await run(sse(text, cuts, f), byteCuts, createLlmSseTransform({ channel: () => createRestoreStream(map), fallback: (s) => map.restore(s) }));
        expect(contentOf(out)).toBe(map.restore(text));
      }),
      { numRuns: 150 },
    );
  });

  it('redact mode, any text chunking and any byte chunking', async () => {
    await fc.assert(
      fc.asyncProperty(proseArb, cutsArb, cutsArb, format, async (text, cuts, byteCuts, f) => {
        const expected = await redactText(redactor, createPlaceholderMap(), text, opts);
        const map = createPlaceholderMap();
        const out = await run(sse(text, cuts, f), byteCuts, createLlmSseTransform({ channel: () => createRedactStream(redactor, map, opts), fallback: (s) => redactText(redactor, map, s, opts) }));
        expect(contentOf(out)).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });
});
