/**
 * Encoding rules, run on the raw input (before normalisation hides what they look for): control
 * characters, bidi controls (Trojan Source), invisible characters, Unicode tag characters,
 * script mixing inside a word (homoglyph spoofing), and long base64/hex blobs. Blobs and tag
 * text that decode to readable text are handed to `inspectDecoded`, which runs the content
 * rules on them, so "decode this: aWdub3Jl..." cannot smuggle an override past the heuristics.
 *
 * Legitimate uses are left alone: ZWJ inside emoji sequences, ZWJ/ZWNJ in scripts that need
 * them (Arabic, Persian, Indic), LRM/RLM marks in right-to-left text, tag characters inside an
 * emoji subdivision flag, and Greek letters used in medicine (TNF-α, β-blocker, 5 μg).
 */
import type { Violation, ViolationCode, Severity } from './types.js';

export interface EncodingOptions {
  /** Base64/hex run length from which ENCODING_BLOB is reported. */
  readonly blobLength: number;
  /** Decoded text check: true when it contains an injection or harmful payload. */
  readonly inspectDecoded?: (decoded: string) => boolean;
}

/** Defaults, exported as data. */
export const DEFAULT_ENCODING_OPTIONS = { blobLength: 100 } as const;

// Non-ASCII fast check: most prompts are pure ASCII and skip the Unicode scans entirely.
const NON_ASCII_OR_CONTROL = /[^\x09\x0a\x0d\x20-\x7e]/;
const WORD_RE = /[\p{L}\p{M}]{2,40}/gu;
const LATIN_RE = /[A-Za-z]/;
const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
// Greek letters that pass for Latin ones inside a Latin word. Scientific Greek (α β γ δ μ κ λ σ
// ω...) is left out: "TNFα" and "β2-agonist" are normal clinical writing.
const GREEK_LOOKALIKE_RE = /[ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινρυ]/;
const HEX_RUN = /^(?:0x)?[0-9a-fA-F]+$/;
const BASE64_RUN = /^[A-Za-z0-9+/_-]+={0,2}$/;
const MIXED_CASE_UPPER = /[A-Z]/;
const MIXED_CASE_LOWER = /[a-z]/;
const BASE64_SIGNS = /[0-9+/=]/;
const CONFUSABLE_SCRIPTS = /[\u0370-\u03ff\u0400-\u052f]/;

/** One maximal run of base64/hex characters: report it when long, inspect it when it decodes. */
function checkRun(
  text: string,
  start: number,
  end: number,
  blobLength: number,
  out: Violation[],
  seen: Set<string>,
  inspectDecoded: ((decoded: string) => boolean) | undefined,
): void {
  // Strip leading/trailing separators that are not part of an encoding ("--", "==" at the start).
  let s = start;
  while (s < end && (text.charCodeAt(s) === 45 || text.charCodeAt(s) === 61)) s++;
  const run = text.slice(s, end);
  if (run.length < 20) return;
  if (HEX_RUN.test(run)) {
    if (!/[0-9]/.test(run)) return;
    if (run.length >= blobLength) push(out, seen, 'ENCODING_BLOB', 'low', s, end);
    if (inspectDecoded && run.length <= 20_000) {
      const decoded = decodeHex(run);
      if (decoded !== undefined && looksLikeText(decoded) && inspectDecoded(decoded)) {
        push(out, seen, 'ENCODING_HIDDEN_INSTRUCTIONS', 'high', s, end);
      }
    }
    return;
  }
  // Base64 of text has mixed case and digits or symbols; a long hyphenated word or a path is not a blob.
  if (run.length < 24 || !BASE64_RUN.test(run)) return;
  if (!MIXED_CASE_UPPER.test(run) || !MIXED_CASE_LOWER.test(run) || !BASE64_SIGNS.test(run)) return;
  if (run.length >= blobLength) push(out, seen, 'ENCODING_BLOB', 'low', s, end);
  if (inspectDecoded && run.length <= 20_000) {
    const decoded = decodeBase64(run);
    if (decoded !== undefined && looksLikeText(decoded) && inspectDecoded(decoded)) {
      push(out, seen, 'ENCODING_HIDDEN_INSTRUCTIONS', 'high', s, end);
    }
  }
}

function push(out: Violation[], seen: Set<string>, code: ViolationCode, severity: Severity, start: number, end: number): void {
  // One violation per code (the first place it occurs), severity raised if a later one is worse.
  if (seen.has(code)) {
    if (severity === 'medium' || severity === 'high') {
      const v = out.find((x) => x.code === code);
      if (v && rank(severity) > rank(v.severity)) v.severity = severity;
    }
    return;
  }
  seen.add(code);
  out.push({ code, rule: 'encoding', severity, start, end });
}

function rank(s: Severity): number {
  return s === 'high' ? 2 : s === 'medium' ? 1 : 0;
}

function isEmojiish(cp: number): boolean {
  return (
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    cp === 0xfe0f ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    cp === 0x2640 ||
    cp === 0x2642 ||
    cp === 0x2695
  );
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function cpBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** Printable text with some spaces: what a smuggled instruction decodes to. */
function looksLikeText(s: string): boolean {
  if (s.length < 8) return false;
  let printable = 0;
  let spaces = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 10 || c === 9 || c === 13) printable++;
    if (c === 32) spaces++;
  }
  return printable / s.length > 0.95 && spaces >= 1;
}

function decodeBase64(run: string): string | undefined {
  let b = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (b.length % 4 === 1) return undefined;
  while (b.length % 4 !== 0) b += '=';
  try {
    return atob(b);
  } catch {
    return undefined;
  }
}

