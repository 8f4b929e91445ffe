import { createSseParser, formatSseItem, type SseEvent, type SseItem } from './sse.js';
import type { TextTransform } from './text.js';

/**
 * Rewrites the text inside LLM server-sent event streams, chunk by chunk, through one
 * TextTransform per text channel (a choice's content, a tool call's arguments, an Anthropic
 * content block). Held-back text is released in a later event of the same channel, and a
 * channel's remainder is emitted before it closes: in the chunk carrying `finish_reason`
 * (OpenAI), as an extra `content_block_delta` before `content_block_stop` (Anthropic), or as a
 * synthetic chunk before `[DONE]` / the end of the stream. Every event is written as soon as it
 * is read, so the time to first byte is the upstream's.
 *
 * Formats: OpenAI chat completion chunks (`choices[].delta.content`, `delta.tool_calls[]
 * .function.arguments`), legacy completions (`choices[].text`), OpenAI Responses API events
 * (`response.output_text.delta` / `.done`, `response.function_call_arguments.delta` / `.done`),
 * Anthropic Messages events (`text_delta`, `input_json_delta`, `thinking_delta`). Other JSON
 * events go through `fallback` string by string (stateless; whole texts such as a `.done`
 * event's `text` come out exactly as the concatenated deltas do); error events are passed as
 * they are unless `fallbackErrors`.
 */
export interface LlmStreamOptions {
  /** A fresh transform for one text channel. */
  channel: (key: string) => TextTransform;
  /** Applied to each string of an event in no known format (and to non-JSON data). */
  fallback: (value: string, key: string) => string | Promise<string>;
  /** Also run `fallback` on error events (redact mode). @default false */
  fallbackErrors?: boolean;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose string values are protocol, not prose: never passed to `fallback`. */
export const PROTOCOL_KEYS: ReadonlySet<string> = new Set([
  'id', 'type', 'object', 'model', 'role', 'finish_reason', 'stop_reason', 'system_fingerprint', 'event',
  'service_tier', 'index', 'created', 'status', 'logprobs', 'item_id', 'call_id', 'response_id', 'name',
]);

export interface LlmEventRewriter {
  /** One parsed item in; the items to write out, in order. */
  handle(item: SseItem): Promise<SseItem[]>;
  /** End of stream: remainders of open channels. */
  finish(): Promise<SseItem[]>;
}

export function createLlmEventRewriter(options: LlmStreamOptions): LlmEventRewriter {
  const channels = new Map<string, TextTransform>();
  // OpenAI: the last chunk seen, as a template for synthetic chunks.
  let template: Json | undefined;
  // Anthropic: the delta type and field of each open content block.
  const blockField = new Map<number, { type: string; field: string }>();

  function channel(key: string): TextTransform {
    let t = channels.get(key);
    if (!t) {
      t = options.channel(key);
      channels.set(key, t);
    }
    return t;
  }

  async function closeChannel(key: string): Promise<string> {
    const t = channels.get(key);
    if (!t) return '';
    channels.delete(key);
    return t.end();
  }

  async function rewriteLeaves(v: unknown, key: string): Promise<unknown> {
    if (typeof v === 'string') return PROTOCOL_KEYS.has(key) ? v : options.fallback(v, key);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = await rewriteLeaves(v[i], key);
      return v;
    }
    if (isObj(v)) {
      for (const k of Object.keys(v)) v[k] = await rewriteLeaves(v[k], k);
    }
    return v;
  }

  async function openAiChunk(data: Json): Promise<void> {
    template = data;
    const choices = data.choices as unknown[];
    for (let pos = 0; pos < choices.length; pos++) {
      const c = choices[pos];
      if (!isObj(c)) continue;
      const ci = typeof c.index === 'number' ? c.index : pos;
      const delta = isObj(c.delta) ? c.delta : undefined;
      if (delta && typeof delta.content === 'string') delta.content = await channel(`${ci}:content`).push(delta.content);
      if (delta && Array.isArray(delta.tool_calls)) {
        for (const tc of delta.tool_calls) {
          if (isObj(tc) && isObj(tc.function) && typeof tc.function.arguments === 'string') {
            tc.function.arguments = await channel(`${ci}:tool:${String(tc.index ?? 0)}`).push(tc.function.arguments);
          }
        }
      }
      if (typeof c.text === 'string') c.text = await channel(`${ci}:text`).push(c.text);
      if (c.finish_reason !== null && c.finish_reason !== undefined) await closeChoice(c, ci);
    }
  }

