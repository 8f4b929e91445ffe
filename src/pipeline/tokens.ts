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

// The same pattern, anchored: it is tried only at each '[' that indexOf finds. A global exec
// over a long text costs about 100x more (measured on 1 MB notes: 1.2 ms against 13 µs) for
// the same matches: every match starts with '[', and matches are taken left to right from the
// end of the previous one either way.
const TOKEN_AT = new RegExp(TOKEN_RE.source, 'y');

/** Spans `[start, end)` of operator tokens in `text`, in order. Linear: a bounded alternation. */
export function findOperatorTokens(text: string): [number, number][] {
  let p = text.indexOf('[');
  if (p < 0) return [];
  const out: [number, number][] = [];
  while (p >= 0) {
    TOKEN_AT.lastIndex = p;
    if (TOKEN_AT.test(text)) {
      out.push([p, TOKEN_AT.lastIndex]);
      p = text.indexOf('[', TOKEN_AT.lastIndex);
    } else p = text.indexOf('[', p + 1);
  }
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
