import { describe, expect, it } from 'vitest';
import { createRedactor, DetectorError, InputError, TimeoutError, type Detector, type Entity } from '../../src/index.js';

// The pipeline runs synchronous detectors without a promise per detector and continues
// asynchronously from the first detector that returns one; these pin down that both paths give
// the same results and fail the same way.

const TEXT = 'Alice saw Bob on Carol street';
const span = (type: Entity['type'], word: string, score = 0.9): Entity => ({ type, start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length, score, source: 'test' });

function sync(id: string, found: Entity[]): Detector {
  return { id, types: ['NAME', 'LOCATION'], detect: () => found.map((e) => ({ ...e })) };
}
function async(id: string, found: Entity[], ms = 0): Detector {
  return {
    id,
    types: ['NAME', 'LOCATION'],
    detect: () => new Promise<Entity[]>((resolve) => setTimeout(() => resolve(found.map((e) => ({ ...e }))), ms)),
  };
}

describe('synchronous and asynchronous detectors', () => {
  it('merges the same entities whichever detectors return promises', async () => {
    const a = [span('NAME', 'Alice')];
    const b = [span('NAME', 'Bob')];
    const c = [span('LOCATION', 'Carol street')];
    const expected = await (await createRedactor({ detectors: [sync('a', a), sync('b', b), sync('c', c)] })).redact(TEXT);
    for (const dets of [
      [async('a', a), sync('b', b), sync('c', c)],
      [sync('a', a), async('b', b), sync('c', c)],
      [sync('a', a), sync('b', b), async('c', c)],
      [async('a', a), async('b', b), async('c', c)],
    ]) {
      const r = await createRedactor({ detectors: dets });
      expect(await r.redact(TEXT)).toEqual(expected);
      expect(await r.detect(TEXT)).toEqual(expected.entities);
    }
    expect(expected.text).toBe('[NAME] saw [NAME] on [LOCATION]');
  });

  it('wraps a failing detector, sync or async, in DetectorError without the input', async () => {
    const boomSync: Detector = { id: 'boom', types: ['NAME'], detect: () => { throw new Error(`bad ${TEXT}`); } };
    const boomAsync: Detector = { id: 'boom', types: ['NAME'], detect: () => Promise.reject(new Error(`bad ${TEXT}`)) };
    for (const boom of [boomSync, boomAsync]) {
      for (const dets of [[boom], [sync('a', [span('NAME', 'Alice')]), boom], [async('a', [span('NAME', 'Alice')]), boom]]) {
        const r = await createRedactor({ detectors: dets });
        const err = await r.redact(TEXT).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DetectorError);
        expect(JSON.stringify(err)).not.toContain('Alice');
        expect(String((err as Error).message)).not.toContain('Alice');
      }
    }
  });

  it('rejects (never throws synchronously) on bad input', async () => {
    const r = await createRedactor({ detectors: [sync('a', [])] });
    const p1 = r.detect(42 as unknown as string);
    const p2 = r.redact(null as unknown as string);
    expect(p1).toBeInstanceOf(Promise);
    expect(p2).toBeInstanceOf(Promise);
    await expect(p1).rejects.toBeInstanceOf(InputError);
    await expect(p2).rejects.toBeInstanceOf(InputError);
  });

  it('fails the call with TimeoutError when an async detector passes the deadline', async () => {
    const r = await createRedactor({ detectors: [sync('a', [span('NAME', 'Alice')]), async('slow', [span('NAME', 'Bob')], 200)], timeoutMs: 20 });
    const err = await r.redact(TEXT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).code).toBe('E_TIMEOUT');
    const fast = await createRedactor({ detectors: [async('a', [span('NAME', 'Alice')], 1)], timeoutMs: 2000 });
    expect((await fast.redact(TEXT)).text).toBe('[NAME] saw Bob on Carol street');
  });
});
