import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { ConfigError } from '../errors.js';
import type { EntityType, Operator } from '../types.js';
import { hideParams, rejectUnknownParams } from './params.js';

/**
 * `hash`: a keyed pseudonym, HMAC-SHA256(key, value) truncated to `length` hex digits, e.g.
 * `[NAME:3f9a0c1b7d2e4a65]`. The same value under the same key always gives the same token, so
 * records can be linked without keeping the original.
 *
 * NOT a Safe Harbor re-identification code. HIPAA 45 CFR 164.514(c) allows a covered entity to
 * keep a code for re-identification only if it is "not derived from or related to information
 * about the individual"; an HMAC of the value is derived from it. Output of this operator is a
 * pseudonym for linkage in data sets de-identified under Expert Determination (164.514(b)(1)),
 * where the expert accounts for it. For Safe Harbor use `tag`, `placeholder` (numbers never
 * derived from the value) or `remove`. Keep the key secret and rotate it per data release: anyone
 * holding it can confirm a guessed value (names, dates and SSNs are small, guessable spaces).
 *
 * The key is copied into a Node KeyObject at construction and never stored as a property:
 * `util.inspect`, `String()` and `JSON.stringify` of the operator show its name only.
 */
export interface HashOptions {
  /** HMAC key: a string (UTF-8) or Buffer/Uint8Array of at least 16 bytes. Required. */
  key: string | Uint8Array;
  /** Hex digits kept from the digest, an even integer 8..64. @default 16 */
  length?: number;
  /**
   * Output shape: `'tag'` gives `[TYPE:hex]`, `'hex'` the bare digest, or a function
   * `(type, hex) => string`. @default 'tag'
   */
  format?: 'tag' | 'hex' | ((type: EntityType, hex: string) => string);
}

/** Defaults, exported as data. */
export const HASH_DEFAULTS = Object.freeze({ length: 16, format: 'tag' as const, minKeyBytes: 16 });

const PARAMS = ['key', 'length', 'format'] as const;

export function createHashOperator(options: HashOptions, option = 'operator'): Operator {
  if (typeof options !== 'object' || options === null) throw new ConfigError(`${option}.key`, 'a key of at least 16 bytes');
  rejectUnknownParams(options as unknown as Record<string, unknown>, PARAMS, option);
  const { key, length = HASH_DEFAULTS.length, format = HASH_DEFAULTS.format } = options;
  let keyBytes: Buffer;
  if (typeof key === 'string') keyBytes = Buffer.from(key, 'utf8');
  else if (key instanceof Uint8Array) keyBytes = Buffer.from(key); // a copy: later edits to the caller's buffer don't apply
  else throw new ConfigError(`${option}.key`, 'a string or Buffer of at least 16 bytes (required)');
  if (keyBytes.length < HASH_DEFAULTS.minKeyBytes) {
    throw new ConfigError(`${option}.key`, `at least ${HASH_DEFAULTS.minKeyBytes} bytes (got ${keyBytes.length})`);
  }
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 8 || length > 64 || length % 2 !== 0) {
    throw new ConfigError(`${option}.length`, 'an even integer from 8 to 64');
  }
  if (format !== 'tag' && format !== 'hex' && typeof format !== 'function') {
    throw new ConfigError(`${option}.format`, "'tag', 'hex' or a function (type, hex) => string");
  }
  const secret: KeyObject = createSecretKey(keyBytes);
  keyBytes.fill(0);
  const render =
    format === 'tag' ? (type: EntityType, hex: string) => `[${type}:${hex}]` : format === 'hex' ? (_t: EntityType, hex: string) => hex : format;

  return hideParams({
    name: 'hash',
    reversible: false,
    apply: function applyHash(value, ctx) {
      // Lone surrogates are encoded as U+FFFD by UTF-8; two values that differ only there would
      // collide, which only ever links too much, never leaks.
      const hex = createHmac('sha256', secret).update(value, 'utf8').digest('hex').slice(0, length);
      return render(ctx.entity.type, hex);
    },
  });
}
