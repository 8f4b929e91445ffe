import { GuardHttpError, toHttpError } from './errors.js';
import { hasBody, readRequestBody, type Guard, type GuardScope } from './guard.js';

/**
 * Web Request in, redacted Web Request out (fetch wrapper, Hono, proxy). The new request has the
 * redacted JSON as its body and no stale content-length; everything else is the original's.
 */
export async function guardRequest(guard: Guard, request: Request, requestId: string): Promise<{ request: Request; scope: GuardScope }> {
  // Headers first: touching `request.body` makes some runtimes (@hono/node-server) build a
  // full Web stream, while arrayBuffer() has a direct path.
  const declared = hasBody(request.method, request.headers);
  if (!declared && request.body === null) return { request, scope: guard.emptyScope(requestId) };
  try {
    if (declared) guard.checkHeaders(request.headers);
    const raw = await readRequestBody(request, guard.options.maxBodyBytes);
    // No declared body (POST .../cancel, GET): pass an empty one on; anything else is checked.
    if (raw.byteLength === 0 && !declared) {
      return { request: new Request(request.url, { method: request.method, headers: request.headers, signal: request.signal }), scope: guard.emptyScope(requestId) };
    }
    if (!declared) guard.checkHeaders(request.headers);
    const guarded = await guard.processRaw(raw, request.headers, requestId);
    const headers = new Headers(request.headers);
    headers.delete('content-length');
    const init: RequestInit = { method: request.method, headers, body: guarded.text, signal: request.signal };
    return { request: new Request(request.url, init), scope: guarded.scope };
  } catch (err) {
    const e = toHttpError(err);
    e.requestId = requestId;
    throw e;
  }
}

export function isGuardHttpError(err: unknown): err is GuardHttpError {
  return err instanceof GuardHttpError;
}
