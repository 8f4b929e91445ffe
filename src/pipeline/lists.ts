import type { Entity, EntityType } from '../types.js';
import { ceilBoundary, escapeLiteral, isWordCharAt } from '../utils/text.js';

/** A deny-list term: always redacted wherever it occurs as a whole word (case-insensitive). */
export interface DenyTerm {
  term: string;
  /** @default 'OTHER_ID' */
  type?: EntityType;
}

/**
 * Allow list: an entity whose text equals an allow term (case-insensitive, surrounding
 * whitespace and punctuation ignored) is dropped. Used for known-safe words that a detector
 * keeps flagging (a clinic's own public name, a drug brand).
 */
export function compileAllowList(terms: readonly string[]): (text: string, e: Entity) => boolean {
  if (terms.length === 0) return () => false;
  const set = new Set(terms.map((t) => normalise(t)));
  return function isAllowed(text, e) {
    return set.has(normalise(text.slice(e.start, e.end)));
  };
}

function normalise(s: string): string {
  return s
    .trim()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * Deny list: returns a finder for every whole-word occurrence of every term, overlapping ones
 * included. At worst O(text length x term length) per term (a scan restarts one code point after
 * each match); an escaped literal never backtracks.
 */
export function compileDenyList(terms: readonly DenyTerm[]): (text: string) => Entity[] {
  if (terms.length === 0) return () => [];
  const compiled = terms.map((t) => ({
    // An escaped literal cannot backtrack catastrophically.
    re: new RegExp(escapeLiteral(t.term.trim()), 'giu'),
    type: t.type ?? 'OTHER_ID',
  }));
  return function findDenied(text) {
    const out: Entity[] = [];
    for (const { re, type } of compiled) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        // Another occurrence may start inside this one ("ab ab" in "cab ab ab" or in "ab ab ab"),
        // so resume one code point on rather than after the match; overlaps are resolved later.
        re.lastIndex = ceilBoundary(text, start + 1);
        if (isWordCharAt(text, start - 1) || isWordCharAt(text, end)) continue;
        out.push({ type, start, end, score: 1, source: 'deny-list' });
      }
    }
    return out;
  };
}
