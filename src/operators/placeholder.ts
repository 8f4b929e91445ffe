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
const ONE_TOKEN_RE = /^\[([A-Z][A-Z_]*?)_(\d{1,9})\]$/;

/**
 * One issued placeholder with its original, for persisting a map between requests (the HTTP
 * adapters' vault). Holds PHI: store it like PHI.
 */
export interface PlaceholderEntry {
  type: EntityType;
  token: string;
  value: string;
}

// Entry export without adding a method to the public interface (maps built elsewhere stay
// valid PlaceholderMaps); keyed weakly so maps are still collected.
const EXPORTERS = new WeakMap<PlaceholderMap, () => PlaceholderEntry[]>();

/**
 * The entries of a map made by createPlaceholderMap, in issue order, to persist and later pass
 * back to `createPlaceholderMap(entries)`. Throws ConfigError for maps made elsewhere.
 */
export function exportPlaceholderEntries(map: PlaceholderMap): PlaceholderEntry[] {
  const exporter = EXPORTERS.get(map);
  if (!exporter) throw new ConfigError('map', 'a PlaceholderMap from createPlaceholderMap()');
  return exporter();
}

/**
 * A new map; `entries` (from exportPlaceholderEntries) continue an earlier one: same tokens for
 * the same values, numbering carries on after the highest number per type.
 */
export function createPlaceholderMap(entries?: Iterable<PlaceholderEntry>): PlaceholderMap {
  const byValue = new Map<string, string>();
  const byToken = new Map<string, string>();
  const counters = new Map<string, number>();
  const types = new Map<string, EntityType>();
  if (entries !== undefined) {
    if (entries === null || typeof (entries as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new ConfigError('entries', 'an iterable of { type, token, value }');
    }
    for (const e of entries) {
      const m = e && typeof e.token === 'string' ? ONE_TOKEN_RE.exec(e.token) : null;
      if (!m || m[1] !== e.type || typeof e.value !== 'string') {
        throw new ConfigError('entries', 'entries of { type, token: "[TYPE_N]", value: string }');
      }
      const n = Number(m[2]);
      byValue.set(`${e.type}\u0000${e.value}`, e.token);
      byToken.set(e.token, e.value);
      types.set(e.token, e.type);
      if (n > (counters.get(e.type) ?? 0)) counters.set(e.type, n);
    }
  }
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
      types.set(token, type);
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
  EXPORTERS.set(map, function exportEntries() {
    return [...byToken].map(([token, value]) => ({ type: types.get(token) as EntityType, token, value }));
  });
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
