/**
 * Detector `ner`: a small token-classification model (models/phi-ner.onnx, trained in this
 * repository, see models/MODEL_CARD.md) run in-process by onnxruntime-node.
 *
 * - Lazy: nothing is read until `load()` (idempotent; concurrent calls share one load) or the
 *   first `detect()`.
 * - Long texts are cut into windows of `windowTokens` tokens that overlap by the model's
 *   receptive radius on each side; only each window's core is kept. The network is a masked CNN,
 *   so a token's output depends on nothing beyond that radius and windowed results equal
 *   whole-text results exactly. Windows are run `batchSize` at a time.
 * - Offsets come straight from the tokenizer's UTF-16 offsets: exact, in bounds, on code-point
 *   boundaries.
 * - Entities go through the pipeline's normal context, resolution and threshold steps with
 *   everyone else's.
 */
import { ConfigError, DetectorError, PhiGuardError, scrubCause } from '../../errors.js';
import type { DetectContext, Detector, Entity, EntityType } from '../../types.js';
import type { DetectorFactory } from '../registry.js';
import { existsSync } from 'node:fs';
import { FEATURE_COUNT, featurize } from './featurizer.js';
import { DEFAULT_MODEL_PATH, lexiconPathFor, metadataPathFor, readLexicon, readMetadata, readModel, type NerMetadata } from './model.js';
import { LEX_STOP_BITS, loadNerLexicon, type NerLexicon } from './lexicon.js';
import { createSessionWithFallback, loadOrt, type OrtModule, type OrtSession } from './runtime.js';
import type { Tokens } from './tokenizer.js';
import { NAME_TITLES, US_STATE_CODES, US_STATE_NAMES } from '../clinical/context.js';

export { ExecutionProviderError, type ProviderFailure } from './runtime.js';
export { FEATURIZER_VERSION } from './featurizer.js';
export { DEFAULT_MODEL_PATH } from './model.js';


/** Highest score a `ner` entity reports (see the resolution note in `detect`). */
export const NER_MAX_SCORE = 0.85;

export interface NerOptions {
  /** Path of the ONNX model; its metadata is the same path with `.json`. @default models/phi-ner.onnx */
  modelPath?: string;
  /** Providers tried in order, each alone, until one loads, e.g. `['cuda', 'cpu']`. @default ['cpu'] */
  executionProviders?: readonly string[];
  /** onnxruntime intra-op threads. @default 1 */
  intraOpNumThreads?: number;
  /**
   * Minimum entity score (mean over its tokens of 1 - P(O)) for the detector to report it.
   * Per-type calibrated thresholds from the model's metadata apply on top of this when higher.
   * @default 0.5
   */
  threshold?: number;
  /** Use the per-type thresholds recorded in the model metadata. @default true */
  calibrated?: boolean;
  /**
   * False-positive filters: drop one-word NAME / LOCATION / ORGANIZATION entities that are
   * common English words or clinical terms (the dictionary family's ENGLISH_WORDS and the
   * clinical stop list, minus its geography): the model's most frequent false positives
   * ("visited", "hospice", "cardiology"); and DATE entities that are part of a time or decimal
   * ("13:10", "12.9/21.9"), have more than three digit groups ("24/06/12/18"), are one group of
   * a longer slash run ("14/32") or no calendar date ("07-1530"); NAME / LOCATION /
   * ORGANIZATION entities without a letter ("to 209"); and a LOCATION that is only a US state
   * in prose ("moving from Florida", "back to NC": not PHI under Safe Harbor), not one after a
   * separator or at a line start ("Red Bank, NJ", HL7 and FHIR fields) or before a ZIP code.
   * @default true
   */
  stopWords?: boolean;
  /**
   * A one-word stop-word entity is kept anyway when its score (before the NER_MAX_SCORE cap) is
   * at least this: the model is sure from context ("lives in Hope", "son Will called"). Above 1
   * never. Default: the calibrated value in the model metadata (`calibration.stopWordScore`)
   * when `calibrated`, else never.
   * @default calibrated value, else 2
   */
  stopWordScore?: number;
  /** Tokens per window (before overlap). @default 512 */
  windowTokens?: number;
  /** Windows per onnxruntime call. @default 16 */
  batchSize?: number;
}

