/**
 * A small, allocation-light word tokenizer shared by the `nlp` and `dictionary` detectors.
 * Tokens are maximal runs of letters and digits (the unit the accuracy scoring counts), with
 * UTF-16 offsets into the input; they always start and end on code-point boundaries because
 * surrogate pairs are either both inside a token (astral letters) or both outside it.
 */

export enum Shape {
  /** All letters upper case, at least two letters ("MARY", "GH"). */
  Upper = 1,
  /** All letters lower case ("mary"). */
  Lower = 2,
  /** First letter upper, the rest lower ("Mary"). */
  Title = 3,
  /** Anything else with letters ("McDonald", "iPhone"). */
  Mixed = 4,
  /** No letters (digits only). */
  Digits = 5,
  /** One upper-case letter ("J"). */
  Initial = 6,
}

export interface Token {
  start: number;
  end: number;
  /** Lower-cased text (ASCII fast path; other letters via toLowerCase of the token). */
  lower: string;
  shape: Shape;
  /** Index of the line (0-based); tokens on different lines never join into one entity. */
  line: number;
}

function isLetterOrDigit(c: number, text: string, i: number): number {
  // Returns the width (1 or 2 code units) of a letter/digit at i, or 0.
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
    return 0; // lone high surrogate
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0; // lone low surrogate
  return LETTER.test(text[i] as string) ? 1 : 0;
}

const LETTER = /^[\p{L}\p{N}\p{M}]+$/u;

function shapeOf(s: string): Shape {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  let restLower = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let isUp: boolean;
    if (c < 128) {
      if (c >= 65 && c <= 90) isUp = true;
      else if (c >= 97 && c <= 122) isUp = false;
      else continue; // digit
    } else {
      const ch = s[i] as string;
      const lo = ch.toLowerCase();
      const up = ch.toUpperCase();
      if (lo === up) continue; // caseless letter or a surrogate half
      isUp = ch === up;
    }
    if (isUp) {
      upper++;
      if (upper + lower === 1) firstUpper = true;
      else restLower = false;
    } else lower++;
  }
  if (upper + lower === 0) return Shape.Digits;
  if (lower === 0) return upper === 1 ? Shape.Initial : Shape.Upper;
  if (upper === 0) return Shape.Lower;
  if (firstUpper && restLower) return Shape.Title;
  return Shape.Mixed;
}

/** Tokenize `text` (any string, including lone surrogates). Linear time. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    let w = isLetterOrDigit(c, text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && w > 0) {
      i += w;
      if (i < n) w = isLetterOrDigit(text.charCodeAt(i), text, i);
    }
    const raw = text.slice(start, i);
    out.push({ start, end: i, lower: raw.toLowerCase(), shape: shapeOf(raw), line });
  }
  return out;
}

/** Key of the tokens in a call's shared scratch space (DetectContext.shared). */
const SHARED_KEY = 'clinical/tokens';

/**
 * `tokenize(text)`, computed once per call: the `nlp` and `dictionary` detectors both need the
 * tokens, and the pipeline gives the detectors of one call a shared scratch map (gone with the
 * call). Without one (a detector called directly) this is plain `tokenize`. Callers must not
 * modify the tokens.
 */
export function tokensFor(text: string, ctx: { readonly shared?: Map<string, unknown> | undefined }): readonly Token[] {
  const shared = ctx.shared;
  if (shared === undefined) return tokenize(text);
  const hit = shared.get(SHARED_KEY) as { text: string; tokens: Token[] } | undefined;
  if (hit !== undefined && hit.text === text) return hit.tokens;
  const tokens = tokenize(text);
  shared.set(SHARED_KEY, { text, tokens });
  return tokens;
}

/** How a whole text is cased: notes are often ALL CAPS or all lower case. */
export type TextCase = 'upper' | 'lower' | 'mixed';

export function textCase(tokens: readonly Token[]): TextCase {
  let up = 0;
  let low = 0;
  let other = 0;
  for (const t of tokens) {
    if (t.shape === Shape.Upper || t.shape === Shape.Initial) up++;
    else if (t.shape === Shape.Lower) low++;
    else if (t.shape !== Shape.Digits) other++;
  }
  const total = up + low + other;
  if (total === 0) return 'mixed';
  if (up / total > 0.8) return 'upper';
  if (low / total > 0.85) return 'lower';
  return 'mixed';
}

/** The characters between two tokens (`a` before `b`). */
export function gap(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}
