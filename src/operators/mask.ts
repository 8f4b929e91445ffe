import { ConfigError } from '../errors.js';
import type { Operator } from '../types.js';
import { hideParams, nonNegativeInt, rejectUnknownParams } from './params.js';

export interface MaskOptions {
  /** The masking character: exactly one code point. @default '*' */
  char?: string;
  /** Characters left visible at the end (separators not counted), e.g. 4 for `***-**-6789`. @default 0 */
  keepLast?: number;
  /** Characters left visible at the start (separators not counted). @default 0 */
  keepFirst?: number;
  /**
   * Keep whitespace and punctuation (`-`, `/`, `.`, `(`, `@`, spaces) in place,
   * so an SSN masks to `***-**-6789` and a phone to `(***) ***-1234`. With `false` every code
   * point is masked and kept counts cover every code point. @default true
   */
  keepSeparators?: boolean;
}

/** Defaults, exported as data. */
export const MASK_DEFAULTS: Readonly<Required<MaskOptions>> = Object.freeze({
  char: '*',
  keepLast: 0,
  keepFirst: 0,
  keepSeparators: true,
});

const PARAMS = ['char', 'keepLast', 'keepFirst', 'keepSeparators'] as const;
// Whitespace and punctuation are "separators"; everything else (letters, digits, symbols, marks,
// stray surrogates) is masked, so nothing that could carry the value slips through unmasked.
const SEPARATOR = /^[\s\p{P}]$/u;

/**
 * `mask`: replace characters with `char`, keeping `keepFirst`/`keepLast` of the masked
 * characters visible (separators are not counted).
 * Works on code points (an astral character is one character, never half a pair).
 *
 * Fail-safe: when the kept counts would leave every maskable character visible (a 3-digit value
 * with `keepLast: 4`), everything is masked instead: a mask never reveals the whole value.
 * Note that a mask keeps the value's length and shape; use `tag` or `remove` to hide them.
 */
export function createMaskOperator(options: MaskOptions = {}, option = 'operator'): Operator {
  rejectUnknownParams(options as Record<string, unknown>, PARAMS, option);
  const char = options.char ?? MASK_DEFAULTS.char;
  if (typeof char !== 'string' || [...char].length !== 1 || (char.length === 1 && /[\uD800-\uDFFF]/.test(char))) {
    throw new ConfigError(`${option}.char`, 'a single character');
  }
  const keepLast = nonNegativeInt(options.keepLast, MASK_DEFAULTS.keepLast, `${option}.keepLast`);
  const keepFirst = nonNegativeInt(options.keepFirst, MASK_DEFAULTS.keepFirst, `${option}.keepFirst`);
  const keepSeparators = options.keepSeparators ?? MASK_DEFAULTS.keepSeparators;
  if (typeof keepSeparators !== 'boolean') throw new ConfigError(`${option}.keepSeparators`, 'a boolean');

  return hideParams({
    name: 'mask',
    reversible: false,
    apply: function applyMask(value) {
      const chars = Array.from(value);
      const maskable = chars.map((c) => !keepSeparators || !SEPARATOR.test(c));
      let total = 0;
      for (const m of maskable) if (m) total++;
      // Never keep everything: if nothing would be masked, mask it all.
      const revealAll = keepFirst + keepLast >= total;
      const first = revealAll ? 0 : keepFirst;
      const lastFrom = revealAll ? total : total - keepLast;
      let seen = 0;
      let out = '';
      for (let i = 0; i < chars.length; i++) {
        if (!maskable[i]) {
          out += chars[i];
          continue;
        }
        out += seen < first || seen >= lastFrom ? chars[i] : char;
        seen++;
      }
      return out;
    },
  });
}
