import { ConfigError } from '../../errors.js';
import { createGuard, type GuardOptions } from '../shared/guard.js';
import { GuardHttpError, errorResponse, toHttpError } from '../shared/errors.js';
import { withoutHopByHop } from '../shared/headers.js';
import { guardRequestBody } from '../shared/request.js';
import { transformResponse } from '../shared/response.js';

/**
 * `phi-guard/proxy`: a fetch handler that forwards to an OpenAI-compatible (or Anthropic
 * Messages) upstream. Request JSON is redacted before it leaves; responses are restored by
 * default (`response: 'restore'`), streamed or not. Only the configured upstream ever receives
 * the caller's Authorization: the target URL is built from the upstream's origin and the
 * request path, checked to stay on that origin, and redirects are not followed.
 */
export interface LlmProxyOptions extends GuardOptions {
  /** Upstream base URL, e.g. 'https://api.openai.com'. The request path is appended to its path. */
  upstream: string | URL;
  /** Prefix stripped from request paths before appending (e.g. '/llm'). @default '' */
  basePath?: string;
  /** Headers set on every upstream request (e.g. a server-side API key). @default {} */
  upstreamHeaders?: Record<string, string>;
  /** Forward the caller's Authorization / x-api-key to the upstream. @default true */
  forwardAuthorization?: boolean;
  /** Time to wait for the upstream's response headers, ms (504 beyond). @default 120_000 */
  upstreamTimeoutMs?: number;
  /** The fetch used to call the upstream, called as `fetch(url, init)`. @default globalThis.fetch */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

export const DEFAULT_PROXY_OPTIONS = { basePath: '', forwardAuthorization: true, upstreamTimeoutMs: 120_000 } as const;

// Never forwarded: connection-level, recomputed, or meant for this hop only.
const DROP_UPSTREAM = ['host', 'content-length', 'accept-encoding', 'cookie', 'forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto'];

export function createLlmProxy(options: LlmProxyOptions): (request: Request) => Promise<Response> {
  if (typeof options !== 'object' || options === null) throw new ConfigError('options', 'an object with upstream');
  let upstream: URL;
  try {
    upstream = new URL(String(options.upstream));
  } catch {
    throw new ConfigError('upstream', 'an absolute http(s) URL');
  }
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') throw new ConfigError('upstream', 'an http(s) URL');
  if (upstream.search || upstream.hash || upstream.username || upstream.password) {
    throw new ConfigError('upstream', 'a base URL without query, fragment or credentials');
  }
  const basePath = options.basePath ?? DEFAULT_PROXY_OPTIONS.basePath;
  if (typeof basePath !== 'string' || (basePath !== '' && (!basePath.startsWith('/') || basePath.endsWith('/')))) {
    throw new ConfigError('basePath', "'' or a path like '/llm' (leading slash, no trailing slash)");
  }
  const extra = options.upstreamHeaders ?? {};
  if (typeof extra !== 'object' || extra === null || Object.values(extra).some((v) => typeof v !== 'string')) {
    throw new ConfigError('upstreamHeaders', 'an object of string header values');
  }
  const forwardAuth = options.forwardAuthorization ?? DEFAULT_PROXY_OPTIONS.forwardAuthorization;
  if (typeof forwardAuth !== 'boolean') throw new ConfigError('forwardAuthorization', 'a boolean');
  const timeoutMs = options.upstreamTimeoutMs ?? DEFAULT_PROXY_OPTIONS.upstreamTimeoutMs;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new ConfigError('upstreamTimeoutMs', 'a positive integer');
  // Called with (url, init), not a Request: a Request built here would be the runtime's wrapper
  // class where one is installed (@hono/node-server), which global fetch must convert again.
  const doFetch = options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  if (typeof doFetch !== 'function') throw new ConfigError('fetch', 'a fetch function');
  const guard = createGuard(options, { response: 'restore' });
  const basePrefix = upstream.pathname.replace(/\/+$/, '');

  function target(url: URL): string {
    let path = url.pathname;
    if (basePath) {
      if (path !== basePath && !path.startsWith(basePath + '/')) throw new GuardHttpError('E_BAD_PATH');
      path = path.slice(basePath.length) || '/';
    }
    // The URL parser already resolved dot segments; reject what could still change the
    // authority or confuse the upstream's router.
    if (path.includes('//') || path.includes('\\') || /%2e|%2f|%5c/i.test(path)) throw new GuardHttpError('E_BAD_PATH');
    const out = new URL(upstream.origin + basePrefix + path + url.search);
    if (out.origin !== upstream.origin) throw new GuardHttpError('E_BAD_PATH');
    return out.href;
  }

  return async function llmProxy(request: Request): Promise<Response> {
    const requestId = guard.requestId(request.headers);
    const idHeader = guard.options.requestIdHeader;
    const fail = (err: unknown): Response => {
      const e = toHttpError(err);
      e.requestId = requestId;
      return errorResponse(e, idHeader ? { [idHeader]: requestId } : undefined);
    };
    let url: string;
    let guarded;
    try {
      url = target(new URL(request.url));
      guarded = await guardRequestBody(guard, request, requestId);
    } catch (err) {
      return fail(err);
    }
    const headers = withoutHopByHop(request.headers, DROP_UPSTREAM);
    if (!forwardAuth) {
      headers.delete('authorization');
      headers.delete('x-api-key');
    }
    // Ask for an uncompressed answer: it has to be read to be restored, and fetch
    // implementations decode bodies while keeping the Content-Encoding header.
    headers.set('accept-encoding', 'identity');
    for (const [k, v] of Object.entries(extra)) headers.set(k, v);
    if (idHeader) headers.set(idHeader, requestId);

    const ac = new AbortController();
    const onAbort = (): void => ac.abort();
    request.signal.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, timeoutMs);
    let res: Response;
    try {
      const init: RequestInit = { method: request.method, headers, redirect: 'manual', signal: ac.signal };
      if (guarded.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD') init.body = guarded.body;
      res = await doFetch(url, init);
    } catch {
      return fail(new GuardHttpError(timedOut ? 'E_UPSTREAM_TIMEOUT' : 'E_UPSTREAM_UNREACHABLE'));
    } finally {
      clearTimeout(timer);
    }
    // fetch has already decoded any Content-Encoding: the header (and its length) no longer apply.
    const clean = new Response(res.body, { status: res.status, statusText: res.statusText, headers: withoutHopByHop(res.headers, ['content-encoding', 'content-length']) });
    try {
      return await transformResponse(guard, clean, guarded.scope);
    } catch (err) {
      return fail(err);
    }
  };
}

export * from '../shared/index.js';