  // Append every open channel of choice `ci` to this (final) choice object.
  async function closeChoice(c: Json, ci: number): Promise<void> {
    for (const key of [...channels.keys()]) {
      if (!key.startsWith(`${ci}:`)) continue;
      const rest = await closeChannel(key);
      if (rest === '') continue;
      const kind = key.slice(String(ci).length + 1);
      if (kind === 'text') {
        c.text = (typeof c.text === 'string' ? c.text : '') + rest;
        continue;
      }
      const delta: Json = isObj(c.delta) ? c.delta : (c.delta = {});
      if (kind === 'content') {
        delta.content = (typeof delta.content === 'string' ? delta.content : '') + rest;
      } else {
        const toolIndex = Number(kind.slice('tool:'.length));
        const calls: unknown[] = Array.isArray(delta.tool_calls) ? delta.tool_calls : (delta.tool_calls = []);
        const found = calls.find((t) => isObj(t) && Number(t.index ?? 0) === toolIndex && isObj(t.function));
        if (found && isObj(found) && isObj(found.function)) {
          found.function.arguments = String(found.function.arguments ?? '') + rest;
        } else {
          calls.push({ index: toolIndex, function: { arguments: rest } });
        }
      }
    }
  }

  async function flushOpenAi(): Promise<SseItem[]> {
    const byChoice = new Map<number, Json>();
    for (const key of [...channels.keys()]) {
      if (key.startsWith('a:') || key.startsWith('r:')) continue;
      const ci = Number(key.slice(0, key.indexOf(':')));
      if (!byChoice.has(ci)) byChoice.set(ci, { index: ci, delta: {}, finish_reason: null });
    }
    const choices: Json[] = [];
    for (const [ci, c] of byChoice) {
      await closeChoice(c, ci);
      const empty = (!isObj(c.delta) || Object.keys(c.delta).length === 0) && c.text === undefined;
      if (empty) continue;
      if (c.text !== undefined) delete c.delta;
      choices.push(c);
    }
    if (choices.length === 0) return [];
    const chunk: Json = {};
    for (const k of ['id', 'object', 'created', 'model', 'system_fingerprint']) if (template && k in template) chunk[k] = template[k];
    chunk.choices = choices;
    return [{ kind: 'event', data: JSON.stringify(chunk) }];
  }

  async function anthropic(ev: SseEvent, data: Json): Promise<SseItem[]> {
    const index = typeof data.index === 'number' ? data.index : 0;
    const key = `a:${index}`;
    if (data.type === 'content_block_start' && isObj(data.content_block)) {
      const block = data.content_block;
      const field = block.type === 'thinking' ? 'thinking' : 'text';
      const deltaType = block.type === 'thinking' ? 'thinking_delta' : block.type === 'text' ? 'text_delta' : undefined;
      if (deltaType) blockField.set(index, { type: deltaType, field: deltaType === 'text_delta' ? 'text' : 'thinking' });
      if (typeof block[field] === 'string') block[field] = await channel(key).push(block[field] as string);
    } else if (data.type === 'content_block_delta' && isObj(data.delta)) {
      const d = data.delta;
      const field = d.type === 'input_json_delta' ? 'partial_json' : d.type === 'thinking_delta' ? 'thinking' : 'text';
      if (typeof d.type === 'string') blockField.set(index, { type: d.type, field });
      if (typeof d[field] === 'string') d[field] = await channel(key).push(d[field] as string);
    } else if (data.type === 'content_block_stop') {
      const extra = await anthropicRemainder(index);
      return [...extra, { ...ev, data: JSON.stringify(data) }];
    } else if (data.type === 'message_stop') {
      const extra: SseItem[] = [];
      for (const k of [...channels.keys()]) if (k.startsWith('a:')) extra.push(...(await anthropicRemainder(Number(k.slice(2)))));
      return [...extra, { ...ev, data: JSON.stringify(data) }];
    } else {
      await rewriteLeaves(data, '');
    }
    return [{ ...ev, data: JSON.stringify(data) }];
  }

  async function anthropicRemainder(index: number): Promise<SseItem[]> {
    const rest = await closeChannel(`a:${index}`);
    if (rest === '') return [];
    const f = blockField.get(index) ?? { type: 'text_delta', field: 'text' };
    const data = { type: 'content_block_delta', index, delta: { type: f.type, [f.field]: rest } };
    return [{ kind: 'event', event: 'content_block_delta', data: JSON.stringify(data) }];
  }

