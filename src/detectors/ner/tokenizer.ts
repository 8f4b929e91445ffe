/**
 * The NER tokenizer: maximal runs of letters, combining marks and digits are word tokens; every
 * other non-space code point is a token of its own (so "7/22/04" is 7 / 22 / 04 and "Dr." is
 * Dr .). Offsets are UTF-16 into the input and always on code-point boundaries: a surrogate pair
 * is never split, a lone surrogate is a one-unit token. Shared by training-data generation and
 * the runtime detector (models/training imports this file), so the two cannot drift.
 *
 * Tokens are returned as two parallel Int32Arrays rather than objects: a 1 MB note has ~250k
 * tokens and this is on the hot path.
 */

export interface Tokens {
  /** Number of tokens. */
  readonly length: number;
  /** UTF-16 start offset of each token. */
  readonly starts: Int32Array;
  /** UTF-16 end offset (exclusive) of each token. */
  readonly ends: Int32Array;
  /** 1 when the token is a word (letters/digits), 0 for a punctuation/symbol token. */
  readonly word: Uint8Array;
  /** 1 when a line break occurs between the previous token and this one (or it is the first). */
  readonly lineStart: Uint8Array;
}

const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
const SPACE_RE = /\s/u;

/** Character class of the code point at `i`: 0 space, 1 word, 2 other. `cp` is its code point. */
function classify(cp: number): 0 | 1 | 2 {
  if (cp < 128) {
    if ((cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return 1;
    if (cp === 32 || (cp >= 9 && cp <= 13)) return 0;
    return 2;
  }
  // Lone surrogates are neither letters nor space: a token of their own.
  if (cp >= 0xd800 && cp <= 0xdfff) return 2;
  const ch = String.fromCodePoint(cp);
  if (WORD_RE.test(ch)) return 1;
  if (SPACE_RE.test(ch)) return 0;
  return 2;
}

function isLineBreak(cp: number): boolean {
  return cp === 10 || cp === 13 || cp === 0x2028 || cp === 0x2029 || cp === 0x85;
}

/** Split `text` into NER tokens. Never throws; O(n). */
export function tokenize(text: string): Tokens {
  const n = text.length;
  // Upper bound on the token count is n; shrink at the end.
  let starts = new Int32Array(Math.min(n, 1024));
  let ends = new Int32Array(starts.length);
  let word = new Uint8Array(starts.length);
  let lineStart = new Uint8Array(starts.length);
  let count = 0;
  let sawBreak = true;
  let i = 0;
  const push = (s: number, e: number, w: number): void => {
    if (count === starts.length) {
      const cap = Math.min(n, starts.length * 2);
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (k: number) => T): T => {
        const b = make(cap);
        b.set(a);
        return b;
      };
      starts = grow(starts, (k) => new Int32Array(k));
      ends = grow(ends, (k) => new Int32Array(k));
      word = grow(word, (k) => new Uint8Array(k));
      lineStart = grow(lineStart, (k) => new Uint8Array(k));
    }
    starts[count] = s;
    ends[count] = e;
    word[count] = w;
    lineStart[count] = sawBreak ? 1 : 0;
    sawBreak = false;
    count++;
  };
  while (i < n) {
    const cp = text.codePointAt(i) as number;
    const w = cp > 0xffff ? 2 : 1;
    const cls = classify(cp);
    if (cls === 0) {
      if (isLineBreak(cp)) sawBreak = true;
      i += w;
      continue;
    }
    if (cls === 2) {
      push(i, i + w, 0);
      i += w;
      continue;
    }
    const s = i;
    i += w;
    while (i < n) {
      const c2 = text.codePointAt(i) as number;
      if (classify(c2) !== 1) break;
      i += c2 > 0xffff ? 2 : 1;
    }
    push(s, i, 1);
  }
  return {
    length: count,
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
    word: word.subarray(0, count),
    lineStart: lineStart.subarray(0, count),
  };
}
