import { describe, expect, it } from 'vitest';
import { ConfigError, DetectorError } from '../../../src/errors.js';
import { compileRe2, liveRe2Count, stripAssertions, toWellFormed, MAX_WINDOW } from '../../../src/detectors/custom/re2.js';

function all(source: string, text: string, flags = '', maxMatchLength?: number): [number, number][] {
  const re = compileRe2('t', source, flags, maxMatchLength === undefined ? {} : { maxMatchLength });
  const out: [number, number][] = [];
  try {
    re.findAll(text, (s, e) => out.push([s, e]));
  } finally {
    re.close();
  }
  return out;
}

/** What V8 finds for the same (simple) pattern: the reference. */
function v8(source: string, text: string, flags = ''): [number, number][] {
  return [...text.matchAll(new RegExp(source, `g${flags}u`))].map((m) => [m.index, m.index + m[0].length]);
}

describe('compileRe2: rejects bad patterns with a ConfigError naming the label', () => {
  it.each([
    ['a*'], ['(x|)'], ['\\b'], ['\\B'], ['^'], ['$'], ['(?m)^'], ['x*\\b'], ['(?:)'], ['a?'], ['[a-z]{0,3}'], ['\\b\\d*'], ['^|x'],
  ])('empty-matching %s', (p) => {
    expect(() => compileRe2('customPatterns.emp', p)).toThrow(ConfigError);
    expect(() => compileRe2('customPatterns.emp', p)).toThrow(/customPatterns\.emp\.pattern.*empty string/);
  });

  it.each([['a(?=b)'], ['(?<!a)b'], ['(a)\\1'], ['['], ['a{2,1}'], ['(?<n>a)'], ['\\u0041']])('invalid RE2 syntax %s', (p) => {
    expect(() => compileRe2('customPatterns.bad', p)).toThrow(/customPatterns\.bad\.pattern.*valid RE2 syntax/);
  });

  it('does not echo the pattern source in the message', () => {
    try {
      compileRe2('customPatterns.secretish', 'SECRET(?=x)');
      expect.unreachable();
    } catch (err) {
      expect(String((err as Error).message)).not.toContain('SECRET');
    }
  });

  it('validates source, flags and maxMatchLength', () => {
    expect(() => compileRe2('p', '')).toThrow(/p\.pattern/);
    expect(() => compileRe2('p', 42)).toThrow(/p\.pattern/);
    expect(() => compileRe2('p', 'a'.repeat(5000))).toThrow(/p\.pattern/);
    expect(() => compileRe2('p', 'a\uD800')).toThrow(/p\.pattern/);
    expect(() => compileRe2('p', 'a', 'g')).toThrow(/p\.flags/);
    expect(() => compileRe2('p', 'a', 'ii')).toThrow(/p\.flags/);
    expect(() => compileRe2('p', 'a', '', { maxMatchLength: 0 })).toThrow(/maxMatchLength/);
  });

  it('frees what it compiled when it rejects', () => {
    const before = liveRe2Count();
    for (const p of ['a*', '[', '\\b']) expect(() => compileRe2('p', p)).toThrow(ConfigError);
    expect(liveRe2Count()).toBe(before);
  });

  it('accepts anchored and bounded patterns that need text', () => {
    for (const p of ['\\ba\\b', '^abc$', '(?i)abc', 'x+', 'a|b', '\\d{3}-\\d{4}', '(?m)^ID:\\d+$', '\\QEMP.1\\E']) {
      const re = compileRe2('ok', p);
      re.close();
    }
  });
});

describe('stripAssertions', () => {
  it.each([
    ['^abc$', 'abc'],
    ['\\bfoo\\B', 'foo'],
    ['[\\b^$]', '[\\b^$]'],
    ['[]^]x', '[]^]x'],
    ['\\Q^$\\E', '\\Q^$\\E'],
    ['\\\\b', '\\\\b'],
    ['\\A\\d\\z', '\\d'],
  ])('%s -> %s', (src, out) => {
    expect(stripAssertions(src)).toBe(out);
  });
});

