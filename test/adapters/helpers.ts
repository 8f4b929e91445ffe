import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Detector, Entity, EntityType } from '../../src/index.js';

/** A synthetic clinical note with one value of every kind the acceptance check names. */
export const PHI = {
  name: 'John Smith',
  dob: '03/14/1962',
  mrn: '4829173',
  ssn: '123-45-6789',
  phone: '(617) 555-0142',
  email: 'john.smith@example.com',
  street: '42 Maple Street',
  city: 'Springfield',
  zip: '01103',
  visit: 'May 2, 2024',
  clinician: 'Emily Carter',
} as const;

export const NOTE =
  `Patient ${PHI.name}, DOB ${PHI.dob}, MRN ${PHI.mrn}, SSN ${PHI.ssn}. ` +
  `Call ${PHI.phone} or email ${PHI.email}. Lives at ${PHI.street}, ${PHI.city}, MA ${PHI.zip}. ` +
  `Seen on ${PHI.visit} by Dr. ${PHI.clinician} for follow-up.`;

const KIND_TYPE: Record<keyof typeof PHI, EntityType> = {
  name: 'NAME', dob: 'DATE', mrn: 'MRN', ssn: 'SSN', phone: 'PHONE', email: 'EMAIL', street: 'LOCATION',
  city: 'LOCATION', zip: 'ZIP_CODE', visit: 'DATE', clinician: 'NAME',
};

/** Finds exactly the PHI values above: deterministic detection for round-trip tests. */
export const sampleDetector: Detector = {
  id: 'sample',
  types: [...new Set(Object.values(KIND_TYPE))],
  detect(text) {
    const out: Entity[] = [];
    for (const [kind, value] of Object.entries(PHI)) {
      let i = text.indexOf(value);
      while (i !== -1) {
        out.push({ type: KIND_TYPE[kind as keyof typeof PHI], start: i, end: i + value.length, score: 0.99, source: 'sample' });
        i = text.indexOf(value, i + value.length);
      }
    }
    return out;
  },
};

export function containsPhi(text: string): string[] {
  return Object.entries(PHI)
    .filter(([, v]) => text.includes(v))
    .map(([k]) => k);
}

