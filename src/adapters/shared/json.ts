import { GuardHttpError } from './errors.js';

/**
 * A strict RFC 8259 JSON parser that also records where each string value sits in the source,
 * so redacted strings can be spliced back into the original bytes and everything else (number
 * spelling, big integers, key order, whitespace) passes byte for byte. Limits are enforced while
 * parsing (depth before recursing, string count as strings appear), so hostile bodies cost at
 * most one linear pass. Errors are GuardHttpErrors naming the offset only.
 */
export type JsonPath = readonly (string | number)[];

export interface StringLeaf {
  path: JsonPath;
  /** Offsets of the literal in the source, quotes included. */
  start: number;
  end: number;
  value: string;
}

export interface ParsedJson {
  value: unknown;
  /** Every string value (not keys), in document order. */
  strings: StringLeaf[];
}

export interface JsonLimits {
  maxDepth: number;
  maxStrings: number;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** String.prototype.isWellFormed where present (Node 20, workerd), a regex elsewhere. */
export function isWellFormed(s: string): boolean {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  if (typeof native === 'function') return native.call(s);
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

export function parseJson(src: string, limits: JsonLimits): ParsedJson {
  let i = 0;
  let count = 0;
  const strings: StringLeaf[] = [];
  const path: (string | number)[] = [];
  const bad = (what: string): never => {
    throw new GuardHttpError('E_BODY_JSON', `${what} at offset ${Math.min(i, src.length)}`);
  };

  function ws(): void {
    while (i < src.length && WS.has(src.charCodeAt(i))) i++;
  }

  function str(): string {
    // src[i] is the opening quote.
    const begin = ++i;
    let out = '';
    let from = begin;
    for (;;) {
      if (i >= src.length) bad('Unterminated string');
      const c = src.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) bad('Control character in string');
      if (c === 0x5c) {
        out += src.slice(from, i);
        const e = src.charCodeAt(i + 1);
        i += 2;
        switch (e) {
          case 0x22: out += '"'; break;
          case 0x5c: out += '\\'; break;
          case 0x2f: out += '/'; break;
          case 0x62: out += '\b'; break;
          case 0x66: out += '\f'; break;
          case 0x6e: out += '\n'; break;
          case 0x72: out += '\r'; break;
          case 0x74: out += '\t'; break;
          case 0x75: {
            const hex = src.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) bad('Bad \\u escape');
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            i -= 1;
            bad('Bad escape');
        }
        from = i;
        continue;
      }
      i++;
    }
    out += src.slice(from, i);
    i++; // closing quote
    if (++count > limits.maxStrings) throw new GuardHttpError('E_BODY_TOO_MANY_STRINGS', `more than ${limits.maxStrings}`);
    if (!isWellFormed(out)) throw new GuardHttpError('E_BODY_SURROGATE', `in the string ending at offset ${i}`);
    return out;
  }

  function num(): number {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const r = m.exec(src);
    if (!r || r[0] === '-' || r[0].length === 0) bad('Bad number');
    i += (r as RegExpExecArray)[0].length;
    return Number((r as RegExpExecArray)[0]);
  }

  function lit(word: string, v: unknown): unknown {
    if (src.startsWith(word, i)) {
      i += word.length;
      return v;
    }
    return bad('Unexpected token');
  }

  function value(depth: number): unknown {
    ws();
    const c = src.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      const v = str();
      strings.push({ path: path.slice(), start, end: i, value: v });
      return v;
    }
    if (c === 0x7b || c === 0x5b) {
      if (depth >= limits.maxDepth) throw new GuardHttpError('E_BODY_TOO_DEEP', `more than ${limits.maxDepth} levels`);
      i++;
      ws();
      if (c === 0x5b) {
        const arr: unknown[] = [];
        if (src.charCodeAt(i) === 0x5d) {
          i++;
          return arr;
        }
        for (;;) {
          path.push(arr.length);
          arr.push(value(depth + 1));
          path.pop();
          ws();
          const d = src.charCodeAt(i++);
          if (d === 0x5d) return arr;
          if (d !== 0x2c) bad('Expected , or ]');
        }
      }
      const obj: Record<string, unknown> = {};
      if (src.charCodeAt(i) === 0x7d) {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (src.charCodeAt(i) !== 0x22) bad('Expected a key');
        const key = str();
        ws();
        if (src.charCodeAt(i++) !== 0x3a) bad('Expected :');
        path.push(key);
        const v = value(depth + 1);
        path.pop();
        // defineProperty: a "__proto__" key is data, not a prototype change.
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        const d = src.charCodeAt(i++);
        if (d === 0x7d) return obj;
        if (d !== 0x2c) bad('Expected , or }');
      }
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return num();
    if (c === 0x74) return lit('true', true);
    if (c === 0x66) return lit('false', false);
    if (c === 0x6e) return lit('null', null);
    return bad(i >= src.length ? 'Unexpected end' : 'Unexpected token');
  }

  const v = value(0);
  ws();
  if (i !== src.length) bad('Trailing data');
  return { value: v, strings };
}

/**
 * Walk an already-parsed value (e.g. Express's req.body) the same way: string leaves with paths
 * (no offsets), the same depth / count / surrogate limits.
 */
export function collectStrings(root: unknown, limits: JsonLimits): StringLeaf[] {
  const out: StringLeaf[] = [];
  const path: (string | number)[] = [];
  let count = 0;
  function walk(v: unknown, depth: number): void {
    if (typeof v === 'string') {
      if (++count > limits.maxStrings) throw new GuardHttpError('E_BODY_TOO_MANY_STRINGS', `more than ${limits.maxStrings}`);
      if (!isWellFormed(v)) throw new GuardHttpError('E_BODY_SURROGATE');
      out.push({ path: path.slice(), start: -1, end: -1, value: v });
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    if (depth >= limits.maxDepth) throw new GuardHttpError('E_BODY_TOO_DEEP', `more than ${limits.maxDepth} levels`);
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length; k++) {
        path.push(k);
        walk(v[k], depth + 1);
        path.pop();
      }
      return;
    }
    for (const k of Object.keys(v)) {
      if (++count > limits.maxStrings) throw new GuardHttpError('E_BODY_TOO_MANY_STRINGS', `more than ${limits.maxStrings}`);
      path.push(k);
      walk((v as Record<string, unknown>)[k], depth + 1);
      path.pop();
    }
  }
  walk(root, 0);
  return out;
}

/** Set the value at `path` inside `root` (which must contain it). */
export function setAt(root: unknown, path: JsonPath, value: string): unknown {
  if (path.length === 0) return value;
  let cur = root as Record<string | number, unknown>;
  for (let k = 0; k < path.length - 1; k++) cur = cur[path[k] as string] as Record<string | number, unknown>;
  Object.defineProperty(cur, path[path.length - 1] as string, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

/** Replace string literals in `src` (spans from parseJson, in document order) with new values. */
export function spliceStrings(src: string, edits: readonly { start: number; end: number; value: string }[]): string {
  if (edits.length === 0) return src;
  const parts: string[] = [];
  let pos = 0;
  for (const e of edits) {
    parts.push(src.slice(pos, e.start), JSON.stringify(e.value));
    pos = e.end;
  }
  parts.push(src.slice(pos));
  return parts.join('');
}
