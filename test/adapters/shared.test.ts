import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlaceholderMap } from '../../src/index.js';
import { exportPlaceholderEntries } from '../../src/operators/placeholder.js';
import { GuardHttpError } from '../../src/adapters/shared/errors.js';
import { LLM_REQUEST_FIELDS, compileFieldSelection } from '../../src/adapters/shared/fields.js';
import { isJsonContentType, requestIdFrom, withoutHopByHop } from '../../src/adapters/shared/headers.js';
import { parseJson, spliceStrings } from '../../src/adapters/shared/json.js';
import { createMemoryVault } from '../../src/adapters/shared/vault.js';
import { restoreJsonText } from '../../src/adapters/shared/response.js';

const limits = { maxDepth: 64, maxStrings: 10_000 };
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof GuardHttpError ? e.code : 'other';
  }
  return undefined;
};

describe('parseJson', () => {
  it('agrees with JSON.parse on any JSON value and locates every string', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (src) => {
        const { value, strings } = parseJson(src, { maxDepth: 1000, maxStrings: 1e6 });
        expect(value).toEqual(JSON.parse(src));
        for (const s of strings) expect(JSON.parse(src.slice(s.start, s.end))).toBe(s.value);
      }),
    );
  });
  it('splicing a string back changes only that literal', () => {
    const src = '{"a": 1.50, "b": ["x", "y\\n"], "big": 123456789012345678901234567890}';
    const { strings } = parseJson(src, limits);
    const y = strings.find((s) => s.value === 'y\n')!;
    expect(spliceStrings(src, [{ start: y.start, end: y.end, value: 'Z"' }])).toBe('{"a": 1.50, "b": ["x", "Z\\""], "big": 123456789012345678901234567890}');
  });
  it('rejects bad JSON, depth, count and lone surrogates with stable codes, never quoting input', () => {
    for (const bad of ['{', '{"a":}', '[1,]', '"\\x"', '01', '{"a":1} x', '"\u0001"', 'nul', '-', '']) {
      expect(codeOf(() => parseJson(bad, limits))).toBe('E_BODY_JSON');
    }
    expect(codeOf(() => parseJson('['.repeat(65) + ']'.repeat(65), limits))).toBe('E_BODY_TOO_DEEP');
    expect(codeOf(() => parseJson('['.repeat(64) + ']'.repeat(64), limits))).toBeUndefined();
    expect(codeOf(() => parseJson(JSON.stringify(Array(10_001).fill('a')), limits))).toBe('E_BODY_TOO_MANY_STRINGS');
    expect(codeOf(() => parseJson('"\\udc00"', limits))).toBe('E_BODY_SURROGATE');
    expect(codeOf(() => parseJson('"\\ud83d\\ude00"', limits))).toBeUndefined();
    try {
      parseJson('{"secret": "John Smith"', limits);
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('John');
    }
  });
  it('keeps "__proto__" as data', () => {
    const { value } = parseJson('{"__proto__": {"polluted": true}}', limits);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(value as object)).toEqual(['__proto__']);
  });
});

describe('field selection', () => {
  it('llm: chat content strings and text parts, not types or image URLs', () => {
    const m = compileFieldSelection('llm');
    expect(m(['messages', 0, 'content'])).toBe(true);
    expect(m(['messages', 0, 'content', 1, 'text'])).toBe(true);
    expect(m(['messages', 0, 'content', 1, 'type'])).toBe(false);
    expect(m(['messages', 0, 'content', 1, 'image_url', 'url'])).toBe(false);
    expect(m(['system'])).toBe(true);
    expect(m(['model'])).toBe(false);
    expect(LLM_REQUEST_FIELDS).toContain('/prompt');
  });
  it('pointers cover everything below them; escapes and wildcards work', () => {
    const m = compileFieldSelection(['/meta/a~1b', '/notes/*']);
    expect(m(['meta', 'a/b'])).toBe(true);
    expect(m(['meta', 'a/b', 'deep', 0])).toBe(true);
    expect(m(['notes', 3])).toBe(true);
    expect(m(['meta', 'other'])).toBe(false);
    expect(compileFieldSelection('all')(['anything'])).toBe(true);
    expect(() => compileFieldSelection(['no-slash'])).toThrow(/fields/);
  });
});

describe('headers', () => {
  it('drops hop-by-hop headers and those the Connection header names', () => {
    const h = withoutHopByHop(new Headers({ connection: 'close, x-secret-hop', 'x-secret-hop': '1', 'keep-alive': 'timeout=5', 'transfer-encoding': 'chunked', 'x-ok': '1' }));
    expect([...h.keys()]).toEqual(['x-ok']);
  });
  it('accepts plain request ids and replaces anything else', () => {
    expect(requestIdFrom('abc-123')).toBe('abc-123');
    expect(requestIdFrom('John Smith')).not.toBe('John Smith');
    expect(requestIdFrom('x'.repeat(200))).toHaveLength(36);
  });
  it('JSON content types', () => {
    expect(isJsonContentType('application/json; charset=UTF-8')).toBe(true);
    expect(isJsonContentType('application/vnd.api+json')).toBe(true);
    expect(isJsonContentType('application/json; charset=latin1')).toBe(false);
    expect(isJsonContentType('text/plain')).toBe(false);
  });
});

describe('placeholder vault', () => {
  it('continues numbering from exported entries and expires them', async () => {
    let t = 0;
    const vault = createMemoryVault({ now: () => t, maxEntries: 2 });
    const map = createPlaceholderMap();
    map.tokenFor('NAME', 'Alice');
    map.tokenFor('NAME', 'Bob');
    vault.set('c1', exportPlaceholderEntries(map), 1000);
    const again = createPlaceholderMap((await vault.get('c1'))!);
    expect(again.tokenFor('NAME', 'Bob')).toBe('[NAME_2]');
    expect(again.tokenFor('NAME', 'Carol')).toBe('[NAME_3]');
    expect(again.restore('[NAME_1]')).toBe('Alice');
    expect(String(again) + JSON.stringify(again) + JSON.stringify(vault)).not.toMatch(/Alice|Bob/);
    t = 1001;
    expect(await vault.get('c1')).toBeUndefined();
    vault.set('a', [], 10);
    vault.set('b', [], 10);
    vault.set('c', [], 10);
    expect(vault.size).toBe(2);
    expect(() => createPlaceholderMap([{ type: 'NAME', token: '[DATE_1]', value: 'x' }])).toThrow(/entries/);
  });
});

describe('restoreJsonText', () => {
  it('equals parse, restore every string, serialise', () => {
    const map = createPlaceholderMap();
    for (const v of ['Ann "Q" Lee', 'back\\slash', 'line\nbreak', '😀 émile', '</script>']) map.tokenFor('NAME', v);
    const deep = (v: unknown): unknown =>
      typeof v === 'string' ? map.restore(v) : Array.isArray(v) ? v.map(deep) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [map.restore(k), deep(x)])) : v;
    const tokenish = fc.constantFrom('[NAME_1]', '[NAME_2]', '[NAME_5]', '[NAME_9]', 'x', ' ', '[', '"');
    const str = fc.array(tokenish, { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.jsonValue().chain((base) => fc.tuple(fc.constant(base), fc.array(str, { maxLength: 5 }))), ([base, extra]) => {
        const value = { base, extra, nested: { [extra[0] ?? 'k']: extra } };
        const out = restoreJsonText(map, JSON.stringify(value));
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(deep(value)))); // (-0 serialises as 0)
      }),
    );
  });
});
