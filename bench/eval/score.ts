/**
 * Scoring exactly as the acceptance corpus defines it (physionet-deid-dev README):
 *
 * - tokens are maximal runs of letters and digits;
 * - a token is gold when any gold span overlaps it, predicted when any predicted span overlaps it;
 * - category-blind token recall, precision, F1 and F2 are computed over all tokens;
 * - a gold entity "leaks" when any letter or digit inside it is not covered by a predicted span;
 *   leak rate = leaked entities / gold entities.
 *
 * Per-type figures: recall by gold type (still category-blind: any prediction counts, which is
 * what matters for redaction) and leak by gold type. When the gold types are our own canonical
 * types (synthetic JSONL) we can also say whether the predicted *type* was right: typed recall
 * and per-predicted-type precision.
 *
 * Pure functions over offsets; nothing here prints text.
 */

/** A gold or predicted span. `type` is a canonical entity type (or any label for gold). */
export interface ScoredSpan {
  start: number;
  end: number;
  type: string;
}

export interface ScoreDoc {
  id: string;
  text: string;
  gold: readonly ScoredSpan[];
  predicted: readonly ScoredSpan[];
}

export interface TypeScore {
  /** Tokens overlapped by a gold span of this type. */
  goldTokens: number;
  /** Of those, tokens overlapped by any prediction. */
  recall: number;
  /** Of those, tokens overlapped by a prediction of the same type (typed gold only). */
  typedRecall?: number;
  goldEntities: number;
  leakedEntities: number;
  leakRate: number;
  /** Tokens overlapped by a prediction of this type (typed gold only). */
  predTokens?: number;
  /** Of predTokens, tokens that are gold of the same type (typed gold only). */
  precision?: number;
  /** Of predTokens, tokens that are gold of any type (typed gold only). */
  blindPrecision?: number;
}

export interface ScoreReport {
  docs: number;
  tokens: number;
  goldTokens: number;
  predTokens: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  recall: number;
  precision: number;
  f1: number;
  f2: number;
  goldEntities: number;
  leakedEntities: number;
  leakRate: number;
  byType: Record<string, TypeScore>;
}

export interface ScoreOptions {
  /** Gold types are canonical, so predicted types can be compared with them. @default false */
  typed?: boolean;
}

/** A token as offsets into its text. */
export interface Token {
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** Maximal runs of letters and digits (Unicode-aware, like the reference definition). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // Surrogate halves: test the whole code point at its first unit, skip the second.
  if (c >= 0xdc00 && c <= 0xdfff) return false;
  const cp = text.codePointAt(i) ?? c;
  return WORD_CHAR_RE.test(String.fromCodePoint(cp));
}

/**
 * For each token, the set of span indexes overlapping it. Spans and tokens are both sorted; a
 * sweep keeps this O(tokens + spans + overlaps) even for 1 MB documents.
 */
function overlapsPerToken(tokens: readonly Token[], spans: readonly ScoredSpan[]): number[][] {
  const order = spans.map((_, i) => i).sort((a, b) => (spans[a] as ScoredSpan).start - (spans[b] as ScoredSpan).start);
  const out: number[][] = tokens.map(() => []);
  const active: number[] = [];
  let next = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t] as Token;
    while (next < order.length && (spans[order[next] as number] as ScoredSpan).start < tok.end) {
      active.push(order[next] as number);
      next++;
    }
    // Drop spans that ended before this token starts (they cannot overlap later tokens either).
    let w = 0;
    for (const si of active) if ((spans[si] as ScoredSpan).end > tok.start) active[w++] = si;
    active.length = w;
    for (const si of active) {
      const s = spans[si] as ScoredSpan;
      if (s.start < tok.end && tok.start < s.end && s.end > s.start) (out[t] as number[]).push(si);
    }
  }
  return out;
}

function ratio(num: number, den: number): number {
  return den === 0 ? 1 : num / den;
}

function fBeta(p: number, r: number, beta: number): number {
  const b2 = beta * beta;
  return p + r === 0 ? 0 : ((1 + b2) * p * r) / (b2 * p + r);
}

/** Per-character coverage by predicted spans (1 = covered). */
export function coverage(length: number, spans: readonly ScoredSpan[]): Uint8Array {
  const cov = new Uint8Array(length);
  for (const s of spans) cov.fill(1, Math.max(0, s.start), Math.min(length, s.end));
  return cov;
}