export const DEFAULT_NER_OPTIONS = Object.freeze({
  modelPath: DEFAULT_MODEL_PATH,
  executionProviders: Object.freeze(['cpu']) as readonly string[],
  intraOpNumThreads: 1,
  threshold: 0.5,
  calibrated: true,
  stopWords: true,
  stopWordScore: undefined as number | undefined,
  windowTokens: 512,
  batchSize: 16,
});

/** A loaded NER detector also says which provider it ended up on (after `load()`). */
export interface NerDetector extends Detector {
  /** The execution provider in use, once loaded. */
  readonly provider: string | undefined;
  readonly metadata: NerMetadata | undefined;
  /** Per-token label probabilities for `text` (for tests and tools; no thresholds). */
  tokenProbabilities(text: string): Promise<{ tokens: Tokens; probs: Float32Array; labels: readonly string[] }>;
}

type ValidOptions = Omit<Required<NerOptions>, 'stopWordScore'> & { stopWordScore: number | undefined };

function validate(options: unknown): ValidOptions {
  if (options === undefined || options === null) return { ...DEFAULT_NER_OPTIONS };
  if (typeof options !== 'object') throw new ConfigError('detectorOptions.ner', 'an object');
  const o = options as NerOptions;
  const known = new Set(Object.keys(DEFAULT_NER_OPTIONS));
  for (const k of Object.keys(o)) if (!known.has(k)) throw new ConfigError(`ner.${k.slice(0, 40)}`, `one of ${[...known].join(', ')}`);
  if (o.modelPath !== undefined && (typeof o.modelPath !== 'string' || o.modelPath === '')) throw new ConfigError('ner.modelPath', 'a file path');
  if (
    o.executionProviders !== undefined &&
    (!Array.isArray(o.executionProviders) ||
      o.executionProviders.length === 0 ||
      o.executionProviders.some((p) => typeof p !== 'string' || !/^[a-z][a-z0-9-]*$/.test(p)))
  ) {
    throw new ConfigError('ner.executionProviders', "a non-empty array of provider names such as ['cuda', 'cpu']");
  }
  const int = (name: keyof NerOptions, v: unknown, min: number, max: number): void => {
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= min && (v as number) <= max)) {
      throw new ConfigError(`ner.${name}`, `an integer from ${min} to ${max}`);
    }
  };
  int('intraOpNumThreads', o.intraOpNumThreads, 1, 256);
  int('windowTokens', o.windowTokens, 16, 1 << 16);
  int('batchSize', o.batchSize, 1, 1024);
  if (o.threshold !== undefined && !(typeof o.threshold === 'number' && o.threshold >= 0 && o.threshold <= 1)) {
    throw new ConfigError('ner.threshold', 'a number between 0 and 1');
  }
  if (o.calibrated !== undefined && typeof o.calibrated !== 'boolean') throw new ConfigError('ner.calibrated', 'a boolean');
  if (o.stopWords !== undefined && typeof o.stopWords !== 'boolean') throw new ConfigError('ner.stopWords', 'a boolean');
  if (o.stopWordScore !== undefined && !(typeof o.stopWordScore === 'number' && o.stopWordScore >= 0 && o.stopWordScore <= 2)) {
    throw new ConfigError('ner.stopWordScore', 'a number between 0 and 2 (above 1: never)');
  }
  return {
    ...DEFAULT_NER_OPTIONS,
    ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)),
  } as ValidOptions;
}

interface Loaded {
  ort: OrtModule;
  session: OrtSession;
  provider: string;
  meta: NerMetadata;
  /** Per label index: entity type, or undefined for O. */
  labelType: (EntityType | undefined)[];
  /** Per label index: true for B-. */
  labelBegin: boolean[];
  types: EntityType[];
  /** One entry per type: its B- and I- label indexes (-1 when absent). */
  pairs: { type: EntityType; b: number; i: number }[];
  thresholds: Map<EntityType, number>;
  lexicon: NerLexicon;
  /** Stop-word filter on (lexicon words flagged common-English or clinical). */
  stop: boolean;
  /** Minimum score at which a one-word stop-word entity is kept anyway (> 1: never). */
  stopKeep: number;
}

