/**
 * A safe wrapper around re2-wasm for user-supplied patterns.
 *
 * re2-wasm's sharp edges, and what this file does about each:
 *
 * - Every `match` call copies and UTF-8 encodes the *whole* input into the WASM heap, so the
 *   usual global `exec` loop is quadratic. Here each call only gets a bounded window of the
 *   input (see `findAll`), and the window adapts so the total work is linear.
 * - Its indices count code points, not UTF-16 units. They are mapped back exactly, walking only
 *   the window that was searched.
 * - Its UTF-8 encoder swallows the unit after a lone surrogate (it assumes a pair). Inputs are
 *   made well-formed first (`toWellFormed`: each lone surrogate becomes U+FFFD, one unit for
 *   one unit), so UTF-16 offsets are unchanged; a pattern can match U+FFFD there.
 * - Its heap is fixed at 16 MiB and aborts when exhausted (a few MB of input does it). Windows
 *   are capped (`MAX_WINDOW`), so no input is ever too large: a 10M-character text is searched
 *   window by window.
 * - A pattern that can match the empty string makes its `match`/`replace` loops spin forever.
 *   Such patterns are rejected at compile time (by probing and by analysis); `findAll` also
 *   steps over any empty match defensively.
 * - Each compiled pattern holds WASM memory until `.delete()`. `compileRe2` compiles once;
 *   `close()` frees; a FinalizationRegistry frees what callers forget.
 *
 * Nothing here puts input text or RE2's messages (which quote the pattern) into errors: errors
 * name the pattern by the caller's label.
 */
import { createRequire } from 'node:module';
import { ConfigError, DetectorError, scrubCause } from '../../errors.js';

/** The embind object re2-wasm exposes (its `build/wasm/re2.d.ts`, plus embind's `delete`). */
interface WrappedRE2 {
  ok(): boolean;
  error(): string;
  match(input: string, start: number, getCapturingGroups: boolean): { match: string; index: number; groups: unknown[] };
  delete(): void;
}
type WrappedRE2Ctor = new (pattern: string, ignoreCase: boolean, multiline: boolean, dotAll: boolean) => WrappedRE2;

let ctor: WrappedRE2Ctor | undefined;

/**
 * re2-wasm is loaded on first use, not at import: instantiating its WASM module costs tens of
 * milliseconds that redactors without custom patterns should not pay.
 */
function loadRe2(): WrappedRE2Ctor {
  if (ctor) return ctor;
  try {
    const require = createRequire(import.meta.url);
    const mod = require('re2-wasm/build/wasm/re2.js') as { WrappedRE2?: WrappedRE2Ctor };
    if (typeof mod.WrappedRE2 !== 'function') throw new TypeError('WrappedRE2 missing');
    ctor = mod.WrappedRE2;
    return ctor;
  } catch (err) {
    throw new DetectorError('custom', 're2-wasm could not be loaded', { cause: scrubCause(err), code: 'E_DETECTOR_UNAVAILABLE' });
  }
}

/** Pattern flags accepted: any combination of i (ignore case), m (multiline), s (dot matches newline). */
export type Re2Flags = string;

export interface Re2Options {
  /**
   * Longest match (in UTF-16 code units) guaranteed to be found exactly as a whole-input search
   * would find it. Windows overlap by this much. Longer matches may be reported shorter or
   * missed. @default 256
   */
  maxMatchLength?: number;
}

export const DEFAULT_MAX_MATCH_LENGTH = 256;
/** Largest `maxMatchLength` accepted. */
export const MAX_MAX_MATCH_LENGTH = 16_384;
/**
 * Largest window handed to re2-wasm in one call (UTF-16 units; raised to 8 x maxMatchLength when
 * that is larger). Small on purpose: besides the copy, a *successful* re2-wasm call costs several
 * times more per character before the match than a failing one (measured), so a match found
 * late in a huge window is expensive. 8K units keep the per-call overhead (~10-15 us) small
 * against the copy and use a few dozen KB of the 16 MiB heap.
 */
