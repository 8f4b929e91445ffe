import { ConfigError } from '../errors.js';
import { isPlaceholderMap, type PlaceholderMap } from '../operators/placeholder.js';
import type { TextTransform } from './text.js';

/**
 * Incremental restore of `[TYPE_N]` placeholders in chunked text (a model's streamed answer).
 *
 * Why the holdback is small and exact: a token is `[`, an upper-case type, `_`, digits, `]` and
 * never contains another `[`. So text can always be released up to the last `[`; only the tail
 * from that `[` is held, and only while it can still grow into a token (`[`, `[NAM`, `[NAME_1`)
 * and is no longer than the longest token. Restoring the released parts one by one then gives
 * exactly `map.restore(wholeText)`, whatever the chunking.
 */
export interface RestoreStreamOptions {
  /** Longest token held back, in code units (type names are at most ~20). @default 48 */
  maxTokenLength?: number;
}

export const DEFAULT_MAX_TOKEN_LENGTH = 48;

// A prefix of `[TYPE_N]`: `[`, then a type start, then optionally `_digits` (without the `]`).
const TOKEN_PREFIX_RE = /^\[(?:[A-Z][A-Z_]*(?:_\d{1,9})?)?$/;

export function createRestoreStream(map: PlaceholderMap, options: RestoreStreamOptions = {}): TextTransform {
  if (!isPlaceholderMap(map)) throw new ConfigError('map', 'a PlaceholderMap from createPlaceholderMap()');
  const maxToken = options.maxTokenLength ?? DEFAULT_MAX_TOKEN_LENGTH;
  if (!Number.isInteger(maxToken) || maxToken < 4 || maxToken > 1024) {
    throw new ConfigError('maxTokenLength', 'an integer between 4 and 1024');
  }
  let pending = '';

  return {
    push: function pushRestore(chunk: string): string {
      if (chunk.length === 0) return '';
      const buf = pending + chunk;
      const open = buf.lastIndexOf('[');
      if (open === -1 || buf.length - open > maxToken || !TOKEN_PREFIX_RE.test(buf.slice(open))) {
        pending = '';
        return map.restore(buf);
      }
      pending = buf.slice(open);
      return map.restore(buf.slice(0, open));
    },
    end: function endRestore(): string {
      const rest = pending;
      pending = '';
      return map.restore(rest);
    },
    get held() {
      return pending.length;
    },
  };
}