const STOP_TYPES: ReadonlySet<EntityType> = new Set(['NAME', 'LOCATION', 'ORGANIZATION']);
const TITLES: ReadonlySet<string> = new Set(NAME_TITLES);

/**
 * True when [start, end) is glued to a time or decimal ("13:[10]", "12.[9/21].9") or holds more
 * than three digit groups: a lab value, setting or schedule, not a date.
 */
export function numericGlue(text: string, start: number, end: number): boolean {
  const b1 = text.charCodeAt(start - 1);
  const b2 = text.charCodeAt(start - 2);
  if ((b1 === 46 || b1 === 58) && b2 >= 48 && b2 <= 57) return true;
  const a1 = text.charCodeAt(end);
  const a2 = text.charCodeAt(end + 1);
  if ((a1 === 46 || a1 === 58) && a2 >= 48 && a2 <= 57) return true;
  let groups = 0;
  let inRun = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57;
    if (d && !inRun) groups++;
    inRun = d;
  }
  return groups > 3;
}

const DIGITS_AND_SEPARATORS = /^[0-9/-]+$/;
const LETTER_GLUED = /^(?:[A-Za-z]{1,2}[0-9]{1,3}|[0-9]{1,3}[A-Za-z]{1,2})$/;
const ORDINAL = /^[0-9]{1,3}(?:st|nd|rd|th)$/i;

/** Two- or four-digit year (four digits: 1900-2099). */
function isYear(g: string): boolean {
  return g.length === 2 || (g.length === 4 && Number(g) >= 1900 && Number(g) <= 2099);
}

/**
 * True when a DATE span is no calendar date: one or two letters glued to a number ("x3", "q4",
 * "7p": a multiplier, frequency or time); or, for spans of digits, '/' and '-' only, one digit
 * group that is part of a longer slash run ("[8]/4/460", "14/[32]": a ratio or lab pair), more
 * than three groups, a 3- or 5+-digit group, or values no month/day/year order allows ("14/32",
 * "07-1530"). Other spans with letters ("Jan 3", "5th") are not judged.
 */
export function implausibleDate(text: string, start: number, end: number): boolean {
  const span = text.slice(start, end);
  // One or two letters glued to a number: a multiplier, frequency or time ("x3", "q4", "7p"),
  // never a calendar date; ordinals ("5th") and month names ("Jan3" has three letters) pass.
  if (LETTER_GLUED.test(span) && !ORDINAL.test(span)) return true;
  if (!DIGITS_AND_SEPARATORS.test(span)) return false;
  const g = span.split(/[/-]/).filter((x) => x !== '');
  if (g.length === 0 || g.length > 3) return true;
  if (g.length === 1) {
    const c1 = text.charCodeAt(end);
    const c2 = text.charCodeAt(end + 1);
    const b1 = text.charCodeAt(start - 1);
    const b2 = text.charCodeAt(start - 2);
    const sep = (c: number): boolean => c === 47 || c === 45;
    const dig = (c: number): boolean => c >= 48 && c <= 57;
    if ((sep(c1) && dig(c2)) || (sep(b1) && dig(b2))) return true;
  }
  if (g.some((x) => x.length === 3 || x.length > 4)) return true;
  const n = g.map(Number);
  const [a, b] = n as [number, number];
  if (g.length === 1) return !(isYear(g[0] as string) || (a >= 1 && a <= 31));
  if (g.length === 2 && g.every((x) => x.length === 4)) return !g.every(isYear); // 1988-1990
  if ((g[0] as string).length === 4) {
    return !(isYear(g[0] as string) && b >= 1 && b <= 12 && (g.length < 3 || ((n[2] as number) >= 1 && (n[2] as number) <= 31)));
  }
  const monthDay = (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (a >= 1 && a <= 31 && b >= 1 && b <= 12);
  if (g.length === 2) return !(monthDay || (a >= 1 && a <= 12 && isYear(g[1] as string)));
  return !(monthDay && isYear(g[2] as string));
}

/**
 * One-word state names the model may report alone. Safe Harbor does not require states to be
 * removed, and the rule-based families leave them; so a model LOCATION that is only a state is a
 * false positive ("moving from Florida", "returning to NC"). Left out: second words of two-word
 * states and names that are also cities or surnames ("York", "Columbia", "Washington").
 */
const STATE_NAMES: ReadonlySet<string> = new Set(
  US_STATE_NAMES.filter((n) => !['washington', 'carolina', 'dakota', 'jersey', 'hampshire', 'mexico', 'york', 'island', 'columbia'].includes(n)),
);
const STATE_CODES: ReadonlySet<string> = new Set(US_STATE_CODES.map((c) => c.toUpperCase()));

/**
 * True when [start, end) is a US state alone in prose: a listed state name (any case) or a
 * two-letter code in capitals, right after a word ("moving from Florida", "back to NC"). Kept:
 * states after a separator, as in addresses and records ("Red Bank, NJ", "^MA^", `"state": "MA"`),
 * at the start of a line, or before a ZIP code ("NJ 07701").
 */
export function bareState(text: string, start: number, end: number): boolean {
  const w = text.slice(start, end);
  if (!STATE_NAMES.has(w.toLowerCase()) && !STATE_CODES.has(w)) return false;
  let p = start - 1;
  while (p >= 0 && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p--;
  if (p < 0 || p === start - 1 || !/\p{L}/u.test(text.charAt(p))) return false;
  let q = end;
  while (q < text.length && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
  return !/^\d{5}(?!\d)/.test(text.slice(q, q + 6));
}

/** True when [start, end) holds no letter: a room number or time is no name or place ("to 209"). */
export function letterless(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /\p{L}/u.test(text.charAt(i)))) return false;
  }
  return true;
}

