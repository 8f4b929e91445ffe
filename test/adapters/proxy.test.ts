import { createAdaptorServer } from '@hono/node-server';
import OpenAI from 'openai';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmProxy, type LlmProxyOptions } from '../../src/adapters/proxy/index.js';
import { BAD_INPUTS, NOTE, PHI, chatBody, close, containsPhi, fakeUpstream, leakedKinds, listen, sampleDetector } from './helpers.js';

type Upstream = Awaited<ReturnType<typeof fakeUpstream>>;

async function serveProxy(options: LlmProxyOptions): Promise<{ url: string; server: Server }> {
  const proxy = createLlmProxy(options);
  const server = createAdaptorServer({ fetch: proxy }) as Server;
  return { url: await listen(server), server };
}

/**
 * The kinds the default detectors must keep from the upstream (all of the acceptance list, now
 * that patterns, phone and dictionary have landed). A kind left out is reported as `todo`.
 */
const DEFAULT_DETECTED: readonly (keyof typeof PHI)[] = ['name', 'dob', 'mrn', 'ssn', 'phone', 'email', 'street', 'city', 'zip', 'visit', 'clinician'];

describe('createLlmProxy with the official openai client', () => {
  let upstream: Upstream;
  let proxy: { url: string; server: Server };
  let client: OpenAI;
  beforeAll(async () => {
    upstream = await fakeUpstream({ seed: 7 });
    proxy = await serveProxy({ upstream: upstream.url, detectors: [sampleDetector] });
    client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'sk-test-key', maxRetries: 0 });
  });
  afterAll(async () => {
    await close(proxy.server);
    await upstream.close();
  });

  it('plain: the upstream sees placeholders, the client gets its exact text back', async () => {
    const before = upstream.seen.length;
    const res = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: NOTE }] });
    expect(res.choices[0]?.message.content).toBe(NOTE);
    const sent = upstream.seen[before];
    expect(sent?.url).toBe('/v1/chat/completions');
    expect(containsPhi(sent?.body ?? '')).toEqual([]);
    expect(sent?.headers.authorization).toBe('Bearer sk-test-key');
    expect(sent?.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('streaming: 20 random SSE chunkings all restore the exact text', async () => {
    for (let run = 0; run < 20; run++) {
      const before = upstream.seen.length;
      const stream = await client.chat.completions.create({ model: 'fake', stream: true, messages: [{ role: 'user', content: NOTE }] });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      expect(text).toBe(NOTE);
      expect(containsPhi(upstream.seen[before]?.body ?? '')).toEqual([]);
    }
  });

  it('Anthropic Messages shape, plain and streaming', async () => {
    const body = { model: 'fake', max_tokens: 100, system: `Scribe for ${PHI.clinician}`, messages: [{ role: 'user', content: [{ type: 'text', text: NOTE }] }] };
    const plain = await fetch(`${proxy.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'k' }, body: JSON.stringify(body) });
    const json = (await plain.json()) as { content: { text: string }[] };
    expect(json.content[0]?.text).toBe(`Scribe for ${PHI.clinician}\n${NOTE}`);
    for (let run = 0; run < 5; run++) {
      const before = upstream.seen.length;
      const res = await fetch(`${proxy.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, stream: true }) });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      let text = '';
      for (const line of (await res.text()).split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const ev = JSON.parse(line.slice(6));
        if (ev.type === 'content_block_delta') text += ev.delta.text;
      }
      expect(text).toBe(`Scribe for ${PHI.clinician}\n${NOTE}`);
      expect(containsPhi(upstream.seen[before]?.body ?? '')).toEqual([]);
    }
  });

  it('streams through: the first event reaches the client before the upstream finishes', async () => {
    // The upstream sends one event and then waits for the client to have seen it: a proxy that
    // buffered the stream would deadlock here (and the test would time out).
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const { createServer } = await import('node:http');
    const slow = createServer((req, res) => {
      req.resume();
      req.on('end', async () => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'Hello ' }, finish_reason: null }] })}\n\n`);
        await gate;
        res.end(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'there' }, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`);
      });
    });
    const slowUrl = await listen(slow);
    const p = await serveProxy({ upstream: slowUrl, detectors: [sampleDetector] });
    const c = new OpenAI({ baseURL: `${p.url}/v1`, apiKey: 'k', maxRetries: 0 });
    const stream = await c.chat.completions.create({ model: 'fake', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    let text = '';
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      if (text === 'Hello ') release();
    }
    expect(text).toBe('Hello there');
    await close(p.server);
    await close(slow);
  });

  it('gzip-compressing upstreams are asked for identity and decoded bodies are not mislabelled', async () => {
    const { createServer } = await import('node:http');
    const { gzipSync } = await import('node:zlib');
    let acceptEncoding: string | undefined;
    const gz = createServer((req, res) => {
      acceptEncoding = req.headers['accept-encoding'];
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' });
        res.end(gzipSync(Buffer.from('binary-ish payload')));
      });
    });
    const p = await serveProxy({ upstream: await listen(gz), detectors: [sampleDetector] });
    const res = await fetch(`${p.url}/v1/files`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(acceptEncoding).toBe('identity');
    expect(await res.text()).toBe('binary-ish payload');
    await close(p.server);
    await close(gz);
  });

  it('passes upstream errors with their status, unrestored', async () => {
    const res = await fetch(`${proxy.url}/v1/error`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody(NOTE)) });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('[NAME_1]');
    expect(containsPhi(text)).toEqual([]);
  });

  it('forwards bodiless requests and drops hop-by-hop headers', async () => {
    const models = await client.models.list();
    expect(models.data[0]?.id).toBe('fake-model');
    const res = await fetch(`${proxy.url}/v1/models`, { headers: { 'x-custom': 'a', 'proxy-authorization': 'Basic x', te: 'trailers' } });
    expect(res.headers.get('x-hop')).toBeNull(); // named in the upstream's Connection header
    expect(res.headers.get('x-kept')).toBe('1');
    const sent = upstream.seen[upstream.seen.length - 1];
    expect(sent?.headers['x-custom']).toBe('a');
    expect(sent?.headers['proxy-authorization']).toBeUndefined();
    expect(sent?.headers.te).toBeUndefined();
  });

  for (const bad of BAD_INPUTS) {
    it(`bad input: ${bad.name} -> ${bad.status} ${bad.code}, nothing forwarded or echoed`, async () => {
      const before = upstream.seen.length;
      const res = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': bad.contentType }, body: bad.body() });
      expect(res.status).toBe(bad.status);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe(bad.code);
      expect(text).not.toContain('SECRET');
      expect(text).not.toContain('John');
      expect(upstream.seen.length).toBe(before);
    });
  }

  it('the openai client sees a 400 for malformed JSON without the input', async () => {
    const res = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x' }, body: `{"messages": [${JSON.stringify(NOTE)}` });
    expect(res.status).toBe(400);
    expect(containsPhi(await res.text())).toEqual([]);
  });

  it('never sends Authorization anywhere but the upstream origin', async () => {
    const urls: string[] = [];
    const p = createLlmProxy({ upstream: 'http://up.test/base', detectors: [sampleDetector], fetch: async (u) => (urls.push(u), new Response('{}')) });
    for (const path of ['//evil.test/v1/x', '/v1/%2F%2Fevil.test', '/v1/%5c%5cevil.test']) {
      const res = await p(new Request(`http://proxy.test${path}`, { headers: { authorization: 'Bearer secret' } }));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('E_BAD_PATH');
    }
    // Dot segments are resolved by the URL parser and stay under the upstream's origin.
    for (const path of ['/v1/%2e%2e/%2e%2e/x', '/v1/../../../x', '/v1/models?x=http://evil.test']) {
      expect((await p(new Request(`http://proxy.test${path}`, { headers: { authorization: 'Bearer secret' } }))).status).toBe(200);
    }
    expect(urls.every((u) => u.startsWith('http://up.test/base/'))).toBe(true);
    expect(() => createLlmProxy({ upstream: 'ftp://x' })).toThrow(/upstream/);
    expect(() => createLlmProxy({ upstream: 'http://u:p@x' })).toThrow(/upstream/);
  });

  it('times out slow upstreams (504) and reports unreachable ones (502)', async () => {
    const slow = await serveProxy({ upstream: upstream.url, detectors: [sampleDetector], upstreamTimeoutMs: 100 });
    const res = await fetch(`${slow.url}/v1/slow`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(504);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('E_UPSTREAM_TIMEOUT');
    await close(slow.server);
    const dead = await serveProxy({ upstream: 'http://127.0.0.1:9', detectors: [sampleDetector] });
    const res2 = await fetch(`${dead.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody(NOTE)) });
    expect(res2.status).toBe(502);
    expect(containsPhi(await res2.text())).toEqual([]);
    await close(dead.server);
  });

  it('refuses an upstream body over maxResponseBytes (502, no text)', async () => {
    const small = await serveProxy({ upstream: upstream.url, detectors: [sampleDetector], maxResponseBytes: 64 });
    const res = await fetch(`${small.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody(NOTE)) });
    expect(res.status).toBe(502);
    const text = await res.text();
    expect((JSON.parse(text) as { error: { code: string } }).error.code).toBe('E_UPSTREAM_BAD_RESPONSE');
    expect(containsPhi(text)).toEqual([]);
    await close(small.server);
  });

  it("response 'redact' redacts PHI the model produced, streamed and not, identically", async () => {
    const r = await serveProxy({ upstream: upstream.url, detectors: [sampleDetector], response: 'redact', fields: ['/nothing'] });
    const c = new OpenAI({ baseURL: `${r.url}/v1`, apiKey: 'k', maxRetries: 0 });
    const plain = await c.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: NOTE }] });
    const plainText = plain.choices[0]?.message.content ?? '';
    expect(containsPhi(plainText)).toEqual([]);
    for (let run = 0; run < 5; run++) {
      const s = await c.chat.completions.create({ model: 'fake', stream: true, messages: [{ role: 'user', content: NOTE }] });
      let text = '';
      for await (const chunk of s) text += chunk.choices[0]?.delta?.content ?? '';
      expect(text).toBe(plainText);
    }
    await close(r.server);
  });
});

describe('createLlmProxy with the default detectors', () => {
  let upstream: Upstream;
  let proxy: { url: string; server: Server };
  let sent = '';
  let restored = '';
  beforeAll(async () => {
    upstream = await fakeUpstream();
    proxy = await serveProxy({ upstream: upstream.url });
    const client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'k', maxRetries: 0 });
    const res = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: NOTE }] });
    restored = res.choices[0]?.message.content ?? '';
    sent = upstream.seen[0]?.body ?? '';
  });
  afterAll(async () => {
    await close(proxy.server);
    await upstream.close();
  });

  it('round-trips the exact text', () => {
    expect(restored).toBe(NOTE);
  });
  for (const kind of Object.keys(PHI) as (keyof typeof PHI)[]) {
    const check = (): void => {
      expect(leakedKinds(sent)).not.toContain(kind);
    };
    if (DEFAULT_DETECTED.includes(kind)) it(`the upstream never sees the ${kind}`, check);
    else it.todo(`the upstream never sees the ${kind} (needs its detector family)`);
  }
});
