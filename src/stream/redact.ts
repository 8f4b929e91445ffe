import { ConfigError } from '../errors.js';
import { isPlaceholderMap, type PlaceholderMap } from '../operators/placeholder.js';
import type { Entity } from '../types.js';
import { ceilBoundary, floorBoundary } from '../utils/text.js';
import type { TextTransform } from './text.js';

/**
 * Incremental redaction of text a model produces (response mode `'redact'`).
 *
 * Detection is context-sensitive (a name detector looks at the words around a candidate, a
 * date parser at the whole expression), so redacting whatever arrived in each chunk would give
 * different answers for different chunkings. Instead the text is cut into segments at positions
 * that depend only on the text itself, and each segment is detected inside a window that adds a
 * fixed amount of context on both sides:
 *
 *   segment  [s, b)   b = the first line end or sentence end at or after s + minSegment; if
 *                     there is none up to s + maxSegment, the last whitespace before that, else
 *                     s + maxSegment (moved to a code-point boundary)
 *   window   [s - context, b + context)
 *   entities those overlapping [s, b); one crossing b extends the segment to its end, one
 *            reaching back before s (already released) is clipped to s
 *
 * Streaming and one-shot use the same function, so the result is identical for every chunking
 * (`redactText` is this transform fed in one piece). The cost is the holdback: at most
 * maxSegment + context + 1 code units are held before release, and an entity longer than
 * `context` that crosses a cut may be redacted in two pieces (still redacted, never leaked).
 */
export interface RedactStreamOptions {
  /** Shortest segment before a natural cut is taken. @default 160 */
  minSegment?: number;
  /** Longest segment (bounds the holdback). @default 1024 */
  maxSegment?: number;
  /** Context on each side of a segment given to the detectors. @default 128 */
  context?: number;
  /** Words that end in '.' without ending a sentence (lower case, without the dot). */
  abbreviations?: readonly string[];
}

/** Words after which '.' does not end a sentence: titles, street types, months, Latin. */
export const DEFAULT_ABBREVIATIONS: readonly string[] = [
  'dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'sr', 'jr', 'st', 'ste', 'mt', 'ft', 'rd', 'ave', 'blvd', 'ln',
  'apt', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'dept', 'univ', 'hosp', 'med', 'rev', 'hon', 'gen',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'e.g', 'i.e', 'approx', 'pt', 'dob', 'mrn', 'tel', 'ph', 'ext',
];

export const DEFAULT_REDACT_STREAM_OPTIONS = { minSegment: 160, maxSegment: 1024, context: 128 } as const;

/** What the stream needs from a redactor: detection only (replacement is done here). */
export interface EntitySource {
  detect(text: string): Promise<Entity[]>;
}

function checkInt(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) throw new ConfigError(name, `an integer between ${min} and ${max}`);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

