import { GuardHttpError, toHttpError } from './errors.js';
import { hasBody, readRequestBody, type Guard, type GuardScope } from './guard.js';

export interface GuardedRequest {
  scope: GuardScope;
  /** The redacted JSON body; undefined when the request has none. */
  body: string | undefined;
}

/** Check and redact a Web Request's body without building a new Request (the proxy's path). */
export async function guardRequestBody(guard: Guard, request: Request, requestId: string): Promise<GuardedRequest> {
  // Headers first: touching `request.body` makes some runtimes (@hono/node-server) build a
  // full Web stream, while arrayBuffer() has a direct path.
  const declared = hasBody(request.method, request.headers);
  if (!declared && request.body === null) return { scope: guard.emptyScope(requestId), body: undefined };
  try {
    if (declared) guard.checkHeaders(request.headers);
    const raw = await readRequestBody(request, guard.options.maxBodyBytes);
    // No declared body (POST .../cancel, GET): nothing to pass on; anything else is checked.
    if (raw.byteLength === 0 && !declared) return { scope: guard.emptyScope(requestId), body: undefined };
    if (!declared) guard.checkHeaders(request.headers);
    const guarded = await guard.processRaw(raw, request.headers, requestId);
    return { scope: guarded.scope, body: guarded.text };
  } catch (err) {
    const e = toHttpError(err);
    e.requestId = requestId;
    throw e;
  }
}

/**
 * Web Request in, redacted Web Request out (fetch wrapper, Hono). The new request has the
 * redacted JSON as its body and no stale content-length; everything else is the original's.
 */
export async function guardRequest(guard: Guard, request: Request, requestId: string): Promise<{ request: Request; scope: GuardScope }> {
  const declared = hasBody(request.method, request.headers);
  if (!declared && request.body === null) return { request, scope: guard.emptyScope(requestId) };
  const { scope, body } = await guardRequestBody(guard, request, requestId);
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  const init: RequestInit = { method: request.method, headers, signal: request.signal };
  if (body !== undefined) init.body = body;
  return { request: new Request(request.url, init), scope };
}

export function isGuardHttpError(err: unknown): err is GuardHttpError {
  return err instanceof GuardHttpError;
}
