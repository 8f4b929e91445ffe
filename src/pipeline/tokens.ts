import { ENTITY_TYPES, type Entity } from '../types.js';

/**
 * The tokens phi-guard's own operators write: `[NAME]` (tag), `[NAME_3]` (placeholder) and
 * `[NAME:3f9a0c1b]` (hash). Their content is fully known (a type from ENTITY_TYPES, digits, hex)
 * and never PHI, so candidates are trimmed to stay out of them (and dropped when wholly inside
 * one): otherwise a detector that reads `IP` in `[IP_ADDRESS]` as a name would re-redact
 * already redacted text (`[[NAME]_ADDRESS]`) and redaction would not be idempotent. Only exact tokens count: any other
 * bracketed text is scanned as usual.
 */
/** Exported so the ReDoS check in the test suite covers it. */
export const TOKEN_RE = new RegExp(`\\[(?:${[...ENTITY_TYPES].sort((a, b) => b.length - a.length).join('|')})(?:_\\d{1,9}|:[0-9a-f]{8,64})?\\]`, 'g');

/** Spans `[start, end)` of operator tokens in `text`, in order. Linear: a bounded alternation. */
export function findOperatorTokens(text: string): [number, number][] {
  if (!text.includes('[')) return [];
  const out: [number, number][] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Index of the token containing position `i` (start <= i < end), or -1. */
function tokenAt(tokens: readonly [number, number][], i: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid] as [number, number];
    if (i < t[0]) hi = mid - 1;
    else if (i >= t[1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Trim candidates so none starts or ends inside an operator token, dropping those left empty
 * (a candidate wholly inside a token). A candidate that covers whole tokens keeps them.
 */
export function dropInsideOperatorTokens(text: string, entities: Entity[]): Entity[] {
  if (entities.length === 0) return entities;
  const tokens = findOperatorTokens(text);
  if (tokens.length === 0) return entities;
  const out: Entity[] = [];
  for (const e of entities) {
    let { start, end } = e;
    const first = tokenAt(tokens, start);
    if (first !== -1 && start > (tokens[first] as [number, number])[0]) start = (tokens[first] as [number, number])[1];
    else if (first !== -1 && end <= (tokens[first] as [number, number])[1]) continue; // wholly inside
    const last = tokenAt(tokens, end - 1);
    if (last !== -1 && end < (tokens[last] as [number, number])[1]) end = (tokens[last] as [number, number])[0];
    if (end > start) out.push(start === e.start && end === e.end ? e : { ...e, start, end });
  }
  return out;
}
