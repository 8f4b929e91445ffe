/**
 * The workerd smoke worker: the fetch wrapper and the LLM proxy running inside real workerd with
 * the default detectors that are available there (onnxruntime-node is not, so the NER family
 * reports itself unavailable and is skipped). Routes:
 *
 *   POST /echo     withPhiGuard(handler answering with the text it received) -> restored answer
 *   POST /seen     same handler, response 'off'  -> exactly what the handler saw
 *   POST /stream   handler streaming that text as SSE in seeded random pieces -> restored stream
 *   *    /v1/*     createLlmProxy to an in-worker fake upstream (records what it received)
 *   GET  /upstream-seen   bodies the fake upstream received
 *   GET  /detectors       detector ids the default redactor runs here
 *   GET  /custom          what building a user-pattern (RE2) detector does here
 */
import { createRedactor, isPhiGuardError } from '../../src/index.js';
import { createCustomPatternDetector } from '../../src/detectors/custom/index.js';
import { withPhiGuard } from '../../src/adapters/fetch/index.js';
import { createLlmProxy } from '../../src/adapters/proxy/index.js';

function textOf(body: { messages?: { content?: unknown }[] }): string {
  return (body.messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function sseOf(text: string, seed: number): ReadableStream<Uint8Array> {
  const rand = rng(seed);
  let out = '';
  for (let i = 0; i < text.length; ) {
    const n = 1 + Math.floor(rand() * 9);
    out += `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: text.slice(i, i + n) }, finish_reason: null }] })}\n\n`;
    i += n;
  }
  out += `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`;
  const bytes = new TextEncoder().encode(out);
  return new ReadableStream({
    start(c) {
      for (let i = 0; i < bytes.length; ) {
        const n = 1 + Math.floor(rand() * 40);
        c.enqueue(bytes.slice(i, i + n));
        i += n;
      }
      c.close();
    },
  });
}

const echo = withPhiGuard(async (req: Request) => {
  const text = textOf((await req.json()) as { messages?: { content?: unknown }[] });
  return Response.json({ choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] });
});
const seen = withPhiGuard(async (req: Request) => new Response(await req.text(), { headers: { 'content-type': 'text/plain' } }), { response: 'off' });
const stream = withPhiGuard(async (req: Request) => {
  const seed = Number(new URL(req.url).searchParams.get('seed') ?? '1');
  const text = textOf((await req.json()) as { messages?: { content?: unknown }[] });
  return new Response(sseOf(text, seed), { headers: { 'content-type': 'text/event-stream' } });
});

const upstreamSeen: string[] = [];
const proxy = createLlmProxy({
  upstream: 'https://upstream.invalid',
  fetch: async (_url: string, init: RequestInit) => {
    const body = String(init.body);
    upstreamSeen.push(body);
    const parsed = JSON.parse(body) as { stream?: boolean; messages?: { content?: unknown }[] };
    const text = textOf(parsed);
    if (parsed.stream) return new Response(sseOf(text, upstreamSeen.length), { headers: { 'content-type': 'text/event-stream' } });
    return Response.json({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] });
  },
});

export default {
  async fetch(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/echo') return echo(request, undefined, undefined);
    if (pathname === '/seen') return seen(request, undefined, undefined);
    if (pathname === '/stream') return stream(request, undefined, undefined);
    if (pathname === '/upstream-seen') return Response.json(upstreamSeen);
    if (pathname === '/detectors') return Response.json((await createRedactor()).detectors);
    if (pathname.startsWith('/v1/')) return proxy(request);
    if (pathname === '/custom') {
      try {
        createCustomPatternDetector([{ name: 'ticket', pattern: 'TKT-[0-9]{6}', type: 'OTHER_ID' }]);
        return Response.json({ ok: true });
      } catch (err) {
        return Response.json({ ok: false, code: isPhiGuardError(err) ? err.code : 'not a PhiGuardError' });
      }
    }
    return new Response('not found', { status: 404 });
  },
};
