import type { Entity } from '../types.js';

/**
 * Overlap resolution strategies. Input: candidates in any order, possibly overlapping.
 * Output: sorted by start, non-overlapping.
 *
 * - `merge` (default): overlapping or touching-by-overlap spans become one span covering their
 *   union, typed and scored by the strongest member (score, then length; a URL or email that
 *   contains the others wins: the name inside "...&name=john" is part of the URL). Redaction never
 *   leaves a fragment of a partly-detected value behind, which is what a PHI filter wants.
 * - `highest-score`: keep the highest-scoring span (ties: longer, then earlier), drop whatever
 *   overlaps it; repeat. Presidio's de-duplication, for callers that want exact types.
 * - `longest`: like `highest-score` but prefers length first, then score.
 */
export const RESOLUTION_STRATEGIES = ['merge', 'highest-score', 'longest'] as const;
export type ResolutionStrategy = (typeof RESOLUTION_STRATEGIES)[number];

function stronger(a: Entity, b: Entity): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return a.end - a.start > b.end - b.start;
}

/**
 * A URL or email address is one identifier: a name or number inside it ("...&name=john",
 * "john.smith@...") is part of it, whatever its score after context boosts.
 */
const WHOLE_VALUE = new Set(['URL', 'EMAIL']);
function contains(a: Entity, b: Entity): boolean {
  return a.start <= b.start && b.end <= a.end;
}
function strongerInMerge(e: Entity, best: Entity): boolean {
  if (WHOLE_VALUE.has(best.type) && contains(best, e)) return false;
  if (WHOLE_VALUE.has(e.type) && contains(e, best)) return true;
  return stronger(e, best);
}

export function resolveOverlaps(entities: readonly Entity[], strategy: ResolutionStrategy): Entity[] {
  if (entities.length <= 1) return entities.map((e) => ({ ...e }));
  if (strategy === 'merge') return merge(entities);
  return greedy(entities, strategy);
}

function byStart(a: Entity, b: Entity): number {
  return a.start - b.start || b.end - a.end;
}

function merge(entities: readonly Entity[]): Entity[] {
  // Detectors mostly report in text order: skip the sort when the input already is.
  let ordered = true;
  for (let i = 1; i < entities.length; i++) {
    if (byStart(entities[i - 1] as Entity, entities[i] as Entity) > 0) {
      ordered = false;
      break;
    }
  }
  const sorted = ordered ? entities : entities.slice().sort(byStart);
  const out: Entity[] = [];
  let start = 0;
  let end = -1;
  let best: Entity | undefined;
  for (const e of sorted) {
    if (best && e.start < end) {
      if (e.end > end) end = e.end;
      if (strongerInMerge(e, best)) best = e;
      continue;
    }
    if (best) out.push({ type: best.type, start, end, score: best.score, source: best.source });
    start = e.start;
    end = e.end;
    best = e;
  }
  if (best) out.push({ type: best.type, start, end, score: best.score, source: best.source });
  return out;
}

function greedy(entities: readonly Entity[], strategy: 'highest-score' | 'longest'): Entity[] {
  const ranked = [...entities].sort((a, b) => {
    const la = a.end - a.start;
    const lb = b.end - b.start;
    if (strategy === 'longest' && la !== lb) return lb - la;
    if (a.score !== b.score) return b.score - a.score;
    if (la !== lb) return lb - la;
    return a.start - b.start;
  });
  // Accepted spans kept sorted by start; overlap check by binary search keeps this n log n.
  const kept: Entity[] = [];
  for (const e of ranked) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((kept[mid] as Entity).start < e.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = kept[lo - 1];
    const next = kept[lo];
    if ((prev && prev.end > e.start) || (next && next.start < e.end)) continue;
    kept.splice(lo, 0, { ...e });
  }
  return kept;
}
