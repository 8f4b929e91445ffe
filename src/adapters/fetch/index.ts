import { createGuard, type GuardOptions, type GuardScope } from '../shared/guard.js';
import { errorResponse, toHttpError } from '../shared/errors.js';
import { guardRequest } from '../shared/request.js';
import { transformResponse } from '../shared/response.js';

/**
 * `phi-guard/fetch`: wrap any Web fetch handler `(request, env?, ctx?) => Response` (Cloudflare
 * Workers, Deno, Bun, Node). The handler receives a Request whose JSON body is redacted; its
 * response is restored (default), redacted or passed per `options.response`. Bad input and
 * redaction failures answer with a JSON error and never reach the handler.
 */
export type FetchHandler<Env = unknown, Ctx = unknown> = (request: Request, env: Env, ctx: Ctx) => Response | Promise<Response>;

export type PhiGuardFetchOptions = GuardOptions;

const scopes = new WeakMap<Request, GuardScope>();

/** The redaction scope of a request the wrapper handed to your handler (ids, counts, restore). */
export function getPhiGuard(request: Request): GuardScope | undefined {
  return scopes.get(request);
}

export function withPhiGuard<Env = unknown, Ctx = unknown>(
  handler: FetchHandler<Env, Ctx>,
  options: PhiGuardFetchOptions = {},
): (request: Request, env: Env, ctx: Ctx) => Promise<Response> {
  if (typeof handler !== 'function') throw new TypeError('withPhiGuard(handler, options): handler must be a function');
  const guard = createGuard(options, { response: 'restore' });
  return async function phiGuardFetch(request, env, ctx) {
    const requestId = guard.requestId(request.headers);
    let guarded;
    try {
      guarded = await guardRequest(guard, request, requestId);
    } catch (err) {
      const e = toHttpError(err);
      return errorResponse(e, guard.options.requestIdHeader ? { [guard.options.requestIdHeader]: requestId } : undefined);
    }
    scopes.set(guarded.request, guarded.scope);
    const res = await handler(guarded.request, env, ctx);
    try {
      return await transformResponse(guard, res, guarded.scope);
    } catch (err) {
      const e = toHttpError(err);
      e.requestId = requestId;
      return errorResponse(e, guard.options.requestIdHeader ? { [guard.options.requestIdHeader]: requestId } : undefined);
    }
  };
}

export * from '../shared/index.js';
