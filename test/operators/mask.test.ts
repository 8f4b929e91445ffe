import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { ConfigError } from '../../src/errors.js';
import { MASK_DEFAULTS, createMaskOperator } from '../../src/operators/mask.js';
import { run } from './helpers.js';

describe('mask operator', () => {
  it.each([
    [{}, '123-45-6789', '***-**-****'],
    [{ keepLast: 4 }, '123-45-6789', '***-**-6789'],
    [{ keepLast: 4 }, '(617) 555-0142', '(***) ***-0142'],
    [{ keepFirst: 1, keepLast: 1 }, 'Smith', 'S***h'],
    [{ char: '#' }, 'Jane Doe', '#### ###'],
    [{ char: '•', keepLast: 2 }, 'AB12', '••12'],
    [{ keepSeparators: false }, '123-45', '******'],
    [{ keepSeparators: false, keepLast: 2 }, '123-45', '****45'],
    [{ char: '😀' }, 'ab', '😀😀'],
  ])('%j masks %s', (params, value, expected) => {
    expect(run(createMaskOperator(params), 'SSN', value)).toBe(expected);
  });

  it('never reveals the whole value when the kept counts cover it', () => {
    expect(run(createMaskOperator({ keepLast: 4 }), 'MRN', '123')).toBe('***');
    expect(run(createMaskOperator({ keepFirst: 2, keepLast: 2 }), 'MRN', '1234')).toBe('****');
  });

  it('masks astral characters as one character and leaves no lone surrogate', () => {
    expect(run(createMaskOperator(), 'NAME', '𝒜b')).toBe('**');
    expect(run(createMaskOperator({ keepLast: 1 }), 'NAME', 'ab𝒜')).toBe('**𝒜');
  });

  it('masks symbols and stray surrogates, not only letters and digits', () => {
    expect(run(createMaskOperator(), 'OTHER_ID', '\uD800+€')).toBe('***');
  });

  it('output has one mask char per masked code point (property)', () => {
    const op = createMaskOperator({ keepSeparators: false });
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = run(op, 'OTHER_ID', s);
        expect(out).toBe('*'.repeat([...s].length));
      }),
    );
  });

  it('exports its defaults as data', () => {
    expect(MASK_DEFAULTS).toEqual({ char: '*', keepLast: 0, keepFirst: 0, keepSeparators: true });
  });

  it.each([
    [{ char: '' }, 'operator.char'],
    [{ char: 'ab' }, 'operator.char'],
    [{ char: '\uD800' }, 'operator.char'],
    [{ char: 1 }, 'operator.char'],
    [{ keepLast: -1 }, 'operator.keepLast'],
    [{ keepLast: 1.5 }, 'operator.keepLast'],
    [{ keepFirst: '2' }, 'operator.keepFirst'],
    [{ keepSeparators: 'yes' }, 'operator.keepSeparators'],
    [{ keeplast: 4 }, 'operator.keeplast'],
  ])('rejects %j naming %s', (params, option) => {
    const err = (() => {
      try {
        createMaskOperator(params as never);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).option).toBe(option);
  });

  it('does not print its params', () => {
    const op = createMaskOperator({ char: '#', keepLast: 3 });
    const shown = inspect(op) + String(op) + JSON.stringify(op);
    expect(shown).not.toMatch(/keepLast|#/);
    expect(shown).toContain('mask');
  });
});
