/**
 * Literal gates for regex rules. Most cue patterns begin with a word alternation
 * (`\b(?:ignore|disregard|...)`); V8 tries that alternation at every position, which adds up over
 * ~100 patterns on a long prompt. A gate is the set of literal prefixes one of which any match
 * must contain; `String#includes` on a few short literals is far cheaper than a failing regex
 * scan, so a pattern only runs when one of its literals is present.
 *
 * Derived automatically from the pattern source, conservatively: when a top-level branch does
 * not start with a plain literal of at least two characters, the pattern gets no gate (always
 * runs). A gate never changes what a pattern matches, only whether it is tried.
 */

const SPECIAL = new Set(['\\', '(', ')', '[', ']', '{', '}', '?', '*', '+', '|', '.', '^', '$']);

function splitTopLevel(source: string, open: number): { branches: string[]; end: number } {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = open;
  let i = open;
  for (; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (ch === '|' && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
  }
  branches.push(source.slice(start, i));
  return { branches, end: i };
}

/** Leading literals of a branch (one must occur), or undefined when it does not start with one. */
function leadingLiterals(branch: string): string[] | undefined {
  let s = branch;
  while (s.startsWith('\\b')) s = s.slice(2);
  if (s.startsWith('(?:')) {
    // A group at the start: its alternatives are the literals (unless the group is optional).
    const { branches, end } = splitTopLevel(s, 3);
    const after = s[end + 1];
    if (after === '?' || after === '*' || (after === '{' && s[end + 2] === '0')) return undefined;
    const out: string[] = [];
    for (const b of branches) {
      const lits = leadingLiterals(b);
      if (!lits) return undefined;
      out.push(...lits);
    }
    return out;
  }
  let lit = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch === '\\') {
      // An escaped punctuation character is a literal (\{ \$ \| \/); \b \s \d... end the run.
      const next = s[i + 1] ?? '';
      if (!/^[^A-Za-z0-9]$/.test(next)) break;
      lit += next;
      i += 2;
      continue;
    }
    if (SPECIAL.has(ch)) break;
    lit += ch;
    i++;
  }
  // A quantifier right after the literal makes its last character optional (or repeatable).
  if (i < s.length && (s[i] === '?' || s[i] === '*' || s[i] === '{')) lit = lit.slice(0, -1);
  return lit.length >= 2 ? [lit] : undefined;
}

/** The literal gate of a pattern (any one must occur), or undefined for "always run". */
export function literalGate(pattern: RegExp): readonly string[] | undefined {
  if (pattern.flags.includes('i')) return undefined;
  const { branches } = splitTopLevel(pattern.source, 0);
  const out = new Set<string>();
  for (const b of branches) {
    const lits = leadingLiterals(b);
    if (!lits) return undefined;
    for (const l of lits) out.add(l);
  }
  return [...out];
}

/** True when `text` contains one of the gate's literals (or there is no gate). */
export function passesGate(gate: readonly string[] | undefined, text: string): boolean {
  if (gate === undefined) return true;
  for (const g of gate) if (text.includes(g)) return true;
  return false;
}

/** Word starts of a text, bucketed by their first two characters (JS `\\b` word characters). */
export type WordIndex = ReadonlyMap<string, readonly number[]>;

function isRegexWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Build the word-start index of `text` in one pass. */
export function buildWordIndex(text: string): WordIndex {
  const index = new Map<string, number[]>();
  let prevWord = false;
  for (let i = 0; i < text.length; i++) {
    const word = isRegexWordChar(text.charCodeAt(i));
    if (word && !prevWord) {
      const key = text.slice(i, i + 2);
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
    prevWord = word;
  }
  return index;
}

export interface GatedMatcher {
  /** True when every match starts at a word start with one of the literals (use an index). */
  readonly wordAnchored: boolean;
  /** For word-anchored matchers: the index keys (first two characters) of the literals. */
  readonly keys: readonly string[];
  /** Same first match as `pattern.exec(text)`. */
  readonly match: (text: string, index?: WordIndex) => RegExpExecArray | null;
}

/**
 * A matcher equivalent to `pattern.exec(text)` (same first match) that only tries the pattern
 * where one of its gate literals occurs, running it sticky at each occurrence in text order, so
 * the first success is the leftmost match. Occurrences come from the word index when every branch
 * starts with `\\b` and a word character (the common case: one index serves ~100 patterns), else
 * from `indexOf`. Patterns without a gate, or with very many occurrences, use a plain scan.
 * `accept` (optional) vets each match; the first accepted one is returned.
 */
export function createGatedMatcher(pattern: RegExp, accept?: (text: string, m: RegExpExecArray) => boolean): GatedMatcher {
  const flags = pattern.flags.replace(/[gy]/g, '');
  const global = new RegExp(pattern.source, `${flags}g`);
  // Plain scan: the first match, or with `accept`, the first accepted match (bounded attempts).
  const plainExec = (text: string): RegExpExecArray | null => {
    global.lastIndex = 0;
    for (let k = 0; k < 4096; k++) {
      const m = global.exec(text);
      if (m === null) return null;
      if (!accept || accept(text, m)) return m;
      if (m[0].length === 0) global.lastIndex++;
    }
    return null;
  };
  const plain = { exec: plainExec };
  const gate = literalGate(pattern);
  if (gate === undefined) {
    return { wordAnchored: false, keys: [], match: (text: string) => plain.exec(text) };
  }
  const sticky = new RegExp(pattern.source, `${flags}y`);
  const { branches } = splitTopLevel(pattern.source, 0);
  const wordAnchored =
    branches.every((b) => b.startsWith('\\b')) && gate.every((lit) => lit.length >= 2 && isRegexWordChar(lit.charCodeAt(0)));
  const MAX_CANDIDATES = 4096;
  const keys = gate.map((lit) => lit.slice(0, 2));
  // Literals grouped by index key, so each key's positions are walked once.
  const byKey = new Map<string, string[]>();
  gate.forEach((lit, g) => {
    const k = keys[g] as string;
    const list = byKey.get(k);
    if (list) list.push(lit);
    else byKey.set(k, [lit]);
  });
  const keyGroups = [...byKey];

  function tryAt(text: string, positions: number[]): RegExpExecArray | null {
    positions.sort((a, b) => a - b);
    let last = -1;
    for (const p of positions) {
      if (p === last) continue;
      last = p;
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (m !== null && (!accept || accept(text, m))) return m;
    }
    return null;
  }

  return {
    wordAnchored,
    keys: wordAnchored ? [...new Set(keys)] : [],
    match: function matchGated(text: string, index?: WordIndex): RegExpExecArray | null {
      const positions: number[] = [];
      if (wordAnchored && index !== undefined) {
        for (const [key, lits] of keyGroups) {
          const starts = index.get(key);
          if (starts === undefined) continue;
          for (const p of starts) {
            for (const lit of lits) {
              if (text.startsWith(lit, p)) {
                positions.push(p);
                break;
              }
            }
          }
          if (positions.length > MAX_CANDIDATES) return plain.exec(text);
        }
      } else {
        for (const lit of gate) {
          let at = text.indexOf(lit);
          while (at >= 0) {
            positions.push(at);
            if (positions.length > MAX_CANDIDATES) return plain.exec(text);
            at = text.indexOf(lit, at + 1);
          }
        }
      }
      return positions.length === 0 ? null : tryAt(text, positions);
    },
  };
}

/**
 * An `accept` hook for createGatedMatcher: a match counts only when `then` matches within
 * `window` characters after it, on the same line (two-step cues instead of long regex gaps).
 */
export function windowAccept(then: RegExp, window: number): (text: string, m: RegExpExecArray) => boolean {
  const re = new RegExp(then.source, then.flags.replace(/[gy]/g, ''));
  return function acceptWithin(text: string, m: RegExpExecArray): boolean {
    const end = m.index + m[0].length;
    let slice = text.slice(end, end + window);
    const nl = slice.indexOf('\n');
    if (nl >= 0) slice = slice.slice(0, nl);
    return re.test(slice);
  };
}
