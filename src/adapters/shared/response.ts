import { createLlmSseTransform, PROTOCOL_KEYS } from '../../stream/llm.js';
import { createRedactStream, redactText } from '../../stream/redact.js';
import { createRestoreStream } from '../../stream/restore.js';
import { GuardHttpError, toHttpError } from './errors.js';
import { compileResponseFields } from './fields.js';
import { readLimited, type Guard, type GuardScope, type ResponseMode } from './guard.js';
import { parseJson, spliceStrings } from './json.js';

/**
 * Response handling for the fetch-based adapters (fetch wrapper, Hono, proxy):
 *
 *   'restore'  placeholders issued for this request go back to the caller's originals
 *   'redact'   PHI the model produced is redacted (placeholders left as they are)
 *   'off'      the body is passed through
 *
 * Bodies: `text/event-stream` is rewritten event by event (src/stream/llm.ts); JSON is parsed
 * and only its strings are changed (restore: every string; redact: LLM_RESPONSE_FIELDS); other
 * `text/*` is handled as one text; anything else (audio, images) passes through. Error
 * responses (status >= 400) are never restored, so errors and their logs carry only
 * placeholders; in 'redact' mode their strings are redacted too.
 */
const RESPONSE_LIMITS = { maxDepth: 512, maxStrings: 1_000_000 };

function kindOf(contentType: string | null): 'sse' | 'json' | 'text' | 'other' {
  const t = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (t === 'text/event-stream') return 'sse';
  if (t === 'application/json' || (t.startsWith('application/') && t.endsWith('+json'))) return 'json';
  if (t.startsWith('text/')) return 'text';
  return 'other';
}

/** The upstream body as text, at most `max` bytes (a larger one is a 502, not a 413). */
async function readText(res: Response, max: number): Promise<string> {
  const tooLarge = () => new GuardHttpError('E_UPSTREAM_BAD_RESPONSE', `body over ${max} bytes`);
  return new TextDecoder().decode(await readLimited(res.body, max, res.headers.get('content-length'), tooLarge));
}

const TOKEN_RE = /\[[A-Z][A-Z_]*?_\d{1,9}\]/g;

/**
 * Restore placeholders in JSON text without parsing it: a token is plain ASCII with no
 * characters JSON escapes, so in valid JSON it can only sit inside a string literal, where the
 * original goes in JSON-escaped. Same result as parse / restore every string / serialise, in one
 * pass (a token spelled with \u escapes is left as it is: never restored, never leaked).
 */
export function restoreJsonText(map: { lookup(token: string): string | undefined }, text: string): string {
  return text.replace(TOKEN_RE, (tok) => {
    const v = map.lookup(tok);
    return v === undefined ? tok : JSON.stringify(v).slice(1, -1);
  });
}

export async function transformResponse(guard: Guard, res: Response, scope: GuardScope, modeOverride?: ResponseMode): Promise<Response> {
  const mode = modeOverride ?? guard.options.response;
  const extra = guard.responseHeaders(scope);
  // Unchanged bodies keep their Response (runtimes have fast paths for their own objects; a
  // re-wrapped stream is written in more packets); only immutable headers force a copy.
  const untouched = (): Response => {
    try {
      for (const [k, v] of extra) res.headers.set(k, v);
      return res;
    } catch {
      const h = new Headers(res.headers);
      for (const [k, v] of extra) h.set(k, v);
      return new Response(res.body, { status: res.status, statusText: res.statusText, headers: h });
    }
  };
  // `res.body` is read only when the body will be processed: some runtimes (@hono/node-server)
  // materialise a slower stream-backed Response as soon as it is touched.
  if (mode === 'off' || scope.map === undefined) return untouched();
  const isError = res.status >= 400;
  if (isError && mode === 'restore') return untouched();
  const kind = kindOf(res.headers.get('content-type'));
  if (kind === 'other') return untouched();
  // Restore with nothing issued: nothing can change.
  if (mode === 'restore' && scope.map.size === 0) return untouched();
  const headers = new Headers(res.headers);
  for (const [k, v] of extra) headers.set(k, v);
  const pass = (body: BodyInit | null): Response => new Response(body, { status: res.status, statusText: res.statusText, headers });

  const redactor = mode === 'redact' ? await guard.redactor().catch((err: unknown) => { throw toHttpError(err); }) : undefined;
  const streamOpts = guard.options.stream;
  const map = scope.map;
  const one = async (s: string): Promise<string> => (redactor ? redactText(redactor, map, s, streamOpts) : map.restore(s));
  // The body changes length: drop the headers describing the old one.
  headers.delete('content-length');
  headers.delete('content-encoding');
  headers.delete('etag');

  if (res.body === null) return untouched();
  if (kind === 'sse') {
    const transform = createLlmSseTransform({
      channel: () => (redactor ? createRedactStream(redactor, map, streamOpts) : createRestoreStream(map, streamOpts)),
      fallback: one,
      fallbackErrors: redactor !== undefined,
    });
    headers.set('cache-control', 'no-cache');
    return pass((res.body as ReadableStream<Uint8Array>).pipeThrough(transform));
  }

  const text = await readText(res, guard.options.maxResponseBytes);
  if (kind === 'text') return pass(await one(text));
  if (!redactor) return pass(restoreJsonText(map, text));
  let parsed;
  try {
    parsed = parseJson(text, RESPONSE_LIMITS);
  } catch {
    // Not JSON after all: restore can still work on the text; redaction must fail closed.
    if (redactor) throw new GuardHttpError('E_UPSTREAM_BAD_RESPONSE', 'unparseable JSON');
    return pass(map.restore(text));
  }
  const inScope = redactor && !isError ? compileResponseFields() : undefined;
  const edits: { start: number; end: number; value: string }[] = [];
  for (const leaf of parsed.strings) {
    const last = leaf.path[leaf.path.length - 1];
    if (inScope ? !inScope(leaf.path) : redactor && typeof last === 'string' && PROTOCOL_KEYS.has(last)) continue;
    const v = await one(leaf.value);
    if (v !== leaf.value) edits.push({ start: leaf.start, end: leaf.end, value: v });
  }
  return pass(spliceStrings(text, edits));
}
