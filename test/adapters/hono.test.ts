import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phiGuard } from '../../src/adapters/hono/index.js';
import { BAD_INPUTS, NOTE, PHI, chatBody, close, containsPhi, leakedKinds, listen, sampleDetector } from './helpers.js';

describe('Hono 4 phiGuard() on @hono/node-server', () => {
  let server: Server;
  let url: string;
  const seen: string[] = [];
  beforeAll(async () => {
    const app = new Hono();
    app.use('/chat/*', phiGuard({ detectors: [sampleDetector] }));
    app.post('/chat/echo', async (c) => {
      const body = await c.req.json<{ messages: { content: string }[] }>();
      seen.push(JSON.stringify(body));
      const scope = c.get('phiGuard');
      return c.json({ answer: body.messages.map((m) => m.content).join('\n'), requestId: scope.requestId, total: scope.total });
    });
    app.post('/chat/text', async (c) => {
      const text = await c.req.text();
      seen.push(text);
      return c.text(text);
    });
    app.post(
      '/chat/validated',
      validator('json', (v: { messages?: unknown }, c) => (Array.isArray(v.messages) ? v : c.text('bad', 400))),
      (c) => {
        const v = c.req.valid('json');
        seen.push(JSON.stringify(v));
        return c.json({ seen: v }, 200, { 'x-raw': '1' });
      },
    );
    app.use('/default/*', phiGuard({ response: 'off' }));
    app.post('/default/echo', async (c) => c.json(await c.req.json()));
    app.get('/chat/ping', (c) => c.text('pong'));
    server = createAdaptorServer({ fetch: app.fetch }) as Server;
    url = await listen(server);
  });
  afterAll(async () => close(server));

  const post = (path: string, body: unknown) =>
    fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('handlers read the redacted body with c.req.json(); the answer is restored', async () => {
    const before = seen.length;
    const res = await post('/chat/echo', chatBody(NOTE));
    expect(res.status).toBe(200);
    expect(containsPhi(seen[before] as string)).toEqual([]);
    const raw = await res.text();
    const len = res.headers.get('content-length');
    if (len !== null) expect(Number(len)).toBe(Buffer.byteLength(raw)); // no stale length after restore
    const out = JSON.parse(raw) as { answer: string; total: number; requestId: string };
    expect(out.answer).toBe(`You are a scribe.\n${NOTE}`);
    expect(out.total).toBe(11);
    expect(res.headers.get('x-request-id')).toBe(out.requestId);
  });

  it('c.req.text() and validators see the redacted body too', async () => {
    const before = seen.length;
    expect((await post('/chat/text', chatBody(NOTE))).status).toBe(200);
    const res = await post('/chat/validated', chatBody(NOTE));
    expect(res.status).toBe(200);
    expect(containsPhi(seen[before] as string)).toEqual([]);
    expect(containsPhi(seen[before + 1] as string)).toEqual([]);
    expect(res.headers.get('x-raw')).toBe('1');
  });

  it('default options: the handler sees none of the PHI', async () => {
    const res = await post('/default/echo', chatBody(NOTE));
    const text = await res.text();
    expect(leakedKinds(text)).toEqual([]);
  });

  it('bodiless routes pass', async () => {
    expect(await (await fetch(url + '/chat/ping')).text()).toBe('pong');
  });

  for (const bad of BAD_INPUTS) {
    it(`bad input: ${bad.name} -> ${bad.status} ${bad.code}, handler not called, nothing echoed`, async () => {
      const before = seen.length;
      const res = await fetch(url + '/chat/echo', { method: 'POST', headers: { 'content-type': bad.contentType }, body: bad.body() });
      expect(res.status).toBe(bad.status);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe(bad.code);
      expect(text).not.toContain('SECRET');
      expect(text).not.toContain('John');
      expect(seen.length).toBe(before);
    });
  }
});
