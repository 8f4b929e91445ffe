/**
 * `npm run test:workerd`: bundles test/workerd/worker.ts with esbuild (wrangler's own copy) and
 * runs it in real workerd through Miniflare (a wrangler 4.86.0 dependency), then drives it with
 * dispatchFetch: round trips restore the exact text, the handler and the fake upstream never see
 * the PHI the edge detectors cover, bad input gets its 4xx code. Exits non-zero on failure.
 * No network: `cf: false`, metrics off, the upstream is inside the worker.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BAD_INPUTS, NOTE, PHI } from '../adapters/helpers.js';

process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

const here = fileURLToPath(new URL('.', import.meta.url));
const requireFromWrangler = createRequire(createRequire(import.meta.url).resolve('wrangler/package.json'));
const { build } = requireFromWrangler('esbuild') as typeof import('esbuild');
const { Miniflare } = requireFromWrangler('miniflare') as typeof import('miniflare');

/** Kinds the edge detectors (patterns, phone, dictionary) must keep from the handler: all of them. */
const EDGE_DETECTED = Object.keys(PHI) as (keyof typeof PHI)[];

const results: { name: string; ok: boolean; error?: string }[] = [];
async function check(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
    results.push({ name, ok: true });
  } catch (err) {
    results.push({ name, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

const bundle = await build({
  entryPoints: [here + 'worker.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  write: false,
  conditions: ['workerd', 'worker', 'browser', 'import'],
  mainFields: ['module', 'main'],
  // node:* come from workerd's nodejs_compat. onnxruntime-node is a native addon that cannot
  // exist there: a stub that fails to import makes the NER family report itself unavailable.
  external: ['node:*'],
  plugins: [
    {
      name: 'no-native-addons',
      setup(b) {
        b.onResolve({ filter: /^onnxruntime-node$/ }, (args) => ({ path: args.path, namespace: 'unavailable' }));
        b.onLoad({ filter: /.*/, namespace: 'unavailable' }, () => ({ contents: 'throw new Error("not available in workerd");', loader: 'js' }));
      },
    },
  ],
  // src/detectors/ner/model.ts resolves its default model path from import.meta.url at module
  // load ('../../../models/...'); inside one bundle that walks above workerd's root and throws.
  // Give the bundle a URL deep enough for that to resolve (the file is never read there).
  define: { 'import.meta.url': '"file:///bundle/dist/detectors/ner/model.js"' },
  logLevel: 'error',
});

const mf = new Miniflare({
  modules: true,
  script: bundle.outputFiles[0]!.text,
  compatibilityDate: '2026-04-01',
  compatibilityFlags: ['nodejs_compat'],
  cf: false,
});

const chat = (content: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ model: 'm', messages: [{ role: 'user', content }], ...extra });
const post = (path: string, body: string | Uint8Array, type = 'application/json') =>
  mf.dispatchFetch(`http://worker.test${path}`, { method: 'POST', headers: { 'content-type': type }, body });
const contentOfSse = (text: string): string =>
  text
    .split('\n')
    .filter((l) => l.startsWith('data: ') && l !== 'data: [DONE]')
    .map((l) => JSON.parse(l.slice(6)).choices?.[0]?.delta?.content ?? '')
    .join('');

try {
  await mf.ready;
  await check('the default redactor builds in workerd (ner skipped)', async () => {
    const res = await mf.dispatchFetch('http://worker.test/detectors');
    const text = await res.text();
    assert.equal(res.status, 200, 'building the default redactor failed in workerd');
    const detectors = JSON.parse(text) as string[];
    console.log(`workerd detectors: ${detectors.join(', ')}`);
    assert.ok(!detectors.includes('ner'));
  });

  await check('plain round trip restores the exact text', async () => {
    const res = await post('/echo', chat(NOTE));
    assert.equal(res.status, 200);
    const body = (await res.json()) as { choices: { message: { content: string } }[] };
    assert.equal(body.choices[0]?.message.content, NOTE);
    assert.ok(res.headers.get('x-request-id'));
  });

  await check('the handler never sees the PHI the edge detectors cover', async () => {
    const seen = await (await post('/seen', chat(NOTE))).text();
    for (const kind of EDGE_DETECTED) assert.ok(!seen.includes(PHI[kind]), `handler saw the ${kind}`);
    assert.match(seen, /\[NAME_1\]/);
  });

  await check('streamed round trips restore the exact text (20 chunkings)', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const res = await post(`/stream?seed=${seed}`, chat(NOTE));
      assert.equal(contentOfSse(await res.text()), NOTE, `seed ${seed}`);
    }
  });

  await check('proxy inside workerd: plain and streaming, upstream sees no covered PHI', async () => {
    const plain = (await (await post('/v1/chat/completions', chat(NOTE))).json()) as { choices: { message: { content: string } }[] };
    assert.equal(plain.choices[0]?.message.content, NOTE);
    for (let i = 0; i < 5; i++) assert.equal(contentOfSse(await (await post('/v1/chat/completions', chat(NOTE, { stream: true }))).text()), NOTE);
    const upstream = (await (await mf.dispatchFetch('http://worker.test/upstream-seen')).json()) as string[];
    assert.equal(upstream.length, 6);
    for (const body of upstream) for (const kind of EDGE_DETECTED) assert.ok(!body.includes(PHI[kind]), `upstream saw the ${kind}`);
  });

  await check('user RE2 patterns fail closed on the edge (E_DETECTOR_UNAVAILABLE)', async () => {
    const res = (await (await mf.dispatchFetch('http://worker.test/custom')).json()) as { ok: boolean; code?: string };
    assert.deepEqual(res, { ok: false, code: 'E_DETECTOR_UNAVAILABLE' });
  });

  for (const bad of BAD_INPUTS) {
    await check(`bad input: ${bad.name} -> ${bad.status} ${bad.code}`, async () => {
      const res = await post('/seen', bad.body(), bad.contentType);
      assert.equal(res.status, bad.status);
      const text = await res.text();
      assert.equal(JSON.parse(text).error.code, bad.code);
      assert.ok(!text.includes('SECRET') && !text.includes('John'));
    });
  }
} finally {
  await mf.dispose();
}

for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.error ? `: ${r.error}` : ''}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed}/${results.length} workerd checks passed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
