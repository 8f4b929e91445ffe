import { describe, expect, it } from 'vitest';
import { ConfigError, createRedactor, type Detector } from '../../src/index.js';
import { OPERATOR_BUILDERS, buildOperator, listOperatorNames, resolveOperatorOption } from '../../src/operators/index.js';

const fake: Detector = {
  id: 'fake',
  types: ['SSN', 'NAME', 'DATE'],
  detect(text) {
    const out = [];
    for (const m of text.matchAll(/\d{3}-\d{2}-\d{4}/g)) out.push({ type: 'SSN' as const, start: m.index, end: m.index + m[0].length, score: 0.9, source: 'fake' });
    for (const m of text.matchAll(/Alice/g)) out.push({ type: 'NAME' as const, start: m.index, end: m.index + m[0].length, score: 0.9, source: 'fake' });
    for (const m of text.matchAll(/\d{2}\/\d{2}\/\d{4}/g)) out.push({ type: 'DATE' as const, start: m.index, end: m.index + m[0].length, score: 0.9, source: 'fake' });
    return out;
  },
};

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('operator registry', () => {
  it('registers every built-in operator', () => {
    expect(listOperatorNames()).toEqual(['tag', 'placeholder', 'mask', 'remove', 'hash', 'generalize']);
    expect(Object.keys(OPERATOR_BUILDERS)).toEqual(listOperatorNames());
  });

  it('chooses operators per type with a default', async () => {
    const r = await createRedactor({
      detectors: [fake],
      operator: { SSN: { name: 'mask', keepLast: 4 }, DATE: 'generalize', default: 'remove' },
    });
    const res = await r.redact('Alice, SSN 123-45-6789, seen 03/14/2021.');
    expect(res.text).toBe(', SSN ***-**-6789, seen 2021.');
  });

  it('hash is usable through the redactor and per call', async () => {
    const r = await createRedactor({ detectors: [fake] });
    const res = await r.redact('Alice and Alice', { operator: { name: 'hash', key: 'x'.repeat(32), length: 8 } });
    expect(res.text).toMatch(/^\[NAME:([0-9a-f]{8})\] and \[NAME:\1\]$/);
  });

  it.each([
    ['nope', 'operator', /unknown operator "nope"/],
    [{ name: 'nope' }, 'operator.name', /unknown operator "nope"/],
    [42, 'operator', /operator spec/],
    [null, 'operator', /operator spec/],
    [[], 'operator', /operator spec/],
    [{ NAME: 'mask', Name: 'tag' }, 'operator.Name', /entity type/],
    [{ SSN: 'nope' }, 'operator.SSN', /unknown operator/],
    [{ SSN: { name: 'mask', keepLast: -1 } }, 'operator.SSN.keepLast', /non-negative/],
    [{ default: { name: 'hash' } }, 'operator.default.key', /16 bytes/],
    [{ name: 'mask', keeplast: 4 }, 'operator.keeplast', /known parameter/],
    [{ name: 'tag', format: 'x' }, 'operator.format', /function/],
    [{ name: 'placeholder', mapp: 1 }, 'operator.mapp', /known parameter/],
  ])('rejects %j naming %s', (spec, option, message) => {
    const err = configError(() => resolveOperatorOption(spec as never));
    expect(err.option).toBe(option);
    expect(err.message).toMatch(message);
    expect(err.code).toBe('E_CONFIG');
  });

  it('never puts a hash key in an error message', () => {
    const key = 'topsecret-key-123';
    const err = configError(() => buildOperator({ name: 'hash', key, length: 3 }));
    expect(JSON.stringify(err) + String(err) + err.message).not.toContain('topsecret');
  });

  it('fails at construction, before any text is seen', async () => {
    await expect(createRedactor({ detectors: [fake], operator: { name: 'hash', key: 'short' } })).rejects.toThrow(ConfigError);
  });
});
