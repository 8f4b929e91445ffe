import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createGuard, type GuardOptions, type GuardScope } from '../shared/guard.js';
import { errorResponse, toHttpError } from '../shared/errors.js';
import { guardRequest } from '../shared/request.js';
import { transformResponse } from '../shared/response.js';

/**
 * `phi-guard/hono`: Hono 4 middleware. Downstream handlers and validators read the redacted
 * body with the usual `c.req.json()` / `c.req.text()`; `c.get('phiGuard')` has the request id,
 * entity counts and `restore()`. The response is restored by default (`response: 'restore'`).
 * Failures throw an HTTPException whose response is the JSON error (so `app.onError` sees it).
 */
declare module 'hono' {
  interface ContextVariableMap {
    phiGuard: GuardScope;
  }
}

export type PhiGuardHonoOptions = GuardOptions;

export function phiGuard(options: PhiGuardHonoOptions = {}): MiddlewareHandler {
  const guard = createGuard(options, { response: 'restore' });
  const idHeader = guard.options.requestIdHeader;
  const fail = (err: unknown, requestId: string): HTTPException => {
    const e = toHttpError(err);
    e.requestId = requestId;
    const res = errorResponse(e, idHeader ? { [idHeader]: requestId } : undefined);
    return new HTTPException(e.status as 400, { res, message: e.message, cause: e });
  };
  return async function phiGuardHono(c, next) {
    const requestId = guard.requestId(c.req.raw.headers);
    let raw = c.req.raw;
    // An earlier middleware may have read the body through HonoRequest's cache.
    if (raw.bodyUsed && Object.keys(c.req.bodyCache).length > 0) {
      raw = new Request(raw.url, { method: raw.method, headers: raw.headers, body: await c.req.arrayBuffer() });
    }
    let guarded;
    try {
      guarded = await guardRequest(guard, raw, requestId);
    } catch (err) {
      throw fail(err, requestId);
    }
    c.req.raw = guarded.request;
    c.req.bodyCache = {};
    c.set('phiGuard', guarded.scope);
    await next();
    let out: Response;
    try {
      out = await transformResponse(guard, c.res, guarded.scope);
    } catch (err) {
      out = fail(err, requestId).getResponse();
    }
    // Clear first: Hono's res setter copies the old headers (content-length!) onto the new one.
    c.res = undefined as unknown as Response;
    c.res = out;
  };
}

export * from '../shared/index.js';