/** True when the word before token `t` (skipping one '.') is a title: "dr. lindqvist", "Mrs Hope". */
function afterTitle(text: string, tokens: Tokens, t: number): boolean {
  let p = t - 1;
  if (p >= 0 && !tokens.word[p] && text.charCodeAt(tokens.starts[p] as number) === 46) p--;
  if (p < 0 || !tokens.word[p]) return false;
  return TITLES.has(text.slice(tokens.starts[p] as number, tokens.ends[p] as number).toLowerCase());
}

/**
 * The `stopWords` filters for an entity over tokens a..z (a <= z): true when it is one of the
 * model's known false-positive kinds.
 */
function filteredOut(l: Loaded, text: string, tokens: Tokens, a: number, z: number, type: EntityType, score: number): boolean {
  if (!l.stop) return false;
  const start = tokens.starts[a] as number;
  const end = tokens.ends[z] as number;
  // Times, decimals, ratios and lab pairs are not dates: on held-out patients these were most of
  // the model's DATE false positives and none of its true ones.
  if (type === 'DATE') return numericGlue(text, start, end) || implausibleDate(text, start, end);
  if (!STOP_TYPES.has(type)) return false;
  // Common English words and clinical terms (the lexicon's E and C flags: the dictionary
  // family's ENGLISH_WORDS, the clinical stop list minus geography) are the model's most
  // frequent false positives alone; kept after a title or when the model is very sure.
  if (a === z && score < l.stopKeep && (l.lexicon.bits(text.slice(start, end).toLowerCase()) & LEX_STOP_BITS) !== 0 && !afterTitle(text, tokens, a)) {
    return true;
  }
  // Room numbers and times typed as places ("transferred to 209", "admitted at 1900"), and
  // states alone: no held-out true positive among them.
  return letterless(text, start, end) || (type === 'LOCATION' && a === z && bareState(text, start, end));
}