export const MAX_WINDOW = 1 << 13;
/** Longest pattern source accepted (config sanity; RE2 programs grow with it). */
export const MAX_PATTERN_LENGTH = 4096;

/** A compiled pattern. Call `close()` when done; using it afterwards throws. */
export interface SafeRe2 {
  /** The caller's label for this pattern, used in errors. Never the source. */
  readonly label: string;
  readonly closed: boolean;
  /**
   * Every leftmost-first, non-overlapping match in `text`, as UTF-16 `[start, end)` pairs, in
   * order. Linear in `text.length` (plus a constant per match). Never throws on any string;
   * throws DetectorError only if the pattern was closed or re2-wasm itself fails.
   */
  findAll(text: string, onMatch: (start: number, end: number) => void): void;
  /** Free the WASM memory. Idempotent. */
  close(): void;
}

/** What must be freed; shared by a handle and the finalization registry, never pointing at the handle. */
interface Re2State {
  wrapped: WrappedRE2 | undefined;
}

/** Count of live (compiled, not yet freed) WASM regex objects: for leak tests and metrics. */
let live = 0;
export function liveRe2Count(): number {
  return live;
}

function freeState(state: Re2State): void {
  const w = state.wrapped;
  if (w === undefined) return;
  state.wrapped = undefined;
  live--;
  try {
    w.delete();
  } catch {
    // Already deleted: nothing to free.
  }
}

// Backstop for patterns nobody closed: free the WASM object when the handle is collected.
const registry = new FinalizationRegistry<Re2State>(freeState);

/**
 * Zero-width assertions, removed by `stripAssertions` to see whether the rest can match empty:
 * `^`, `$`, `\b`, `\B`, `\A`, `\z`. A pattern that only asserts (`\b`, `^`, `(?m)$`) matches the
 * empty string *somewhere* even when it does not match `''` itself.
 */
export function stripAssertions(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'Q') {
        // \Q...\E quotes literally: keep as is.
        const end = source.indexOf('\\E', i + 2);
        const stop = end < 0 ? source.length : end + 2;
        out += source.slice(i, stop);
        i = stop - 1;
        continue;
      }
      if (!inClass && (next === 'b' || next === 'B' || next === 'A' || next === 'z')) {
        i++;
        continue;
      }
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal.
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (source[i + 1] === ']') {
        out += ']';
        i++;
      }
      continue;
    }
    if (c === '^' || c === '$') continue;
    out += c;
  }
  return out;
}

// Probes for empty matches at every position: letters, digits, spaces, newlines, punctuation.
const EMPTY_PROBES = ['', 'a', ' ', 'aA0_ \n.é\u{1F600}b'];

function matchesEmpty(w: WrappedRE2): boolean {
  for (const probe of EMPTY_PROBES) {
    const cps = [...probe].length;
    for (let cp = 0; cp <= cps; cp++) {
      const r = w.match(probe, cp, false);
      if (r.index >= 0 && r.match.length === 0) return true;
    }
  }
  return false;
}

function validateFlags(label: string, flags: unknown): { i: boolean; m: boolean; s: boolean } {
  if (flags === undefined) return { i: false, m: false, s: false };
  if (typeof flags !== 'string' || !/^[ims]{0,3}$/.test(flags) || new Set(flags).size !== flags.length) {
    throw new ConfigError(`${label}.flags`, 'a combination of "i", "m" and "s" (each at most once)');
  }
  return { i: flags.includes('i'), m: flags.includes('m'), s: flags.includes('s') };
}

/**
 * Compile `source` (RE2 syntax: https://github.com/google/re2/wiki/Syntax) once. `label` names
 * the pattern in errors (e.g. `customPatterns[2] "employee-id"`); the source is never echoed.
 * Throws ConfigError for invalid syntax, unsupported features (lookaround, backreferences) and
 * patterns that can match the empty string.
 */
