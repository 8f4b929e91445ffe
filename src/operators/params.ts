import { ConfigError } from '../errors.js';

/**
 * Shared parameter checks for the built-in operators. Operator params come from configuration
 * (never from input text), so naming the offending key is safe; values are never echoed, since a
 * param may be a key.
 */

/** Throw a ConfigError for any key not in `allowed`, naming `<option>.<key>`. */
export function rejectUnknownParams(params: Record<string, unknown>, allowed: readonly string[], option: string): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) {
      const known = allowed.length > 0 ? `one of ${allowed.join(', ')}` : 'no parameters';
      throw new ConfigError(`${option}.${key.slice(0, 40)}`, `a known parameter (${known})`);
    }
  }
}

/** A non-negative integer or undefined (then `fallback`). */
export function nonNegativeInt(value: unknown, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ConfigError(option, 'a non-negative integer');
  }
  return value;
}

/**
 * Make an operator object safe to log: `util.inspect`, `String()` and `JSON.stringify` show the
 * operator's name only, never its parameters (a hash key, a mask policy). Presidio printed
 * operator params in `repr`; we don't.
 */
export function hideParams<T extends { name: string }>(op: T): T {
  const label = `Operator { name: '${op.name}' }`;
  Object.defineProperty(op, Symbol.for('nodejs.util.inspect.custom'), { value: () => label });
  Object.defineProperty(op, 'toJSON', { value: () => ({ name: op.name }) });
  Object.defineProperty(op, 'toString', { value: () => label });
  return op;
}
