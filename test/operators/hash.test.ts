import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { ConfigError } from '../../src/errors.js';
import { HASH_DEFAULTS, createHashOperator } from '../../src/operators/hash.js';
import { run } from './helpers.js';

const KEY = 'k'.repeat(16) + '-secret-test-key';

describe('hash operator', () => {
  it('emits [TYPE:hex] with a truncated HMAC-SHA256 of the value', () => {
    const op = createHashOperator({ key: KEY });
    const hex = createHmac('sha256', KEY).update('Jane Doe').digest('hex').slice(0, 16);
    expect(run(op, 'NAME', 'Jane Doe')).toBe(`[NAME:${hex}]`);
  });
  it('is stable per key and differs across keys', () => {
    const a = createHashOperator({ key: KEY });
    const b = createHashOperator({ key: Buffer.alloc(32, 7) });
    expect(run(a, 'NAME', 'Jane')).toBe(run(createHashOperator({ key: KEY }), 'NAME', 'Jane'));
    expect(run(a, 'NAME', 'Jane')).not.toBe(run(b, 'NAME', 'Jane'));
    expect(run(a, 'NAME', 'Jane')).not.toBe(run(a, 'NAME', 'June'));
  });
  it('copies a Buffer key, so later changes to it do not apply', () => {
    const key = Buffer.alloc(16, 1);
    const op = createHashOperator({ key });
    const before = run(op, 'SSN', '123-45-6789');
    key.fill(2);
    expect(run(op, 'SSN', '123-45-6789')).toBe(before);
  });
  it('honours length and format', () => {
    expect(run(createHashOperator({ key: KEY, length: 8, format: 'hex' }), 'MRN', 'x')).toMatch(/^[0-9a-f]{8}$/);
    expect(run(createHashOperator({ key: KEY, length: 64 }), 'MRN', 'x')).toMatch(/^\[MRN:[0-9a-f]{64}\]$/);
    expect(run(createHashOperator({ key: KEY, format: (t, h) => `<${t.toLowerCase()} ${h.slice(0, 4)}>` }), 'MRN', 'x')).toMatch(/^<mrn [0-9a-f]{4}>$/);
  });
  it('never throws on lone surrogates', () => {
    expect(run(createHashOperator({ key: KEY }), 'NAME', '\uD800x\uDC00')).toMatch(/^\[NAME:[0-9a-f]{16}\]$/);
  });
  it.each([
    [{}, 'operator.key'],
    [{ key: 'short' }, 'operator.key'],
    [{ key: Buffer.alloc(15) }, 'operator.key'],
    [{ key: 12345678901234567 }, 'operator.key'],
    [{ key: KEY, length: 7 }, 'operator.length'],
    [{ key: KEY, length: 66 }, 'operator.length'],
    [{ key: KEY, length: 9 }, 'operator.length'],
    [{ key: KEY, format: 'base64' }, 'operator.format'],
    [{ key: KEY, salt: 'x' }, 'operator.salt'],
  ])('rejects %j naming %s', (params, option) => {
    let err: unknown;
    try {
      createHashOperator(params as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).option).toBe(option);
  });
  it('never shows the key: inspect, String, JSON, keys, error messages', () => {
    const op = createHashOperator({ key: KEY });
    const shown = [inspect(op, { showHidden: true, depth: 5 }), String(op), JSON.stringify(op), Object.keys(op).join(','), `${op}`].join('\n');
    expect(shown).not.toContain('secret');
    expect(shown).not.toContain('kkkk');
    expect(shown).toContain('hash');
    let msg = '';
    try {
      createHashOperator({ key: 'secret-but-short' + '', length: 3 });
    } catch (e) {
      msg = JSON.stringify(e) + String(e);
    }
    expect(msg).not.toContain('secret');
  });
  it('exports its defaults', () => {
    expect(HASH_DEFAULTS.length).toBe(16);
    expect(HASH_DEFAULTS.minKeyBytes).toBe(16);
  });
});