export function compileRe2(label: string, source: unknown, flags?: unknown, options: Re2Options = {}): SafeRe2 {
  if (typeof source !== 'string' || source.length === 0) throw new ConfigError(`${label}.pattern`, 'a non-empty RE2 pattern string');
  if (source.length > MAX_PATTERN_LENGTH) throw new ConfigError(`${label}.pattern`, `at most ${MAX_PATTERN_LENGTH} characters`);
  if (source !== toWellFormed(source)) throw new ConfigError(`${label}.pattern`, 'well-formed Unicode (no lone surrogates)');
  const f = validateFlags(label, flags);
  const maxMatch = options.maxMatchLength ?? DEFAULT_MAX_MATCH_LENGTH;
  if (!Number.isInteger(maxMatch) || maxMatch < 1 || maxMatch > MAX_MAX_MATCH_LENGTH) {
    throw new ConfigError('maxMatchLength', `an integer from 1 to ${MAX_MAX_MATCH_LENGTH}`);
  }
  const Re2 = loadRe2();
  // re2-wasm's `multiline` argument only sets RE2's one_line option, which RE2 ignores outside
  // POSIX mode: multi-line ^/$ need the inline flag. All three go inline for one rule.
  const prefix = f.i || f.m || f.s ? `(?${f.i ? 'i' : ''}${f.m ? 'm' : ''}${f.s ? 's' : ''})` : '';
  const state: Re2State = { wrapped: new Re2(prefix + source, false, false, false) };
  live++;
  const wrapped = state.wrapped as WrappedRE2;
  try {
    if (!wrapped.ok()) {
      // RE2's message quotes the offending fragment; keep only its category ("missing ]",
      // "invalid perl operator", "invalid escape sequence").
      const kind = wrapped.error().split(':')[0]?.slice(0, 60) ?? 'invalid pattern';
      throw new ConfigError(`${label}.pattern`, `valid RE2 syntax, no lookaround or backreferences (${kind})`);
    }
    if (matchesEmpty(wrapped)) throw new ConfigError(`${label}.pattern`, 'a pattern that cannot match the empty string');
    const stripped = stripAssertions(source);
    if (stripped !== source) {
      const probe = new Re2(prefix + stripped, false, false, false);
      try {
        if (probe.ok() && probe.match('', 0, false).index === 0) {
          throw new ConfigError(`${label}.pattern`, 'a pattern that cannot match the empty string (only assertions would match)');
        }
      } finally {
        probe.delete();
      }
    }
  } catch (err) {
    freeState(state);
    throw err;
  }
  const handle = new Re2Handle(label, state, maxMatch);
  // The registry frees the WASM object if `handle` is collected unclosed; `state` doesn't reference `handle`.
  registry.register(handle, state, handle);
  return handle;
}

class Re2Handle implements SafeRe2 {
  readonly label: string;
  readonly #state: Re2State;
  readonly #maxMatch: number;
  readonly #window0: number;
  readonly #maxWindow: number;

  constructor(label: string, state: Re2State, maxMatch: number) {
    this.label = label;
    this.#state = state;
    this.#maxMatch = maxMatch;
    this.#window0 = Math.max(4 * maxMatch, 64);
    this.#maxWindow = Math.max(MAX_WINDOW, 8 * maxMatch);
  }

  get closed(): boolean {
    return this.#state.wrapped === undefined;
  }

