/** Small text helpers shared by detectors and the pipeline. Pure, allocation-light. */

/** True when the UTF-16 unit at `i` is the second half of a surrogate pair (not a boundary). */
export function isInsidePair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const lo = text.charCodeAt(i);
  const hi = text.charCodeAt(i - 1);
  return lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff;
}

/** Move `i` left to the nearest code-point boundary. */
export function floorBoundary(text: string, i: number): number {
  return isInsidePair(text, i) ? i - 1 : i;
}

/** Move `i` right to the nearest code-point boundary. */
export function ceilBoundary(text: string, i: number): number {
  return isInsidePair(text, i) ? i + 1 : i;
}

const WORD_RE = /[\p{L}\p{N}]/u;

/**
 * True when the character at UTF-16 index `i` is a letter or digit (ASCII fast path, Unicode
 * otherwise). Either half of a surrogate pair stands for the whole code point, so astral letters
 * (`𝒜`, CJK extension B) count as word characters on both sides of a match.
 */
export function isWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) {
    const start = isInsidePair(text, i) ? i - 1 : i;
    const cp = text.codePointAt(start) as number;
    return cp > 0xffff && WORD_RE.test(String.fromCodePoint(cp));
  }
  return WORD_RE.test(text[i] ?? '');
}

/**
 * Escape a literal for use outside a character class, valid with or without the `u` flag: `-`
 * is left alone because `\-` is a SyntaxError outside a class under `u` ("X-Ray" would throw).
 */
export function escapeLiteral(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