export function createRedactStream(
  source: EntitySource,
  map: PlaceholderMap,
  options: RedactStreamOptions = {},
): TextTransform {
  if (!source || typeof source.detect !== 'function') throw new ConfigError('redactor', 'a Redactor');
  if (!isPlaceholderMap(map)) throw new ConfigError('map', 'a PlaceholderMap from createPlaceholderMap()');
  const minSeg = options.minSegment ?? DEFAULT_REDACT_STREAM_OPTIONS.minSegment;
  const maxSeg = options.maxSegment ?? DEFAULT_REDACT_STREAM_OPTIONS.maxSegment;
  const ctxLen = options.context ?? DEFAULT_REDACT_STREAM_OPTIONS.context;
  checkInt('minSegment', minSeg, 0, 1_000_000);
  checkInt('maxSegment', maxSeg, 16, 1_000_000);
  checkInt('context', ctxLen, 0, 100_000);
  if (minSeg > maxSeg) throw new ConfigError('minSegment', 'at most maxSegment');
  const abbreviations = new Set((options.abbreviations ?? DEFAULT_ABBREVIATIONS).map((a) => a.toLowerCase()));

  // `buf` holds the text from absolute offset `base`; `s` is the next unreleased offset.
  let buf = '';
  let base = 0;
  let s = 0;
  let scanFrom = 0; // absolute offset from which natural boundaries are still unscanned
  let ended = false;
  let busy = false;
  const total = (): number => base + buf.length;
  const at = (i: number): number => buf.charCodeAt(i - base);

  // True when '.', '!' or '?' at absolute i ends a sentence (known: followed by whitespace).
  function endsSentence(i: number): boolean {
    const c = at(i);
    if (c === 33 || c === 63) return true;
    if (c !== 46) return false;
    let j = i;
    while (j > base && j > i - 12) {
      const p = at(j - 1);
      if (isSpace(p) || p === 40 || p === 34) break;
      j -= 1;
    }
    const word = buf.slice(j - base, i - base).toLowerCase();
    if (word.length <= 1) return false; // initials ("J. Smith"), "1. item"
    return !abbreviations.has(word);
  }

  // The segment end for the segment starting at s, or -1 when more text is needed.
  function findCut(): number {
    const n = total();
    const lo = s + minSeg;
    const hi = s + maxSeg;
    // A natural boundary p needs text[p - 1] (and text[p - 2] for sentences) only.
    for (let p = Math.max(lo, scanFrom, s + 1); p <= Math.min(hi, n); p++) {
      const c = at(p - 1);
      if (c === 10 || (p - 2 >= s && isSpace(c) && c !== 10 && endsSentence(p - 2))) return p;
      scanFrom = p + 1;
    }
    if (n > hi) {
      for (let p = hi; p > lo; p--) if (isSpace(at(p - 1))) return p;
      return Math.max(s + 1, floorBoundary(buf, hi - base) + base);
    }
    return ended ? n : -1;
  }

  async function releaseOne(): Promise<string | undefined> {
    if (s >= total()) return undefined;
    const b = findCut();
    if (b < 0) return undefined;
    const n = total();
    // One char of lookahead so a window edge never splits a surrogate pair unseen.
    if (!ended && n < b + ctxLen + 1) return undefined;
    const left = Math.max(base, s - ctxLen);
    const right = ceilBoundary(buf, Math.min(n, b + ctxLen) - base) + base;
    const windowText = buf.slice(left - base, right - base);
    const found = await source.detect(windowText);
    let end = b;
    const picked: { start: number; end: number; type: Entity['type'] }[] = [];
    for (const e of found) {
      const es = e.start + left;
      const ee = e.end + left;
      if (ee <= s || es >= b) continue;
      picked.push({ start: Math.max(es, s), end: ee, type: e.type });
      if (ee > end) end = ee;
    }
    picked.sort((x, y) => x.start - y.start);
    let out = '';
    let pos = s;
    for (const e of picked) {
      if (e.start < pos) continue; // resolved entities do not overlap; stay safe if they do
      out += buf.slice(pos - base, e.start - base);
      out += map.tokenFor(e.type, buf.slice(e.start - base, e.end - base), windowText);
      pos = e.end;
    }
    out += buf.slice(pos - base, end - base);
    s = end;
    scanFrom = s;
    // Keep `context` units of released text as left context for the next window.
    const keep = Math.max(base, s - ctxLen);
    if (keep - base > 4096) {
      buf = buf.slice(keep - base);
      base = keep;
    }
    return out;
  }

  async function drain(): Promise<string> {
    if (busy) throw new ConfigError('push', 'calls awaited one at a time');
    busy = true;
    try {
      let out = '';
      for (;;) {
        const piece = await releaseOne();
        if (piece === undefined) return out;
        out += piece;
      }
    } finally {
      busy = false;
    }
  }

  return {
    push: function pushRedact(chunk: string): Promise<string> {
      if (ended) return Promise.reject(new ConfigError('push', 'no calls after end()'));
      buf += chunk;
      return drain();
    },
    end: function endRedact(): Promise<string> {
      ended = true;
      return drain();
    },
    get held() {
      return total() - s;
    },
  };
}

/** One-shot form of the same segmentation: equals any chunked run of createRedactStream. */
export async function redactText(
  source: EntitySource,
  map: PlaceholderMap,
  text: string,
  options?: RedactStreamOptions,
): Promise<string> {
  const stream = createRedactStream(source, map, options);
  return (await stream.push(text)) + (await stream.end());
}
