import express from 'express';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phiGuard, phiGuardErrorHandler } from '../../src/adapters/express/index.js';
import { BAD_INPUTS, NOTE, PHI, chatBody, close, containsPhi, leakedKinds, listen, sampleDetector } from './helpers.js';

describe('Express 5 phiGuard()', () => {
  let server: Server;
  let url: string;
  const seen: unknown[] = [];
  beforeAll(async () => {
    const app = express();
    // Raw route: phiGuard parses the body itself.
    app.post('/raw', phiGuard({ detectors: [sampleDetector] }), (req, res) => {
      seen.push(req.body);
      res.json({ body: req.body, scope: req.phiGuard, restored: req.phiGuard?.restore(JSON.stringify(req.body)) });
    });
    // Behind express.json(): phiGuard redacts the parsed value.
    app.post('/parsed', express.json(), phiGuard({ detectors: [sampleDetector] }), (req, res) => {
      seen.push(req.body);
      res.json({ body: req.body });
    });
    // Default options (default detectors), and a later body parser that must not choke.
    app.post('/default', phiGuard(), express.json(), (req, res) => {
      seen.push(req.body);
      res.json({ body: req.body });
    });
    app.use(phiGuardErrorHandler());
    server = createServer(app);
    url = await listen(server);
  });
  afterAll(async () => close(server));

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('the handler sees a redacted req.body; counts and id are exposed, values never', async () => {
    const res = await post('/raw', chatBody(NOTE), { 'x-request-id': 'abc-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('abc-1');
    expect(res.headers.get('x-phi-guard-entities')).toMatch(/NAME=2/);
    const out = (await res.json()) as { body: { messages: { content: string }[] }; scope: Record<string, unknown>; restored: string };
    expect(containsPhi(JSON.stringify(out.body))).toEqual([]);
    expect(out.body.messages[1]?.content).toContain('[NAME_1]');
    expect(out.scope).toMatchObject({ requestId: 'abc-1', total: 11 });
    expect(containsPhi(JSON.stringify(out.scope))).toEqual([]);
    expect(JSON.parse(out.restored).messages[1].content).toBe(NOTE);
  });

  it('redacts what express.json() already parsed', async () => {
    const res = await post('/parsed', chatBody(NOTE));
    const out = (await res.json()) as { body: unknown };
    expect(containsPhi(JSON.stringify(out.body))).toEqual([]);
  });

  it('default options: the handler sees none of the PHI', async () => {
    const res = await post('/default', chatBody(NOTE));
    expect(res.status).toBe(200);
    const body = JSON.stringify(((await res.json()) as { body: unknown }).body);
    expect(leakedKinds(body)).toEqual([]);
  });

  for (const bad of BAD_INPUTS) {
    it(`bad input: ${bad.name} -> ${bad.status} ${bad.code}, handler not called, nothing echoed`, async () => {
      const before = seen.length;
      const res = await fetch(url + '/raw', { method: 'POST', headers: { 'content-type': bad.contentType }, body: bad.body() });
      expect(res.status).toBe(bad.status);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe(bad.code);
      expect(text).not.toContain('SECRET');
      expect(text).not.toContain('John');
      expect(seen.length).toBe(before);
    });
  }

  it('bad input behind the default Express error handler still never echoes', async () => {
    const app = express();
    app.post('/x', phiGuard({ detectors: [sampleDetector] }), (_req, res) => res.send('ok'));
    const s = createServer(app);
    const u = await listen(s);
    const res = await fetch(u + '/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"a":"SECRET-MARKER ${PHI.name}"` });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('John');
    await close(s);
  });
});
