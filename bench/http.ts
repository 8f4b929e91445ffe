/**
 * HTTP overhead of the Hono middleware: `npm run bench:http`.
 *
 * Each server runs in its own child process on 127.0.0.1 (port 0) and autocannon drives it from
 * this process with a 2 KB OpenAI-shaped chat body (synthetic clinical text, PHI throughout).
 * The handler parses the JSON and answers a small JSON reply, as an app in front of a model
 * would before calling it. Profiles:
 *
 *   bare      Hono, no phi-guard
 *   guard     Hono + phiGuard({ detectors: [] }): the adapter's own cost (parse, select, rebuild)
 *   fast      Hono + phiGuard({ detectors: ['patterns', 'phone'] })
 *   default   Hono + phiGuard() (every detector family available here)
 *
 * Reports req/s and p50/p99 latency per profile and each guarded profile's share of bare req/s.
 * Then time to first byte of a streamed answer (SSE), straight from a local upstream and through
 * createLlmProxy (fast detectors, response 'restore'): p50/p99 over 50 streams each.
 *
 *   npm run bench:http                          # 5 s per profile, 10 connections
 *   npm run bench:http -- --seconds 2 --connections 20 --json
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const PROFILES = {
  bare: undefined,
  guard: { detectors: [] as string[] },
  fast: { detectors: ['patterns', 'phone'] },
  default: {},
} as const;
type Profile = keyof typeof PROFILES;

/** A 2 KB user message of synthetic clinical text (no real patient data). */
export function chatBody2k(): string {
  const note =
    'Patient John Smith (DOB 03/14/1962, MRN 4829173) was seen on May 2, 2024 by Dr. Emily Carter. ' +
    'He reports chest pain on exertion, no syncope. Call (617) 555-0142 or john.smith@example.com. ' +
    'Lives at 42 Maple Street, Springfield, MA 01103. SSN 123-45-6789. Plan: ECG, troponin, follow-up in two weeks. ';
  let content = '';
  while (content.length < 1900) content += note;
  const body = JSON.stringify({ model: 'gpt-4o-mini', temperature: 0.2, messages: [{ role: 'system', content: 'You are a clinical scribe.' }, { role: 'user', content }] });
  return body;
}

async function serve(profile: Profile): Promise<void> {
  const { Hono } = await import('hono');
  const { serve: serveNode } = await import('@hono/node-server');
  const app = new Hono();
  const options = PROFILES[profile];
  if (options !== undefined) {
    const { phiGuard } = await import('../src/adapters/hono/index.js');
    app.use('/v1/*', phiGuard('detectors' in options ? { detectors: [...options.detectors] } : {}));
  }
  app.post('/v1/chat/completions', async (c) => {
    const body = await c.req.json<{ messages: unknown[] }>();
    return c.json({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: `ok ${body.messages.length}` }, finish_reason: 'stop' }] });
  });
  const server = serveNode({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`PORT ${info.port}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

function startChild(profile: Profile): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', profile], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      const m = /^PORT (\d+)$/.exec(line);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`server for ${profile} exited with ${code}`)));
  });
}

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}

interface Row {
  profile: Profile;
  reqPerS: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
  ofBare?: number;
}

/** TTFB of a streamed chat answer, direct and through createLlmProxy, in this process. */
async function measureTtfb(): Promise<{ direct: { p50: number; p99: number }; proxied: { p50: number; p99: number } }> {
  const { createServer } = await import('node:http');
  const { createAdaptorServer } = await import('@hono/node-server');
  const { createLlmProxy } = await import('../src/adapters/proxy/index.js');
  const chunk = (t: string): string => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: t }, finish_reason: null }] })}\n\n`;
  const upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk('Hello [NAME_1], '));
      setTimeout(() => res.end(chunk('how are you?') + 'data: [DONE]\n\n'), 20);
    });
  });
  const listen = (srv: import('node:http').Server): Promise<number> =>
    new Promise((r) => srv.listen(0, '127.0.0.1', () => r((srv.address() as import('node:net').AddressInfo).port)));
  const upPort = await listen(upstream);
  const proxy = createAdaptorServer({ fetch: createLlmProxy({ upstream: `http://127.0.0.1:${upPort}`, detectors: ['patterns', 'phone'] }) }) as import('node:http').Server;
  const proxyPort = await listen(proxy);
  const body = JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'Hello John Smith, call 617-555-0142.' }] });
  async function once(port: number): Promise<number> {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const reader = res.body!.getReader();
    await reader.read();
    const t = performance.now() - t0;
    while (!(await reader.read()).done);
    return t;
  }
  const stats = async (port: number) => {
    for (let i = 0; i < 5; i++) await once(port);
    const ts: number[] = [];
    for (let i = 0; i < 50; i++) ts.push(await once(port));
    ts.sort((a, b) => a - b);
    return { p50: ts[25] as number, p99: ts[49] as number };
  };
  const direct = await stats(upPort);
  const proxied = await stats(proxyPort);
  proxy.closeAllConnections();
  upstream.closeAllConnections();
  await new Promise((r) => proxy.close(r));
  await new Promise((r) => upstream.close(r));
  return { direct, proxied };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      profiles: { type: 'string', default: 'bare,guard,fast,default' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.serve) {
    if (!(values.serve in PROFILES)) throw new Error(`unknown profile ${values.serve}`);
    await serve(values.serve as Profile);
    return;
  }
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const profiles = values.profiles.split(',') as Profile[];
  // autocannon ships no types; the little used here is typed locally.
  const { default: autocannon } = (await import('autocannon' as string)) as { default: (opts: Record<string, unknown>) => Promise<AutocannonResult> };
  const body = chatBody2k();
  const rows: Row[] = [];
  for (const profile of profiles) {
    const { child, port } = await startChild(profile);
    try {
      const opts = { url: `http://127.0.0.1:${port}/v1/chat/completions`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body, connections };
      await autocannon({ ...opts, duration: 1 }); // warm-up: JIT, detector loading
      const r = await autocannon({ ...opts, duration: seconds });
      rows.push({ profile, reqPerS: r.requests.average, p50ms: r.latency.p50, p99ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
    } finally {
      child.kill('SIGTERM');
    }
  }
  const ttfb = await measureTtfb();
  const bare = rows.find((r) => r.profile === 'bare');
  for (const r of rows) if (bare && r !== bare) r.ofBare = r.reqPerS / bare.reqPerS;
  if (values.json) {
    process.stdout.write(JSON.stringify({ bodyBytes: Buffer.byteLength(body), seconds, connections, rows, ttfb }, null, 2) + '\n');
    return;
  }
  console.log(`2 KB chat body (${Buffer.byteLength(body)} B), ${connections} connections, ${seconds} s per profile, 127.0.0.1`);
  console.log('profile   req/s     p50 ms  p99 ms  of bare  errors');
  for (const r of rows) {
    console.log(
      `${r.profile.padEnd(9)} ${r.reqPerS.toFixed(0).padStart(7)}  ${String(r.p50ms).padStart(6)}  ${String(r.p99ms).padStart(6)}  ${r.ofBare === undefined ? '   -   ' : (r.ofBare * 100).toFixed(1).padStart(5) + ' %'}  ${r.errors + r.non2xx}`,
    );
  }
  const f = (x: number): string => x.toFixed(2);
  console.log(`SSE time to first byte (50 streams): direct p50 ${f(ttfb.direct.p50)} ms, p99 ${f(ttfb.direct.p99)} ms; through createLlmProxy p50 ${f(ttfb.proxied.p50)} ms, p99 ${f(ttfb.proxied.p99)} ms`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