/** True when some letter or digit inside `span` is not covered. */
export function isLeaked(text: string, span: ScoredSpan, cov: Uint8Array): boolean {
  const end = Math.min(text.length, span.end);
  for (let i = Math.max(0, span.start); i < end; i++) {
    if (cov[i] === 0 && isWordCode(text, i)) return true;
  }
  return false;
}

interface TypeAcc {
  goldTokens: number;
  hit: number;
  typedHit: number;
  goldEntities: number;
  leaked: number;
  predTokens: number;
  predTyped: number;
  predAny: number;
}

function acc(map: Map<string, TypeAcc>, type: string): TypeAcc {
  let a = map.get(type);
  if (!a) {
    a = { goldTokens: 0, hit: 0, typedHit: 0, goldEntities: 0, leaked: 0, predTokens: 0, predTyped: 0, predAny: 0 };
    map.set(type, a);
  }
  return a;
}

/** Per-document token outcome, for error listings. */
export interface TokenOutcome {
  token: Token;
  gold: boolean;
  predicted: boolean;
  goldTypes: string[];
  predTypes: string[];
}

/** Token outcomes of one document (used by the error listing and by the aggregate score). */
export function tokenOutcomes(doc: ScoreDoc): TokenOutcome[] {
  const tokens = tokenize(doc.text);
  const g = overlapsPerToken(tokens, doc.gold);
  const p = overlapsPerToken(tokens, doc.predicted);
  return tokens.map((token, i) => {
    const gi = g[i] as number[];
    const pi = p[i] as number[];
    return {
      token,
      gold: gi.length > 0,
      predicted: pi.length > 0,
      goldTypes: [...new Set(gi.map((k) => (doc.gold[k] as ScoredSpan).type))],
      predTypes: [...new Set(pi.map((k) => (doc.predicted[k] as ScoredSpan).type))],
    };
  });
}

/** Score a set of documents. */
export function score(docs: readonly ScoreDoc[], options: ScoreOptions = {}): ScoreReport {
  const typed = options.typed ?? false;
  let tokens = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let goldEntities = 0;
  let leaked = 0;
  const types = new Map<string, TypeAcc>();

  for (const doc of docs) {
    const outcomes = tokenOutcomes(doc);
    tokens += outcomes.length;
    for (const o of outcomes) {
      if (o.gold && o.predicted) tp++;
      else if (o.gold) fn++;
      else if (o.predicted) fp++;
      for (const t of o.goldTypes) {
        const a = acc(types, t);
        a.goldTokens++;
        if (o.predicted) a.hit++;
        if (o.predTypes.includes(t)) a.typedHit++;
      }
      if (typed) {
        for (const t of o.predTypes) {
          const a = acc(types, t);
          a.predTokens++;
          if (o.goldTypes.includes(t)) a.predTyped++;
          if (o.gold) a.predAny++;
        }
      }
    }
    const cov = coverage(doc.text.length, doc.predicted);
    for (const s of doc.gold) {
      goldEntities++;
      const a = acc(types, s.type);
      a.goldEntities++;
      if (isLeaked(doc.text, s, cov)) {
        leaked++;
        a.leaked++;
      }
    }
  }

  const recall = ratio(tp, tp + fn);
  const precision = ratio(tp, tp + fp);
  const byType: Record<string, TypeScore> = {};
  for (const [t, a] of [...types.entries()].sort(([x], [y]) => x.localeCompare(y))) {
    const ts: TypeScore = {
      goldTokens: a.goldTokens,
      recall: ratio(a.hit, a.goldTokens),
      goldEntities: a.goldEntities,
      leakedEntities: a.leaked,
      leakRate: a.goldEntities === 0 ? 0 : a.leaked / a.goldEntities,
    };
    if (typed) {
      ts.typedRecall = ratio(a.typedHit, a.goldTokens);
      ts.predTokens = a.predTokens;
      ts.precision = ratio(a.predTyped, a.predTokens);
      ts.blindPrecision = ratio(a.predAny, a.predTokens);
    }
    byType[t] = ts;
  }
  return {
    docs: docs.length,
    tokens,
    goldTokens: tp + fn,
    predTokens: tp + fp,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    recall,
    precision,
    f1: fBeta(precision, recall, 1),
    f2: fBeta(precision, recall, 2),
    goldEntities,
    leakedEntities: leaked,
    leakRate: goldEntities === 0 ? 0 : leaked / goldEntities,
    byType,
  };
}
