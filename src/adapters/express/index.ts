import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { createGuard, hasBody, type GuardOptions, type GuardScope } from '../shared/guard.js';
import { GuardHttpError, toHttpError } from '../shared/errors.js';

/**
 * `phi-guard/express`: Express 5 middleware. Reads and parses the JSON body itself when no body
 * parser ran (or redacts what express.json() produced), and leaves the redacted value in
 * `req.body`; `req.phiGuard` has the request id, entity counts and `restore()`. Failures go to
 * `next(err)` as a GuardHttpError with `status`, `code` and a message that never quotes the body;
 * `phiGuardErrorHandler()` renders them as the JSON error body. Responses are not rewritten
 * (use `req.phiGuard.restore(text)` on the model's answer).
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      phiGuard?: GuardScope;
    }
  }
}

export type PhiGuardExpressOptions = Omit<GuardOptions, 'response' | 'maxResponseBytes' | 'stream'>;

function toHeaders(req: Request): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) h.append(k, x);
    else h.set(k, v);
  }
  return h;
}

function readBody(req: Request, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const len = req.headers['content-length'];
    if (len !== undefined && /^\d+$/.test(len) && Number(len) > max) {
      reject(new GuardHttpError('E_BODY_TOO_LARGE', `over ${max} bytes`));
      return;
    }
    const parts: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', function onData(chunk: Buffer) {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        done = true;
        reject(new GuardHttpError('E_BODY_TOO_LARGE', `over ${max} bytes`));
        return; // keep draining (discarding) so the client can read the 413
      }
      parts.push(chunk);
    });
    req.on('end', function onEnd() {
      if (!done) {
        done = true;
        resolve(new Uint8Array(Buffer.concat(parts)));
      }
    });
    req.on('error', function onError() {
      if (!done) {
        done = true;
        reject(new GuardHttpError('E_BODY_ENCODING', 'the request stream failed'));
      }
    });
  });
}

export function phiGuard(options: PhiGuardExpressOptions = {}): RequestHandler {
  const guard = createGuard({ ...options, response: 'off' }, { response: 'off' });
  const { requestIdHeader, countsHeader } = guard.options;
  return function phiGuardExpress(req: Request, res: Response, next: NextFunction): void {
    const headers = toHeaders(req);
    const requestId = guard.requestId(headers);
    if (requestIdHeader) res.setHeader(requestIdHeader, requestId);
    const run = async (): Promise<void> => {
      let scope: GuardScope;
      const body: unknown = req.body;
      if (body !== undefined && !(body instanceof Uint8Array) && typeof body !== 'string') {
        // express.json() (or another parser) already ran: redact its value in place.
        const g = await guard.processValue(body, headers, requestId);
        req.body = g.value;
        scope = g.scope;
      } else if (body !== undefined) {
        guard.checkHeaders(headers);
        const g = await guard.processRaw(body, headers, requestId);
        req.body = g.value;
        scope = g.scope;
      } else if (hasBody(req.method, headers)) {
        guard.checkHeaders(headers);
        const raw = await readBody(req, guard.options.maxBodyBytes);
        const g = await guard.processRaw(raw, headers, requestId);
        req.body = g.value;
        // Tell body-parser style middleware later in the chain that the body is consumed.
        (req as unknown as { _body: boolean })._body = true;
        scope = g.scope;
      } else {
        scope = guard.emptyScope(requestId);
      }
      req.phiGuard = scope;
      if (countsHeader) res.setHeader(countsHeader, guard.responseHeaders(scope).find(([k]) => k === countsHeader)?.[1] ?? '');
    };
    run().then(
      () => next(),
      (err: unknown) => {
        const e = toHttpError(err);
        e.requestId = requestId;
        next(e);
      },
    );
  };
}

/** Renders GuardHttpErrors as the JSON error body; passes anything else on. */
export function phiGuardErrorHandler(): ErrorRequestHandler {
  return function phiGuardErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
    if (!(err instanceof GuardHttpError) || res.headersSent) {
      next(err);
      return;
    }
    res.status(err.status).type('application/json').set('cache-control', 'no-store').send(JSON.stringify(err.body()));
  };
}

export * from '../shared/index.js';