describe('findAll: offsets', () => {
  it('maps code points back to UTF-16 around astral characters', () => {
    const text = 'a 😀😀 EMP-1 𝒳 EMP-22 😀';
    expect(all('EMP-\\d+', text)).toEqual(v8('EMP-\\d+', text));
    expect(all('😀', text)).toEqual(v8('😀', text));
    expect(all('.', '😀a😀')).toEqual([[0, 2], [2, 3], [3, 5]]);
  });

  it('keeps offsets exact around lone surrogates (searched as U+FFFD)', () => {
    const text = 'x\uD800y EMP-1 \uDC00z EMP-2 \uD83D';
    expect(all('EMP-\\d', text)).toEqual(v8('EMP-\\d', text));
    expect(all('y', text)).toEqual([[2, 3]]);
    expect(all('z', text)).toEqual([[11, 12]]);
    expect(all('\\x{FFFD}', text)).toEqual([[1, 2], [10, 11], [19, 20]]);
  });

  it('honours flags', () => {
    expect(all('abc', 'ABC abc', 'i')).toEqual([[0, 3], [4, 7]]);
    expect(all('^x', 'x\nx', 'm')).toEqual([[0, 1], [2, 3]]);
    expect(all('^x', 'x\nx')).toEqual([[0, 1]]);
    expect(all('a.b', 'a\nb', 's')).toEqual([[0, 3]]);
    expect(all('a.b', 'a\nb')).toEqual([]);
  });

  it('finds every match across window boundaries, with anchors and word edges intact', () => {
    const unit = 'lorem ipsum EMP-123456 dolor ';
    const text = unit.repeat(5_000); // 145k chars, many windows
    expect(all('\\bEMP-\\d{6}\\b', text)).toEqual(v8('\\bEMP-\\d{6}\\b', text));
    const big = 'x'.repeat(MAX_WINDOW * 3 + 17) + 'needle' + 'y'.repeat(MAX_WINDOW + 5) + 'needle';
    expect(all('needle', big)).toEqual(v8('needle', big));
    expect(all('^x', big)).toEqual([[0, 1]]);
    expect(all('y$', big)).toEqual([]);
    expect(all('e$', big)).toEqual([[big.length - 1, big.length]]);
  });

  it('word boundary at a window start uses the character before it', () => {
    // A long run of word characters: \bb must never match inside it, whatever the windows.
    const text = 'a'.repeat(5000) + 'b' + ' b';
    expect(all('\\bb', text)).toEqual([[5002, 5003]]);
  });

  it('matches up to maxMatchLength are exact; longer ones are still reported', () => {
    const long = 'Z'.repeat(3000);
    const text = 'q'.repeat(10_000) + long + 'q';
    expect(all('Z+', text, '', 4096)).toEqual([[10_000, 13_000]]);
    const found = all('Z+', text, '', 16);
    expect(found.length).toBeGreaterThanOrEqual(1);
    // Covered entirely, possibly in pieces.
    const covered = found.reduce((n, [s, e]) => n + (e - s), 0);
    expect(covered).toBe(3000);
  });

  it('handles inputs far over re2-wasm\'s own heap limit (chunked)', () => {
    // 10M chars: re2-wasm alone aborts at ~5 MB of input.
    const text = ('lorem ipsum dolor sit amet '.repeat(371) + 'EMP-1 ').repeat(1000);
    expect(text.length).toBeGreaterThan(10_000_000);
    let n = 0;
    const re = compileRe2('big', 'EMP-1');
    re.findAll(text, () => n++);
    re.close();
    expect(n).toBe(1000);
  });

  it('throws a DetectorError after close, and close is idempotent', () => {
    const re = compileRe2('p', 'a');
    re.close();
    re.close();
    expect(re.closed).toBe(true);
    expect(() => re.findAll('a', () => {})).toThrow(DetectorError);
  });

  it('inspect shows the label only', async () => {
    const { inspect } = await import('node:util');
    const re = compileRe2('customPatterns.x', 'SECRETPATTERN');
    expect(inspect(re)).not.toContain('SECRETPATTERN');
    re.close();
  });

  it('toWellFormed keeps length and replaces lone surrogates only', () => {
    expect(toWellFormed('a\uD800b😀\uDC00')).toBe('a\uFFFDb😀\uFFFD');
  });
});