function decodeHex(run: string): string | undefined {
  const h = run.startsWith('0x') || run.startsWith('0X') ? run.slice(2) : run;
  if (h.length % 2 !== 0) return undefined;
  let s = '';
  for (let i = 0; i < h.length; i += 2) s += String.fromCharCode(parseInt(h.slice(i, i + 2), 16));
  return s;
}

export function createEncodingRule(options: EncodingOptions): (text: string) => Violation[] {
  const { blobLength, inspectDecoded } = options;

  return function checkEncoding(text: string): Violation[] {
    const out: Violation[] = [];
    const seen = new Set<string>();

    if (NON_ASCII_OR_CONTROL.test(text)) scanCharacters(text, out, seen, inspectDecoded);

    // Blobs: maximal runs of base64/hex characters, found in one pass. Long runs are reported;
    // runs that decode to readable text are inspected.
    const n = text.length;
    let runStart = -1;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 0;
      const inRun =
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 95 || c === 45 || c === 61;
      if (inRun) {
        if (runStart < 0) runStart = i;
        continue;
      }
      if (runStart >= 0 && i - runStart >= 20) checkRun(text, runStart, i, blobLength, out, seen, inspectDecoded);
      runStart = -1;
    }
    return out;
  };
}

function scanCharacters(
  text: string,
  out: Violation[],
  seen: Set<string>,
  inspectDecoded: ((decoded: string) => boolean) | undefined,
): void {
  const n = text.length;
  let tagText = '';
  let tagStart = -1;
  let tagEnd = -1;
  let vsRun = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      vsRun = 0;
      continue;
    }
    // Control characters.
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      if (c === 9 || c === 10 || c === 13) continue;
      push(out, seen, 'ENCODING_CONTROL_CHAR', c === 0 || c === 0x1b ? 'medium' : 'low', i, i + 1);
      continue;
    }
    // Bidi embeddings, overrides and isolates. LRM/RLM/ALM are normal in RTL text.
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      push(out, seen, 'ENCODING_BIDI_OVERRIDE', 'medium', i, i + 1);
      continue;
    }
    // Invisible characters.
    if (
      c === 0x200b ||
      c === 0x200c ||
      c === 0x200d ||
      (c >= 0x2060 && c <= 0x2064) ||
      (c === 0xfeff && i > 0) ||
      c === 0x180e ||
      c === 0x034f ||
      c === 0x3164 ||
      c === 0x115f ||
      c === 0x1160 ||
      c === 0x17b4 ||
      c === 0x17b5 ||
      c === 0x00ad
    ) {
      const prev = cpBefore(text, i);
      const next = text.codePointAt(i + 1) ?? -1;
      if (c === 0x200d || c === 0x200c) {
        // ZWJ in emoji sequences; ZWJ/ZWNJ between letters of scripts that use them.
        if (isEmojiish(prev) || isEmojiish(next)) continue;
        if (prev > 0x5ff && next > 0x5ff && !(prev >= 0x2000 && prev < 0x3000)) continue;
      }
      const splitsWord = isAsciiLetter(prev) && isAsciiLetter(next);
      // A soft hyphen inside a word comes from web copy-paste; only report it between letters in strict.
      push(out, seen, 'ENCODING_ZERO_WIDTH', splitsWord && c !== 0x00ad ? 'medium' : 'low', i, i + 1);
      continue;
    }
    // Variation selectors: one after an emoji is normal; runs of them encode hidden bytes.
    if (c >= 0xfe00 && c <= 0xfe0f) {
      vsRun++;
      if (vsRun >= 3) push(out, seen, 'ENCODING_ZERO_WIDTH', 'medium', i, i + 1);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        const cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        if (cp >= 0xe0000 && cp <= 0xe007f) {
          if (tagStart < 0) tagStart = i;
          tagEnd = i + 2;
          if (cp >= 0xe0020 && cp <= 0xe007e) tagText += String.fromCharCode(cp - 0xe0000);
          i++;
          continue;
        }
        if (cp >= 0xe0100 && cp <= 0xe01ef) {
          // Variation selectors supplement: no text uses them outside ideographic variants.
          push(out, seen, 'ENCODING_ZERO_WIDTH', 'medium', i, i + 2);
          i++;
          continue;
        }
        if (tagStart >= 0) flushTags();
        i++;
        vsRun = 0;
        continue;
      }
    }
    if (tagStart >= 0) flushTags();
    vsRun = 0;
  }
  if (tagStart >= 0) flushTags();

  function flushTags(): void {
    // A subdivision flag is U+1F3F4 followed by tag letters/digits and CANCEL TAG (E007F).
    const before = cpBefore(text, tagStart);
    const isFlag =
      before === 0x1f3f4 &&
      tagEnd - tagStart <= 2 * 8 &&
      text.codePointAt(tagEnd - 2) === 0xe007f &&
      /^[a-z0-9]*$/.test(tagText);
    if (!isFlag) {
      push(out, seen, 'ENCODING_TAG_CHARS', 'high', tagStart, tagEnd);
      if (inspectDecoded && tagText.length >= 4 && inspectDecoded(tagText)) {
        push(out, seen, 'ENCODING_HIDDEN_INSTRUCTIONS', 'high', tagStart, tagEnd);
      }
    }
    tagStart = -1;
    tagEnd = -1;
    tagText = '';
  }

  // Script mixing inside one word: Latin with Cyrillic, or with Greek look-alikes.
  if (!CONFUSABLE_SCRIPTS.test(text)) return;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    const w = m[0];
    if (!LATIN_RE.test(w)) continue;
    if (CYRILLIC_RE.test(w) || GREEK_LOOKALIKE_RE.test(w)) {
      push(out, seen, 'ENCODING_CONFUSABLE_MIX', 'medium', m.index, m.index + w.length);
    }
  }
}