  // OpenAI Responses API: deltas per (output item, content part); `.done` closes the channel.
  const responsesDeltaType = new Map<string, { type: string; meta: Json }>();
  async function responses(ev: SseEvent, data: Json): Promise<SseItem[] | undefined> {
    const type = data.type as string;
    const m = /^response\.(output_text|function_call_arguments|reasoning_summary_text|refusal)\.(delta|done)$/.exec(type);
    if (!m) return undefined;
    const key = `r:${String(data.item_id ?? '')}:${String(data.output_index ?? 0)}:${String(data.content_index ?? data.summary_index ?? 0)}`;
    if (m[2] === 'delta') {
      const meta: Json = {};
      for (const k of ['item_id', 'output_index', 'content_index', 'summary_index']) if (k in data) meta[k] = data[k];
      responsesDeltaType.set(key, { type, meta });
      if (typeof data.delta === 'string') data.delta = await channel(key).push(data.delta);
      return [{ ...ev, data: JSON.stringify(data) }];
    }
    const extra = await responsesRemainder(key);
    await rewriteLeaves(data, '');
    return [...extra, { ...ev, data: JSON.stringify(data) }];
  }
  async function responsesRemainder(key: string): Promise<SseItem[]> {
    const rest = await closeChannel(key);
    const open = responsesDeltaType.get(key);
    responsesDeltaType.delete(key);
    if (rest === '' || !open) return [];
    const data: Json = { type: open.type, ...open.meta, delta: rest };
    return [{ kind: 'event', event: open.type, data: JSON.stringify(data) }];
  }

  async function finishAll(): Promise<SseItem[]> {
    const out = await flushOpenAi();
    for (const k of [...channels.keys()]) if (k.startsWith('a:')) out.push(...(await anthropicRemainder(Number(k.slice(2)))));
    for (const k of [...channels.keys()]) if (k.startsWith('r:')) out.push(...(await responsesRemainder(k)));
    return out;
  }

  return {
    handle: async function handleLlmEvent(item) {
      if (item.kind === 'comment') return [item];
      const raw = item.data;
      if (raw.trim() === '[DONE]') return [...(await finishAll()), item];
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch {
        // Not JSON: no structure to keep, the whole data goes through the fallback.
        return [{ ...item, data: await options.fallback(raw, 'data') }];
      }
      if (!isObj(data)) return [{ ...item, data: JSON.stringify(await rewriteLeaves(data, 'data')) }];
      const isError = item.event === 'error' || data.type === 'error' || (isObj(data.error) && !('choices' in data));
      if (isError) {
        if (!options.fallbackErrors) return [item];
        return [{ ...item, data: JSON.stringify(await rewriteLeaves(data, '')) }];
      }
      if (Array.isArray(data.choices)) {
        await openAiChunk(data);
        return [{ ...item, data: JSON.stringify(data) }];
      }
      if (typeof data.type === 'string' && (data.type.startsWith('content_block_') || data.type.startsWith('message_') || data.type === 'ping')) {
        return anthropic(item, data);
      }
      if (typeof data.type === 'string' && data.type.startsWith('response.')) {
        const out = await responses(item, data);
        if (out) return out;
      }
      await rewriteLeaves(data, '');
      return [{ ...item, data: JSON.stringify(data) }];
    },
    finish: function finishLlmEvents() {
      return finishAll();
    },
  };
}

/**
 * A byte-level TransformStream: UTF-8 SSE in, rewritten UTF-8 SSE out. Each output event is
 * enqueued as soon as its input event is complete.
 */
export function createLlmSseTransform(options: LlmStreamOptions): TransformStream<Uint8Array, Uint8Array> {
  const parser = createSseParser();
  const rewriter = createLlmEventRewriter(options);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  async function write(items: SseItem[], controller: TransformStreamDefaultController<Uint8Array>): Promise<void> {
    let out = '';
    for (const item of items) for (const o of await rewriter.handle(item)) out += formatSseItem(o);
    if (out !== '') controller.enqueue(encoder.encode(out));
  }
  return new TransformStream<Uint8Array, Uint8Array>({
    async transform(chunk, controller) {
      await write(parser.push(decoder.decode(chunk, { stream: true })), controller);
    },
    async flush(controller) {
      await write(parser.push(decoder.decode()), controller);
      await write(parser.end(), controller);
      let out = '';
      for (const o of await rewriter.finish()) out += formatSseItem(o);
      if (out !== '') controller.enqueue(encoder.encode(out));
    },
  });
}
