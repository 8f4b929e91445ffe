import { ConfigError } from '../errors.js';
import type { EntityType, Operator } from '../types.js';

/**
 * Numbered placeholders, `[NAME_1]`: the same value (exact string) gets the same number, numbers
 * follow order of first appearance per type and are never derived from the value (HIPAA
 * 164.514(c)). The mapping lives in a PlaceholderMap: one per call by default, or one the caller
 * passes in to keep numbering across texts and turns and to restore originals afterwards.
 */
export interface PlaceholderMap {
  /** The token for `value` of `type`, allocating the next number on first sight. */
  tokenFor(type: EntityType, value: string, text?: string): string;
  /** The original value behind a token, if this map issued it. */
  lookup(token: string): string | undefined;
  /** Replace every token this map issued in `text` with its original value. */
  restore(text: string): string;
  /** Number of distinct values held. */
  readonly size: number;
  /** Tokens issued, in order (values are not exposed here). */
  tokens(): string[];
}

const TOKEN_RE = /\[([A-Z][A-Z_]*?)_(\d{1,9})\]/g;

export function createPlaceholderMap(): PlaceholderMap {
  const byValue = new Map<string, string>();
  const byToken = new Map<string, string>();
  const counters = new Map<string, number>();
  const map: PlaceholderMap = {
    tokenFor(type, value, text) {
      const key = `${type}\u0000${value}`;
      const known = byValue.get(key);
      if (known) return known;
      let n = counters.get(type) ?? 0;
      let token: string;
      // Skip a number whose token already appears literally in the input, so restore can't
      // mistake the user's own text for one of ours.
      do {
        n += 1;
        token = `[${type}_${n}]`;
      } while (text !== undefined && text.includes(token));
      counters.set(type, n);
      byValue.set(key, token);
      byToken.set(token, value);
      return token;
    },
    lookup(token) {
      return byToken.get(token);
    },
    restore(text) {
      if (byToken.size === 0) return text;
      return text.replace(TOKEN_RE, (tok) => byToken.get(tok) ?? tok);
    },
    get size() {
      return byToken.size;
    },
    tokens() {
      return [...byToken.keys()];
    },
  };
  // Never let a debugger, logger or util.inspect print the originals.
  Object.defineProperty(map, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => `PlaceholderMap { size: ${byToken.size} }`,
  });
  Object.defineProperty(map, 'toJSON', { value: () => ({ size: byToken.size }) });
  Object.defineProperty(map, 'toString', { value: () => `PlaceholderMap(${byToken.size})` });
  return map;
}

export function isPlaceholderMap(value: unknown): value is PlaceholderMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PlaceholderMap).tokenFor === 'function' &&
    typeof (value as PlaceholderMap).restore === 'function'
  );
}

const STATE_KEY = 'placeholder.map';

/** The operator. Uses `ctx.state` to find the call's map (the redactor puts it there). */
export function createPlaceholderOperator(options: { map?: PlaceholderMap } = {}): Operator {
  if (options.map !== undefined && !isPlaceholderMap(options.map)) {
    throw new ConfigError('operator.map', 'a PlaceholderMap from createPlaceholderMap()');
  }
  return {
    name: 'placeholder',
    reversible: true,
    apply: function applyPlaceholder(value, ctx) {
      let map = options.map ?? (ctx.state.get(STATE_KEY) as PlaceholderMap | undefined);
      if (!map) {
        map = createPlaceholderMap();
        ctx.state.set(STATE_KEY, map);
      }
      return map.tokenFor(ctx.entity.type, value, ctx.text);
    },
    reverse: function reversePlaceholder(token, ctx) {
      const map = options.map ?? (ctx.state.get(STATE_KEY) as PlaceholderMap | undefined);
      return map?.lookup(token);
    },
  };
}

export const PLACEHOLDER_STATE_KEY = STATE_KEY;