  findAll(text: string, onMatch: (start: number, end: number) => void): void {
    const w = this.#state.wrapped;
    if (w === undefined) throw new DetectorError('custom', `Pattern ${this.label} was closed`);
    findAllIn(w, this.label, toWellFormed(text), onMatch, this.#maxMatch, this.#window0, this.#maxWindow);
  }

  close(): void {
    registry.unregister(this);
    freeState(this.#state);
  }

  /** Never show the pattern source (config) or anything else in logs. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SafeRe2 { label: ${this.label}, closed: ${this.closed} }`;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const nativeWellFormed = (String.prototype as { toWellFormed?: (this: string) => string }).toWellFormed;

/** Lone surrogates -> U+FFFD, one unit for one unit (String.prototype.toWellFormed, ES2024). */
export function toWellFormed(s: string): string {
  return nativeWellFormed ? nativeWellFormed.call(s) : s.replace(LONE_SURROGATE, '\uFFFD');
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * The linear search loop. Invariant: everything before `pos` has been searched.
 *
 * Each call hands re2-wasm the slice [pos - 1 code point, pos + w): the one code point of left
 * context makes `^`, `\b` and `(?m)^` see what precedes `pos` (RE2 treats text before the start
 * index as context). A match is trusted when it ends before the slice end and starts at least
 * `maxMatch` units before it (or the slice reaches the end of the text): then every match of
 * length <= maxMatch is exactly the one a whole-text search finds. Otherwise:
 *   - no match: advance to sliceEnd - maxMatch and double w (progress >= 3/4 of the cost);
 *   - match starting late: re-search from the match start (progress >= 3/4 of the cost);
 *   - match at the slice start that runs into the slice end: double w, or at the cap accept
 *     it truncated (a match longer than the cap; rare, documented).
 * After a trusted match w resets to its minimum, so each match costs O(window0) at most.
 * Every call costs O(w) and the work is charged to progress, so the total is linear.
 */
function findAllIn(
  w: WrappedRE2,
  label: string,
  text: string,
  onMatch: (start: number, end: number) => void,
  maxMatch: number,
  window0: number,
  maxWindow: number,
): void {
  const n = text.length;
  let pos = 0;
  let win = window0;
  while (pos < n) {
    const ctxStart = pos > 0 ? (pos >= 2 && isHigh(text.charCodeAt(pos - 2)) ? pos - 2 : pos - 1) : 0;
    let sliceEnd = Math.min(n, pos + win);
    // Never split a surrogate pair at the slice end.
    if (sliceEnd < n && isHigh(text.charCodeAt(sliceEnd - 1))) sliceEnd++;
    const slice = text.slice(ctxStart, sliceEnd);
    let r;
    try {
      r = w.match(slice, pos > ctxStart ? 1 : 0, false);
    } catch (err) {
      throw new DetectorError('custom', `Pattern ${label} failed in re2-wasm`, { cause: scrubCause(err) });
    }
    const atEnd = sliceEnd === n;
    if (r.index < 0) {
      if (atEnd) return;
      pos = Math.max(pos + 1, sliceEnd - maxMatch);
      if (pos < n && isInsidePairAt(text, pos)) pos++;
      win = Math.min(maxWindow, win * 2);
      continue;
    }
    const start = ctxStart + cpToUnits(slice, r.index);
    const end = start + r.match.length;
    if (r.match.length === 0) {
      // Cannot happen for compiled patterns (rejected), but never loop on an empty match.
      pos = start + (isHigh(text.charCodeAt(start)) ? 2 : 1);
      continue;
    }
    const trusted = atEnd || (end < sliceEnd && start < sliceEnd - maxMatch);
    if (trusted) {
      onMatch(start, end);
      pos = end;
      win = window0;
      continue;
    }
    if (start > pos) {
      pos = start;
      continue;
    }
    if (win < maxWindow) {
      win = Math.min(maxWindow, win * 2);
      continue;
    }
    // Longer than the largest window: report what fits and go on.
    onMatch(start, end);
    pos = end;
    win = window0;
  }
}

function isInsidePairAt(text: string, i: number): boolean {
  const lo = text.charCodeAt(i);
  return lo >= 0xdc00 && lo <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1));
}

/** UTF-16 length of the first `cps` code points of `s` (s is well-formed). */
function cpToUnits(s: string, cps: number): number {
  let units = 0;
  for (let k = 0; k < cps && units < s.length; k++) units += isHigh(s.charCodeAt(units)) ? 2 : 1;
  return units;
}