/** Stricter: kinds whose value or any distinctive word of it (e.g. a surname) appears. */
export function leakedKinds(text: string): string[] {
  return Object.entries(PHI)
    .filter(([, v]) => text.includes(v) || v.split(/[\s,]+/).some((w) => /[A-Za-z]{3,}/.test(w) && !/^(Street|May)$/.test(w) && text.includes(w)))
    .map(([k]) => k);
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/** Deterministic PRNG so a failing chunking can be replayed from its seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Split text into random pieces of 1..max code units (may split surrogate pairs and tokens). */
export function randomPieces(text: string, rand: () => number, max = 12): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const n = 1 + Math.floor(rand() * max);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A fake OpenAI / Anthropic upstream on 127.0.0.1. Chat completions and messages answer with the
 * text of every message joined by '\n' (what the model "saw"), as JSON or, with `stream: true`,
 * as SSE whose content is cut into random pieces and whose bytes are written in random sizes.
 */
export async function fakeUpstream(opts: { seed?: number } = {}) {
  const seen: SeenRequest[] = [];
  let seed = opts.seed ?? 1;
  const textOf = (body: Record<string, unknown>): string => {
    const parts: string[] = [];
    if (typeof body.system === 'string') parts.push(body.system);
    for (const m of (body.messages as { content: unknown }[] | undefined) ?? []) {
      if (typeof m.content === 'string') parts.push(m.content);
      else if (Array.isArray(m.content)) for (const p of m.content as { text?: unknown }[]) if (typeof p.text === 'string') parts.push(p.text);
    }
    return parts.join('\n');
  };
  async function writeRandomly(res: ServerResponse, data: string, rand: () => number): Promise<void> {
    const bytes = Buffer.from(data, 'utf8');
    let i = 0;
    while (i < bytes.length) {
      const n = 1 + Math.floor(rand() * 40);
      res.write(bytes.subarray(i, i + n));
      i += n;
      if (rand() < 0.3) await new Promise((r) => setImmediate(r));
    }
  }
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    if (req.url?.startsWith('/v1/error')) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `bad request: ${body}`, type: 'invalid_request_error' } }));
      return;
    }
    if (req.url?.startsWith('/v1/slow')) {
      await new Promise((r) => setTimeout(r, 2000));
      res.end('{}');
      return;
    }
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json', connection: 'keep-alive, x-hop', 'x-hop': '1', 'x-kept': '1' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model' }] }));
      return;
    }
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(body) as Record<string, unknown>;
    } catch {
      res.writeHead(400).end();
      return;
    }
    const text = textOf(parsed);
    const rand = rng(seed++);
    const anthropic = req.url?.startsWith('/v1/messages') ?? false;
    if (!parsed.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          anthropic
            ? { id: 'msg_1', type: 'message', role: 'assistant', model: 'fake', content: [{ type: 'text', text }], stop_reason: 'end_turn' }
            : { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'fake', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] },
        ),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const pieces = randomPieces(text, rand, 9);
    let sse = '';
    if (anthropic) {
      sse += `event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'fake', content: [] } })}\n\n`;
      sse += `event: content_block_start\ndata: ${JSON.stringify({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })}\n\n`;
      for (const p of pieces) sse += `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p } })}\n\n`;
      sse += `event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n`;
      sse += `event: message_stop\ndata: {"type":"message_stop"}\n\n`;
    } else {
      const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'fake' };
      sse += `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })}\n\n`;
      for (const p of pieces) sse += `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: p }, finish_reason: null }] })}\n\n`;
      sse += `: keep-alive\n\n`;
      sse += `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`;
      sse += 'data: [DONE]\n\n';
    }
    await writeRandomly(res, sse, rand);
    res.end();
  });
  const url = await listen(server);
  return { url, seen, server, close: () => close(server) };
}

/** The hostile bodies every adapter must refuse with a stable code, echoing nothing. */
export const BAD_INPUTS: { name: string; body: () => Uint8Array<ArrayBuffer> | string; contentType: string; status: number; code: string; marker?: string }[] = [
  { name: 'malformed JSON', body: () => '{"messages":[{"role":"user","content":"SECRET-MARKER John Smith"}', contentType: 'application/json', status: 400, code: 'E_BODY_JSON', marker: 'SECRET-MARKER' },
  { name: 'wrong content type', body: () => 'SECRET-MARKER John Smith', contentType: 'text/plain', status: 415, code: 'E_CONTENT_TYPE', marker: 'SECRET-MARKER' },
  { name: '10 MB body', body: () => JSON.stringify({ messages: [{ role: 'user', content: 'SECRET-MARKER '.repeat(750_000) }] }), contentType: 'application/json', status: 413, code: 'E_BODY_TOO_LARGE', marker: 'SECRET-MARKER' },
  { name: 'depth 1,000', body: () => '['.repeat(1000) + '"SECRET-MARKER"' + ']'.repeat(1000), contentType: 'application/json', status: 400, code: 'E_BODY_TOO_DEEP', marker: 'SECRET-MARKER' },
  {
    name: 'invalid UTF-8',
    body: () => new Uint8Array([...Buffer.from('{"messages":[{"role":"user","content":"SECRET-MARKER '), 0xc3, 0x28, 0xff, ...Buffer.from('"}]}')]),
    contentType: 'application/json',
    status: 400,
    code: 'E_BODY_ENCODING',
    marker: 'SECRET-MARKER',
  },
  { name: 'lone surrogate', body: () => '{"messages":[{"role":"user","content":"SECRET-MARKER \\ud800 John Smith"}]}', contentType: 'application/json', status: 400, code: 'E_BODY_SURROGATE', marker: 'SECRET-MARKER' },
];

export function chatBody(content: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'fake', messages: [{ role: 'system', content: 'You are a scribe.' }, { role: 'user', content }], ...extra };
}
