import type { MiddlewareHandler } from 'hono';
import type { RequestHandler } from 'express';
import { describe, expectTypeOf, it } from 'vitest';
import { phiGuard as expressGuard, type PhiGuardExpressOptions } from '../../src/adapters/express/index.js';
import { getPhiGuard, withPhiGuard, type GuardScope, type PhiGuardFetchOptions } from '../../src/adapters/fetch/index.js';
import { phiGuard as honoGuard } from '../../src/adapters/hono/index.js';
import { createLlmProxy } from '../../src/adapters/proxy/index.js';

describe('public adapter types', () => {
  it('factories return the frameworks\' handler types', () => {
    expectTypeOf(honoGuard()).toEqualTypeOf<MiddlewareHandler>();
    expectTypeOf(expressGuard()).toEqualTypeOf<RequestHandler>();
    expectTypeOf(createLlmProxy).returns.toEqualTypeOf<(request: Request) => Promise<Response>>();
    expectTypeOf(withPhiGuard<{ KEY: string }, ExecutionContextLike>).returns.toEqualTypeOf<(request: Request, env: { KEY: string }, ctx: ExecutionContextLike) => Promise<Response>>();
    expectTypeOf(getPhiGuard).returns.toEqualTypeOf<GuardScope | undefined>();
  });
  it('options are typed', () => {
    expectTypeOf<PhiGuardFetchOptions['response']>().toEqualTypeOf<'restore' | 'redact' | 'off' | undefined>();
    expectTypeOf<PhiGuardExpressOptions>().not.toHaveProperty('response');
    expectTypeOf<GuardScope['counts']>().toMatchTypeOf<Readonly<Record<string, number | undefined>>>();
  });
});

interface ExecutionContextLike {
  waitUntil(p: Promise<unknown>): void;
}