/** Create the `ner` detector. Validates options now; loads the model on first use. */
export function createNerDetector(options?: NerOptions): NerDetector {
  const opts = validate(options);
  let loaded: Loaded | undefined;
  let loading: Promise<Loaded> | undefined;

  async function doLoad(): Promise<Loaded> {
    const ort = await loadOrt();
    if (!ort) {
      throw new DetectorError('ner', 'onnxruntime-node is not installed (it is an optional dependency of phi-guard)', {
        code: 'E_DETECTOR_UNAVAILABLE',
      });
    }
    // The model's own lexicon file when it has one (fast, and exactly the training features);
    // else built from the shipped lists, which must then be the ones it was trained with.
    const lexPath = lexiconPathFor(opts.modelPath);
    let meta: NerMetadata;
    let lexicon: NerLexicon;
    if (existsSync(lexPath)) {
      meta = readMetadata(metadataPathFor(opts.modelPath));
      lexicon = readLexicon(lexPath, meta);
    } else {
      lexicon = await loadNerLexicon();
      meta = readMetadata(metadataPathFor(opts.modelPath), lexicon.digest);
    }
    const bytes = readModel(opts.modelPath, meta);
    const { session, provider } = await createSessionWithFallback(ort, bytes, {
      executionProviders: opts.executionProviders,
      intraOpNumThreads: opts.intraOpNumThreads,
    });
    const labelType = meta.labels.map((l) => (l === 'O' ? undefined : (l.slice(2) as EntityType)));
    const labelBegin = meta.labels.map((l) => l.startsWith('B-'));
    const thresholds = new Map<EntityType, number>();
    for (const t of new Set(labelType.filter((x): x is EntityType => x !== undefined))) {
      const cal = opts.calibrated ? meta.calibration?.thresholds?.[t] : undefined;
      // A calibrated threshold above 1 switches the type off: measured to cost more precision
      // than it adds recall next to the rule-based detectors.
      const th = Math.max(opts.threshold, typeof cal === 'number' ? cal : 0);
      if (th <= 1) thresholds.set(t, th);
    }
    const types = [...thresholds.keys()];
    // Decoding weighs every type the model knows (also switched-off ones), so a token that is
    // mostly ORGANIZATION does not turn into a weak LOCATION when ORGANIZATION is off.
    const pairs = [...new Set(labelType.filter((x): x is EntityType => x !== undefined))].map((type) => ({
      type,
      b: meta.labels.indexOf(`B-${type}`),
      i: meta.labels.indexOf(`I-${type}`),
    }));
    const calKeep = opts.calibrated ? (meta.calibration as { stopWordScore?: unknown } | undefined)?.stopWordScore : undefined;
    const stopKeep = opts.stopWordScore ?? (typeof calKeep === 'number' ? calKeep : 2);
    return { ort, session, provider, meta, labelType, labelBegin, types, pairs, thresholds, lexicon, stop: opts.stopWords, stopKeep };
  }

  async function load(): Promise<void> {
    if (loaded) return;
    loading ??= doLoad().then(
      (l) => {
        loaded = l;
        return l;
      },
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    );
    await loading;
  }

  /**
   * Softmax probabilities [tokens * labels] for the whole text, via overlapping windows. With
   * `full` false, tokens that are certainly O (P(O) > 0.5) only get P(O) = 1 written: all that
   * decoding reads of them.
   */
  async function probabilities(
    l: Loaded,
    text: string,
    signal: AbortSignal | undefined,
    full: boolean,
  ): Promise<{ tokens: Tokens; probs: Float32Array }> {
    const { tokens, ids } = featurize(text, l.lexicon);
    const n = tokens.length;
    const L = l.meta.labels.length;
    // P(O) = 1 / (1 + sum_k exp(l_k - l_O)) > 1/2 when every l_k < l_O - ln(L - 1); a margin
    // of ln(L) (+ slack for float rounding) keeps the shortcut strictly on the O side.
    const oMargin = Math.log(L) + 1e-3;
    const probs = new Float32Array(n * L);
    if (n === 0) return { tokens, probs };
    const margin = l.meta.receptiveRadius;
    // Balanced windows: as few as fit `windowTokens`, all the same core size, so a batch is not
    // mostly padding (a 290-token note used to run as 256 + 34 tokens padded to 2 x 271 rows:
    // twice the work of one 290-token row).
    const core = Math.ceil(n / Math.ceil(n / Math.max(1, opts.windowTokens)));
    // Windows: [coreStart, coreEnd) kept, [winStart, winEnd) fed.
    const wins: { cs: number; ce: number; ws: number; we: number }[] = [];
    for (let cs = 0; cs < n; cs += core) {
      const ce = Math.min(n, cs + core);
      wins.push({ cs, ce, ws: Math.max(0, cs - margin), we: Math.min(n, ce + margin) });
    }
    const K = FEATURE_COUNT;
    for (let b = 0; b < wins.length; b += opts.batchSize) {
      if (signal?.aborted) break;
      const batch = wins.slice(b, b + opts.batchSize);
      const T = Math.max(...batch.map((w) => w.we - w.ws));
      const B = batch.length;
      // One window over the whole text (most calls: windowTokens covers a note): feed the ids
      // as they are, no copy.
      const whole = B === 1 && T === n;
      const x = whole ? ids : new Int32Array(B * T * K);
      const m = new Float32Array(B * T);
      if (whole) m.fill(1);
      else {
        batch.forEach((w, i) => {
          x.set(ids.subarray(w.ws * K, w.we * K), i * T * K);
          m.fill(1, i * T, i * T + (w.we - w.ws));
        });
      }
      let out: Float32Array;
      try {
        const res = await l.session.run({
          ids: new l.ort.Tensor('int32', x, [B, T, K]),
          mask: new l.ort.Tensor('float32', m, [B, T]),
        });
        out = (res['logits'] ?? Object.values(res)[0])?.data as Float32Array;
      } catch (err) {
        throw new DetectorError('ner', 'NER inference failed', { cause: scrubCause(err) });
      }
      for (let i = 0; i < B; i++) {
        const w = batch[i] as (typeof wins)[number];
        for (let t = w.cs; t < w.ce; t++) {
          const src = (i * T + (t - w.ws)) * L;
          const dst = t * L;
          const lo = out[src] as number;
          let max = lo;
          let maxOther = -Infinity;
          for (let k = 1; k < L; k++) {
            const v = out[src + k] as number;
            if (v > maxOther) maxOther = v;
          }
          if (maxOther > max) max = maxOther;
          // Most tokens are confidently O: when O's logit beats every other by more than
          // ln(L), P(O) > 0.5 for sure and decoding reads nothing else, so the softmax is
          // skipped (P(O) written as 1). tokenProbabilities() asks for the full softmax.
          if (!full && lo - maxOther > oMargin) {
            probs[dst] = 1;
            continue;
          }
          let sum = 0;
          for (let k = 0; k < L; k++) {
            const e = Math.exp((out[src + k] as number) - max);
            probs[dst + k] = e;
            sum += e;
          }
          for (let k = 0; k < L; k++) probs[dst + k] = (probs[dst + k] as number) / sum;
        }
      }
    }
    return { tokens, probs };
  }

  /**
   * BIO decoding over probabilities: a token is inside an entity when P(O) < 0.5; a new entity
   * starts on a word token whose best type has more B than I mass; an entity's type is the type
   * with the most B+I mass over its tokens. Punctuation at the edges is trimmed. Score = mean
   * over its tokens of 1 - P(O), compared with the type's (calibrated) threshold. One-word
   * NAME/LOCATION/ORGANIZATION entities that are stop words are dropped unless after a title.
   */
  function decode(l: Loaded, text: string, tokens: Tokens, probs: Float32Array, ctx: DetectContext | undefined): Entity[] {
    const L = l.meta.labels.length;
    const out: Entity[] = [];
    let cur: { first: number; last: number; sum: number; count: number; mass: Float64Array } | undefined;
    const flush = (): void => {
      if (!cur) return;
      // The entity's type is the one with the most B+I mass over all its tokens, so a run the
      // model labels B-ORGANIZATION I-LOCATION stays one entity instead of two fragments.
      let bi = 0;
      for (let k = 1; k < cur.mass.length; k++) if ((cur.mass[k] as number) > (cur.mass[bi] as number)) bi = k;
      const type = (l.pairs[bi] as { type: EntityType }).type;
      let a = cur.first;
      let z = cur.last;
      while (a <= z && !tokens.word[a]) a++;
      while (z >= a && !tokens.word[z]) z--;
      const score = cur.sum / cur.count;
      const th = l.thresholds.get(type);
      if (a <= z && th !== undefined && score >= th && (!ctx || ctx.types.has(type)) && !filteredOut(l, text, tokens, a, z, type, score)) {
        // Reported scores are capped below the rule-based detectors' confirmed ones: where a
        // model span overlaps a checksum- or cue-backed span, the pipeline's resolution keeps the
        // rule's type (a ZIP stays ZIP_CODE, a URL stays URL, a named facility ORGANIZATION).
        out.push({ type, start: tokens.starts[a] as number, end: tokens.ends[z] as number, score: Math.min(score, NER_MAX_SCORE), source: 'ner' });
      }
      cur = undefined;
    };
    for (let t = 0; t < tokens.length; t++) {
      const o = t * L;
      const pO = probs[o] as number;
      if (pO >= 0.5) {
        flush();
        continue;
      }
      let best = -1;
      let bestMass = -1;
      let bestBegin = false;
      for (let k = 0; k < l.pairs.length; k++) {
        const p = l.pairs[k] as { b: number; i: number };
        const b = p.b >= 0 ? (probs[o + p.b] as number) : 0;
        const i = p.i >= 0 ? (probs[o + p.i] as number) : 0;
        if (b + i > bestMass) {
          bestMass = b + i;
          best = k;
          bestBegin = b > i;
        }
      }
      if (best < 0) {
        flush();
        continue;
      }
      // A new entity starts where B outweighs I on a word token; punctuation never starts one.
      if (cur && bestBegin && tokens.word[t]) flush();
      if (!cur) cur = { first: t, last: t, sum: 0, count: 0, mass: new Float64Array(l.pairs.length) };
      cur.last = t;
      cur.sum += 1 - pO;
      cur.count++;
      for (let k = 0; k < l.pairs.length; k++) {
        const p = l.pairs[k] as { b: number; i: number };
        cur.mass[k] = (cur.mass[k] as number) + (p.b >= 0 ? (probs[o + p.b] as number) : 0) + (p.i >= 0 ? (probs[o + p.i] as number) : 0);
      }
    }
    flush();
    return out;
  }

  const detector: NerDetector = {
    id: 'ner',
    get types(): readonly EntityType[] {
      // Before load we cannot know the model's labels; advertise the trained set.
      return loaded?.types ?? ['NAME', 'LOCATION', 'ORGANIZATION', 'DATE', 'AGE', 'PHONE', 'OTHER_ID'];
    },
    get provider() {
      return loaded?.provider;
    },
    get metadata() {
      return loaded?.meta;
    },
    load,
    detect: async function detectNer(text: string, ctx: DetectContext): Promise<Entity[]> {
      if (typeof text !== 'string' || text.length === 0) return [];
      await load();
      const l = loaded as Loaded;
      try {
        const { tokens, probs } = await probabilities(l, text, ctx?.signal, false);
        if (ctx?.signal?.aborted) return [];
        return decode(l, text, tokens, probs, ctx);
      } catch (err) {
        if (err instanceof PhiGuardError) throw err;
        throw new DetectorError('ner', 'NER detection failed', { cause: scrubCause(err) });
      }
    },
    tokenProbabilities: async function tokenProbabilities(text: string) {
      await load();
      const l = loaded as Loaded;
      const { tokens, probs } = await probabilities(l, text, undefined, true);
      return { tokens, probs, labels: l.meta.labels };
    },
  };
  Object.defineProperty(detector, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => `NerDetector { provider: ${loaded?.provider ?? 'not loaded'} }`,
  });
  return detector;
}

/** True when onnxruntime-node imports and the default (or given) model file is present. */
export async function nerAvailable(modelPath: string = DEFAULT_MODEL_PATH): Promise<boolean> {
  if (!existsSync(modelPath) || !existsSync(metadataPathFor(modelPath))) return false;
  return (await loadOrt()) !== undefined;
}

export const nerDetectorFactory: DetectorFactory = {
  id: 'ner',
  description: 'Small PHI NER model (ONNX, onnxruntime-node): names, places, organizations, dates',
  available: () => nerAvailable(),
  create: (options: unknown) => createNerDetector(options as NerOptions | undefined),
};
