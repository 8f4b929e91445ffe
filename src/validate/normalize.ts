/**
 * Views of a prompt that the content rules match against, each mapped back to input offsets.
 *
 * Rules never match the raw input: attackers hide keywords behind compatibility characters
 * (fullwidth "ｉｇｎｏｒｅ"), invisible format characters ("ig\u200Bnore"), look-alike letters from
 * other scripts (Cyrillic "о" in "ignоre"), accents and l33t digits. We build, in one pass:
 *
 *   norm   NFKC per grapheme-ish segment (a code point plus its combining marks), lowercased,
 *          format characters (Cf: zero-width, bidi controls, tag characters, soft hyphen) removed.
 *          Used by the harmful-content rules (SQL, shell, template), where digits matter.
 *   fold   `norm` with confusable letters mapped to Latin, accents stripped, and digits or symbols
 *          standing between letters read as l33t ("1gn0re" -> "ignore"). Same length as `norm`,
 *          so `map` serves both. Used by the injection heuristics and the learned scorer.
 *   squash letters of `fold` only, everything else dropped ("i g n o r e" -> "ignore"), for a few
 *          strong phrases written with spacing or punctuation between letters. No offsets.
 *
 * `toInput(i)` is the input offset (UTF-16, a code-point boundary) where the segment that produced
 * `norm[i]` starts, so a match [s, e) in `norm` maps to [toInput(s), toInputEnd(e)) in the input.
 * Pure-ASCII input (most prompts) takes a fast path: native lowercase and identity offsets. Normalising per segment rather than the whole string keeps the
 * mapping exact; it misses compositions across segments, which NFKC on words rarely needs.
 */

/** Confusable letters (Cyrillic, Greek, a few others) that look like a Latin letter. Lowercase. */
export const CONFUSABLE_TO_LATIN: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y',
  х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ӏ: 'l',
  // Greek (the ones that pass for Latin in running text)
  ο: 'o', α: 'a', ι: 'i', κ: 'k', ν: 'v', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ε: 'e', η: 'n',
  // Latin look-alikes outside ASCII that NFKC keeps
  ı: 'i', ȷ: 'j', ɑ: 'a', ɩ: 'i', ɪ: 'i', ʏ: 'y', ᴀ: 'a', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ᴋ: 'k', ᴍ: 'm',
  ᴏ: 'o', ᴘ: 'p', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ʀ: 'r', ꜱ: 's', ɢ: 'g', ʜ: 'h', ʟ: 'l',
  ɴ: 'n',
};

/** Digits and symbols read as letters when they stand next to a letter ("pr0mpt", "1gnore"). */
export const LEET_TO_LATIN: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l',
};

export interface PromptViews {
  readonly norm: string;
  readonly fold: string;
  readonly squash: string;
  /** Input offset where the segment that produced norm[i] starts (i in 0..norm.length). */
  readonly toInput: (normIndex: number) => number;
  /** Input offset just past the segment that produced norm[normEnd - 1]. */
  readonly toInputEnd: (normEnd: number) => number;
  /** True when folding changed something an attacker would change: invisible characters dropped,
   * look-alike letters mapped, or l33t digits read as letters. */
  readonly disguised: boolean;
}

const MARK_RE = /\p{M}/u;
const FORMAT_RE = /\p{Cf}/u;
const LETTER_RE = /\p{L}/u;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
// l33t in an ASCII string: a digit next to a letter, or a symbol between two letters.
const LEET_ASCII = /(?<=[a-z])[013457]|[013457](?=[a-z])|(?<=[a-z])[@$!|](?=[a-z])/g;
const LEET_INNER = /[a-z][013457@$!|][a-z]/;
const NON_LETTERS = /[^a-z]+/g;

// Per code point caches: NFKC + lowercase, and the accent-stripped fold of one char.
const segmentCache = new Map<string, string>();
const foldCache = new Map<number, number>();

function normalizeSegment(seg: string): string {
  let out = segmentCache.get(seg);
  if (out === undefined) {
    out = seg.normalize('NFKC').toLowerCase();
    if (segmentCache.size < 20_000) segmentCache.set(seg, out);
  }
  return out;
}

/** Fold one UTF-16 unit of `norm` to a Latin letter when it is a confusable or accented letter. */
function foldUnit(c: number): number {
  if (c < 128) return c;
  let f = foldCache.get(c);
  if (f !== undefined) return f;
  const ch = String.fromCharCode(c);
  const conf = CONFUSABLE_TO_LATIN[ch];
  if (conf !== undefined) f = conf.charCodeAt(0);
  else if (c === 0xdf) f = c; // ß stays: "ss" would change the length
  else {
    const base = ch.normalize('NFD').charCodeAt(0);
    f = base < 128 && base !== c ? base : c;
  }
  if (foldCache.size < 5_000) foldCache.set(c, f);
  return f;
}

/** Precomposed Latin letters that NFKC leaves as they are (skip the normalize call). */
function isStableLatin(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0x131 && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x134 && c <= 0x13e) ||
    (c >= 0x141 && c <= 0x148) ||
    (c >= 0x14a && c <= 0x17e)
  );
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** ASCII input (the common case): native lowercase, identity offsets, regex l33t folding. */
function asciiViews(text: string): PromptViews {
  const norm = text.toLowerCase();
  const fold = norm.replace(LEET_ASCII, (d) => LEET_TO_LATIN[d] ?? d);
  const identity = (i: number): number => (i < 0 ? 0 : i > text.length ? text.length : i);
  return {
    norm,
    fold,
    squash: fold.replace(NON_LETTERS, ''),
    toInput: identity,
    toInputEnd: identity,
    disguised: fold !== norm && LEET_INNER.test(norm),
  };
}

/** Build the matching views of `text`. Linear in the input; never throws on any string. */
export function buildViews(text: string): PromptViews {
  if (ASCII_ONLY.test(text)) return asciiViews(text);
  const n = text.length;
  let cap = n + 16;
  let normUnits = new Uint16Array(cap);
  let mapArr = new Int32Array(cap + 1);
  let len = 0;
  const emit = (u: number, at: number): void => {
    if (len >= cap) {
      cap *= 2;
      const nu = new Uint16Array(cap);
      nu.set(normUnits);
      normUnits = nu;
      const nm = new Int32Array(cap + 1);
      nm.set(mapArr);
      mapArr = nm;
    }
    normUnits[len] = u;
    mapArr[len] = at;
    len++;
  };
  let disguised = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      emit(c >= 65 && c <= 90 ? c + 32 : c, i);
      i++;
      continue;
    }
    // One code point (a lone surrogate counts as one) plus any combining marks after it.
    const start = i;
    const cp = text.codePointAt(i) ?? c;
    i += cp > 0xffff ? 2 : 1;
    while (i < n) {
      const m = text.codePointAt(i) ?? 0;
      if (m < 0x300 || !MARK_RE.test(String.fromCodePoint(m))) break;
      i += m > 0xffff ? 2 : 1;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) {
      // Lone surrogate: keep a neutral placeholder so offsets stay aligned.
      emit(0xfffd, start);
      continue;
    }
    if (FORMAT_RE.test(String.fromCodePoint(cp))) {
      // Invisible: drop (the encoding rule reports it). ZWJ/ZWNJ are normal in emoji and scripts.
      if (cp !== 0x200d && cp !== 0x200c && cp !== 0xfeff) disguised = true;
      continue;
    }
    const out = i - start === 1 && isStableLatin(c) ? String.fromCharCode(c).toLowerCase() : normalizeSegment(text.slice(start, i));
    for (let k = 0; k < out.length; k++) {
      const u = out.charCodeAt(k);
      if (u >= 0x300 && u <= 0x36f) continue; // stray combining marks after NFKC
      emit(u, start);
    }
  }
  mapArr[len] = n;
  normUnits = normUnits.subarray(0, len);

  const foldUnits = new Uint16Array(len);
  for (let k = 0; k < len; k++) {
    const u = normUnits[k] as number;
    const f = foldUnit(u);
    if (f !== u && u >= 0x370) disguised = true; // a Cyrillic/Greek/small-capital look-alike
    foldUnits[k] = f;
  }
  // l33t: decide on the confusable-folded letters, then substitute, so "1gn0r3" reads "ignore".
  for (let k = 0; k < len; k++) {
    const u = foldUnits[k] as number;
    const leet = u < 128 ? LEET_TO_LATIN[String.fromCharCode(u)] : undefined;
    if (leet === undefined) continue;
    const prev = k > 0 ? (foldUnits[k - 1] as number) : 0;
    const next = k + 1 < len ? (foldUnits[k + 1] as number) : 0;
    const isDigit = u >= 48 && u <= 57;
    // Digits need a letter on one side ("1gnore", "pr0mpt"); symbols on both ("h@ck", not "stop!").
    if (isDigit ? isAsciiLetter(prev) || isAsciiLetter(next) : isAsciiLetter(prev) && isAsciiLetter(next)) {
      foldUnits[k] = leet.charCodeAt(0);
      // Digits inside words are common in IDs and drug names ("B12", "CYP2D6"); only a digit with
      // letters on both sides, or a symbol, is taken as evidence of disguise.
      if (isAsciiLetter(prev) && isAsciiLetter(next)) disguised = true;
    }
  }

  const norm = fromUnits(normUnits);
  const fold = fromUnits(foldUnits);
  const squashUnits = new Uint16Array(len);
  let sl = 0;
  for (let k = 0; k < len; k++) {
    const u = foldUnits[k] as number;
    if ((u >= 97 && u <= 122) || (u >= 128 && LETTER_RE.test(String.fromCharCode(u)))) squashUnits[sl++] = u;
  }
  const squash = fromUnits(squashUnits.subarray(0, sl));
  const map = mapArr;
  const toInput = function toInput(normIndex: number): number {
    if (normIndex <= 0) return len === 0 ? 0 : (map[0] as number);
    return map[Math.min(normIndex, len)] as number;
  };
  const toInputEnd = function toInputEnd(normEnd: number): number {
    if (normEnd <= 0) return 0;
    if (normEnd >= len) return n;
    // The segment that produced norm[normEnd - 1] ends where the next distinct segment starts.
    const segStart = map[normEnd - 1] as number;
    let k = normEnd;
    while (k < len && (map[k] as number) === segStart) k++;
    return map[k] as number;
  };
  return { norm, fold, squash, toInput, toInputEnd, disguised };
}

function fromUnits(units: Uint16Array): string {
  let s = '';
  const CHUNK = 8192;
  for (let k = 0; k < units.length; k += CHUNK) {
    s += String.fromCharCode.apply(null, units.subarray(k, k + CHUNK) as unknown as number[]);
  }
  return s;
}
