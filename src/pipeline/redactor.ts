import { ConfigError, DetectorError, InputError, PhiGuardError, TimeoutError, scrubCause } from '../errors.js';
import { getDetectorFactory, listDetectorFactories } from '../detectors/registry.js';
import '../detectors/builtins.js';
import { resolveOperatorOption, type OperatorOption } from '../operators/index.js';
import { PLACEHOLDER_STATE_KEY, isPlaceholderMap, type PlaceholderMap } from '../operators/placeholder.js';
import { ENTITY_TYPES, isEntityType, type DetectContext, type Detector, type Entity, type EntityType, type OperatorContext } from '../types.js';
import { ceilBoundary, floorBoundary } from '../utils/text.js';
import { createContextEnhancer, type ContextOptions } from './context.js';
import { compileAllowList, compileDenyList, type DenyTerm } from './lists.js';
import { RESOLUTION_STRATEGIES, resolveOverlaps, type ResolutionStrategy } from './resolve.js';
import { createCustomPatternDetector, type CustomPattern, type CustomPatternOptions } from '../detectors/custom/index.js';
import { dropInsideOperatorTokens } from './tokens.js';

/**
 * The pipeline, in its fixed order (this file is the one place it is written down):
 *
 *   1. input checks       string, size cap                      -> InputError
 *   2. detect             every configured detector; each one validates its own candidates
 *                         with checksum hooks (confirmed / rejected / no opinion); candidates
 *                         reaching into phi-guard's own tokens (`[NAME]`, `[NAME_1]`) are trimmed
 *   3. type filter        keep `options.types`
 *   4. context            cue words before a candidate raise its score
 *   5. resolve overlaps   the named strategy (`merge` by default), among the candidates that
 *                         reach `options.threshold` (6): a weak candidate never displaces
 *                         (`longest`, `highest-score`) or widens (`merge`) a strong one
 *   6. threshold          drop candidates scoring below `options.threshold`
 *   7. allow / deny       drop allow-listed values; add deny-listed terms (and resolve again)
 *   8. operate            replacements computed in order of appearance (so placeholder numbers
 *                         follow the text) and spliced from end to start
 *
 * Any detector failure or a passed deadline fails the whole call: nothing is returned that might
 * have been left unredacted.
 */

export interface RedactorOptions {
  /**
   * Detector families to run, by id (`'patterns'`, `'phone'`, `'nlp'`, `'dictionary'`, `'ner'`),
   * or Detector objects of your own. @default every registered family that is available here
   */
  detectors?: readonly (string | Detector)[];
  /** Per-family options, keyed by detector id, e.g. `{ phone: { defaultRegion: 'GB' } }`. */
  detectorOptions?: Readonly<Record<string, unknown>>;
  /** Only report these entity types. @default all of ENTITY_TYPES */
  types?: readonly EntityType[];
  /** Minimum score (0..1) for an entity to be reported. @default 0.5 */
  threshold?: number;
  /** Values never redacted (case-insensitive whole-value match). @default [] */
  allow?: readonly string[];
  /** Terms always redacted as whole words (case-insensitive). @default [] */
  deny?: readonly (string | DenyTerm)[];
  /** How to replace entities. @default 'tag' */
  operator?: OperatorOption;
  /** Overlap resolution strategy. @default 'merge' */
  resolution?: ResolutionStrategy;
  /** Context enhancement settings; `false` turns the step off. @default DEFAULT_CONTEXT_WORDS, window 40, boost 0.3 */
  context?: ContextOptions | false;
  /** Largest input accepted, in UTF-16 code units. @default 10_000_000 */
  maxInputLength?: number;
  /** Deadline for one call's detection in ms; passing it fails the call (E_TIMEOUT). @default none */
  timeoutMs?: number;
  /**
   * Your own patterns (RE2 syntax, linear time), run after the other detectors as detector
   * `custom`; tune it with `detectorOptions.custom` (`maxMatchLength`, `contextWindow`,
   * `contextBoost`). A bad pattern is a ConfigError naming it.
   * @example [{ name: 'employee-id', pattern: 'EMP-\\d{6}', type: 'OTHER_ID', context: ['employee'] }]
   * @default []
   */
  customPatterns?: readonly CustomPattern[];
}

export interface RedactCallOptions {
  /** Overrides the redactor's operator for this call. */
  operator?: OperatorOption;
  /**
   * Placeholder mapping to use (and fill) for this call, so numbering stays consistent across
   * several texts and originals can be restored with `map.restore(text)`.
   */
  placeholders?: PlaceholderMap;
}

export interface RedactionResult {
  text: string;
  entities: Entity[];
}

export interface Redactor {
  /** Ids of the detectors this redactor runs, in order. */
  readonly detectors: readonly string[];
  detect(text: string): Promise<Entity[]>;
  redact(text: string, options?: RedactCallOptions): Promise<RedactionResult>;
}

const DEFAULT_MAX_INPUT = 10_000_000;

function checkInput(text: unknown, max: number): asserts text is string {
  if (typeof text !== 'string') {
    throw new InputError('E_INPUT_TYPE', `Expected a string, got ${text === null ? 'null' : typeof text}`);
  }
  if (text.length > max) {
    throw new InputError('E_INPUT_TOO_LARGE', `Input is ${text.length} code units; the maximum is ${max}`);
  }
}

function validateOptions(options: RedactorOptions): void {
  if (typeof options !== 'object' || options === null) throw new ConfigError('options', 'an object');
  const { threshold, types, resolution, maxInputLength, timeoutMs, allow, deny, detectors } = options;
  if (threshold !== undefined && (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1))) {
    throw new ConfigError('threshold', 'a number between 0 and 1');
  }
  if (types !== undefined) {
    if (!Array.isArray(types)) throw new ConfigError('types', 'an array of entity types');
    for (const t of types) if (!isEntityType(t)) throw new ConfigError('types', `entity types from ENTITY_TYPES (unknown: ${String(t).slice(0, 40)})`);
  }
  if (resolution !== undefined && !RESOLUTION_STRATEGIES.includes(resolution)) {
    throw new ConfigError('resolution', `one of ${RESOLUTION_STRATEGIES.join(', ')}`);
  }
  if (maxInputLength !== undefined && !(Number.isInteger(maxInputLength) && maxInputLength > 0)) {
    throw new ConfigError('maxInputLength', 'a positive integer');
  }
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0 && Number.isFinite(timeoutMs))) {
    throw new ConfigError('timeoutMs', 'a positive number of milliseconds');
  }
  if (allow !== undefined && (!Array.isArray(allow) || allow.some((a) => typeof a !== 'string'))) {
    throw new ConfigError('allow', 'an array of strings');
  }
  if (deny !== undefined) {
    if (!Array.isArray(deny)) throw new ConfigError('deny', 'an array of strings or { term, type }');
    for (const d of deny) {
      const term = typeof d === 'string' ? d : d?.term;
      if (typeof term !== 'string' || term.trim() === '') throw new ConfigError('deny', 'non-empty terms');
      if (typeof d === 'object' && d.type !== undefined && !isEntityType(d.type)) throw new ConfigError('deny.type', 'an entity type');
    }
  }
  if (detectors !== undefined && !Array.isArray(detectors)) {
    throw new ConfigError('detectors', 'an array of detector ids or Detector objects');
  }
  if (options.customPatterns !== undefined && !Array.isArray(options.customPatterns)) {
    throw new ConfigError('customPatterns', 'an array of { name, pattern, type }');
  }
}

async function buildDetectors(options: RedactorOptions): Promise<Detector[]> {
  const wanted = options.detectors;
  const out: Detector[] = [];
  const perId = options.detectorOptions ?? {};
  if (wanted === undefined) {
    for (const f of listDetectorFactories()) {
      if (await f.available()) out.push(await f.create(perId[f.id]));
    }
  } else {
    const seen = new Set<string>();
    for (const d of wanted) {
      if (typeof d === 'string') {
        const f = getDetectorFactory(d);
        if (!f) {
          const known = listDetectorFactories().map((x) => x.id).join(', ');
          throw new ConfigError('detectors', `known detector ids (${known}); unknown id "${d.slice(0, 40)}"`);
        }
        if (seen.has(d)) continue;
        seen.add(d);
        if (!(await f.available())) {
          throw new DetectorError(d, `Detector "${d}" is not available in this environment`, { code: 'E_DETECTOR_UNAVAILABLE' });
        }
        out.push(await f.create(perId[d]));
      } else if (d && typeof d === 'object' && typeof d.detect === 'function' && typeof d.id === 'string') {
        out.push(d);
      } else {
        throw new ConfigError('detectors', 'detector ids or objects with id, types and detect()');
      }
    }
  }
  for (const d of out) {
    if (d.load) {
      try {
        await d.load();
      } catch (err) {
        if (err instanceof PhiGuardError) throw err;
        throw new DetectorError(d.id, `Detector "${d.id}" failed to load`, { cause: scrubCause(err), code: 'E_DETECTOR_UNAVAILABLE' });
      }
    }
  }
  return out;
}

/**
 * One call's DetectContext. Its `shared` scratch map is made on first read: most detector sets
 * never read it, and a Map per call showed in allocation profiles of 1 KB texts. (A class, so the
 * getter lives on the prototype: an object literal with a getter costs a closure per call.)
 */
class CallContext implements DetectContext {
  #shared: Map<string, unknown> | undefined;
  constructor(
    readonly types: ReadonlySet<EntityType>,
    readonly signal: AbortSignal | undefined,
  ) {}
  get shared(): Map<string, unknown> {
    return (this.#shared ??= new Map());
  }
}

/** The operators' per-call state, made on first use (tag, mask and remove never read it). */
class CallState {
  #map: Map<string, unknown> | undefined;
  constructor(private readonly placeholders: PlaceholderMap | undefined) {}
  get map(): Map<string, unknown> {
    if (!this.#map) {
      this.#map = new Map<string, unknown>();
      if (this.placeholders) this.#map.set(PLACEHOLDER_STATE_KEY, this.placeholders);
    }
    return this.#map;
  }
}

class OpContext implements OperatorContext {
  readonly #state: CallState;
  constructor(
    readonly entity: Entity,
    readonly text: string,
    state: CallState,
  ) {
    this.#state = state;
  }
  get state(): Map<string, unknown> {
    return this.#state.map;
  }
}

/** Create a redactor. Validates every option once and loads the detectors. */
export async function createRedactor(options: RedactorOptions = {}): Promise<Redactor> {
  validateOptions(options);
  const threshold = options.threshold ?? 0.5;
  const strategy = options.resolution ?? 'merge';
  const maxInput = options.maxInputLength ?? DEFAULT_MAX_INPUT;
  const typeSet: ReadonlySet<EntityType> = new Set(options.types ?? ENTITY_TYPES);
  const operatorFor = resolveOperatorOption(options.operator);
  const enhance = options.context === false ? undefined : createContextEnhancer(options.context ?? {});
  const isAllowed = compileAllowList(options.allow ?? []);
  const hasAllow = (options.allow ?? []).length > 0;
  const hasDeny = (options.deny ?? []).length > 0;
  const findDenied = compileDenyList((options.deny ?? []).map((d) => (typeof d === 'string' ? { term: d } : d)));
  const detectors = await buildDetectors(options);
  if (options.customPatterns !== undefined && options.customPatterns.length > 0) {
    // Compiled once here; freed by a FinalizationRegistry when the redactor is collected.
    const customOptions = (options.detectorOptions?.custom ?? {}) as CustomPatternOptions;
    detectors.push(createCustomPatternDetector(options.customPatterns, customOptions));
  }
  const timeoutMs = options.timeoutMs;

  // Detectors that can report a wanted type, fixed at creation (the type set never changes).
  const active = detectors.filter((d) => d.types.some((t) => typeSet.has(t)));
  const allTypes = ENTITY_TYPES.every((t) => typeSet.has(t));

  /**
   * Every detector's candidates, clamped and checked. Built-in detectors are synchronous, and so
   * is this call while every detector so far returned a plain array: the rest continues in
   * runAsync from the first detector that returned a promise. (An async function per call, and an
   * await per detector, cost a promise and a microtask turn each: measurable on 1 KB texts.)
   */
  function runDetectors(text: string, signal: AbortSignal | undefined): Entity[] | Promise<Entity[]> {
    const ctx: DetectContext = new CallContext(typeSet, signal);
    const all: Entity[] = [];
    for (let k = 0; k < active.length; k++) {
      const d = active[k] as Detector;
      let r: Entity[] | Promise<Entity[]>;
      try {
        r = d.detect(text, ctx);
      } catch (err) {
        throw detectorFailure(d, err);
      }
      if (typeof (r as { then?: unknown }).then === 'function') return runAsync(text, signal, ctx, all, k, r as Promise<Entity[]>);
      collect(text, signal, d, r as Entity[], all);
    }
    return all;
  }

  async function runAsync(text: string, signal: AbortSignal | undefined, ctx: DetectContext, all: Entity[], from: number, pending: Promise<Entity[]>): Promise<Entity[]> {
    for (let k = from; k < active.length; k++) {
      const d = active[k] as Detector;
      let found: Entity[];
      try {
        const r = k === from ? pending : d.detect(text, ctx);
        found = typeof (r as { then?: unknown }).then === 'function' ? await r : (r as Entity[]);
      } catch (err) {
        throw detectorFailure(d, err);
      }
      collect(text, signal, d, found, all);
    }
    return all;
  }

  function detectorFailure(d: Detector, err: unknown): Error {
    if (err instanceof PhiGuardError) return err;
    return new DetectorError(d.id, `Detector "${d.id}" failed`, { cause: scrubCause(err) });
  }

  /** Append one detector's candidates to `all`, clamped to the text and its code points. */
  function collect(text: string, signal: AbortSignal | undefined, d: Detector, found: readonly Entity[], all: Entity[]): void {
    if (signal?.aborted) throw new TimeoutError(`Detection exceeded ${timeoutMs} ms`);
    const n = text.length;
    for (const e of found) {
      if (!allTypes && !typeSet.has(e.type)) continue;
      let start = e.start;
      let end = e.end;
      // Defensive: clamp to the text and to code-point boundaries; drop empty spans. The
      // common case (integer offsets in range) skips the clamping arithmetic.
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= n)) {
        start = Math.max(0, Math.min(n, Math.floor(start)));
        end = Math.max(0, Math.min(n, Math.ceil(end)));
      }
      start = floorBoundary(text, start);
      end = ceilBoundary(text, end);
      const score = e.score;
      if (!(end > start) || !Number.isFinite(score)) continue;
      all.push({ type: e.type, start, end, score: score < 0 ? 0 : score > 1 ? 1 : score, source: e.source || d.id });
    }
  }

  function detectWithDeadline(text: string): Entity[] | Promise<Entity[]> {
    if (timeoutMs === undefined) return runDetectors(text, undefined);
    return raceDeadline(text, timeoutMs);
  }

  async function raceDeadline(text: string, timeoutMs: number): Promise<Entity[]> {
    const ac = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        ac.abort();
        reject(new TimeoutError(`Detection exceeded ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([runDetectors(text, ac.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** detect() without the promise when every detector is synchronous (redact() awaits it once). */
  function detectAny(text: string): Entity[] | Promise<Entity[]> {
    checkInput(text, maxInput);
    if (text.length === 0) return [];
    const found = detectWithDeadline(text);
    return Array.isArray(found) ? finish(text, found) : found.then((f) => finish(text, f));
  }

  async function detect(text: string): Promise<Entity[]> {
    return detectAny(text);
  }

  function finish(text: string, found: Entity[]): Entity[] {
    // Candidates are trimmed out of phi-guard's own tokens ([NAME], [NAME_1]): keeps redaction
    // idempotent (see tokens.ts).
    let entities = dropInsideOperatorTokens(text, found);
    if (enhance) entities = enhance(text, entities);
    // Threshold first: resolving before it let a long weak candidate win under `longest` and
    // then be dropped, taking the strong one it displaced with it (fail open).
    entities = resolveOverlaps(threshold > 0 ? entities.filter((e) => e.score >= threshold) : entities, strategy);
    if (hasAllow) entities = entities.filter((e) => !isAllowed(text, e));
    if (hasDeny) {
      const denied = findDenied(text).filter((e) => typeSet.has(e.type));
      if (denied.length > 0) entities = resolveOverlaps([...entities, ...denied], strategy);
    }
    return entities;
  }

  async function redact(text: string, callOptions: RedactCallOptions = {}): Promise<RedactionResult> {
    const found = detectAny(text);
    const entities = Array.isArray(found) ? found : await found;
    const opFor = callOptions.operator === undefined ? operatorFor : resolveOperatorOption(callOptions.operator);
    if (callOptions.placeholders !== undefined && !isPlaceholderMap(callOptions.placeholders)) {
      throw new ConfigError('placeholders', 'a PlaceholderMap from createPlaceholderMap()');
    }
    if (entities.length === 0) return { text, entities };
    const state = new CallState(callOptions.placeholders);
    // Replacements are computed in order of appearance (placeholder numbering follows the
    // text), then spliced from end to start so every offset still points into the original.
    // Pieces are collected and joined once: repeated string splicing would be quadratic.
    const replacements = entities.map((entity) => opFor(entity.type).apply(text.slice(entity.start, entity.end), new OpContext(entity, text, state)));
    const pieces = new Array<string>(2 * entities.length + 1);
    let tail = text.length;
    for (let i = entities.length - 1; i >= 0; i--) {
      const e = entities[i] as Entity;
      pieces[2 * i + 2] = text.slice(e.end, tail);
      pieces[2 * i + 1] = replacements[i] as string;
      tail = e.start;
    }
    pieces[0] = text.slice(0, tail);
    const out = pieces.join('');
    return { text: out, entities };
  }

  const redactor: Redactor = {
    detectors: Object.freeze(detectors.map((d) => d.id)),
    detect,
    redact,
  };
  Object.defineProperty(redactor, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => `Redactor { detectors: [${detectors.map((d) => d.id).join(', ')}] }`,
  });
  return Object.freeze(redactor);
}

let defaultRedactor: Promise<Redactor> | undefined;

/**
 * One-shot convenience. Without options it reuses a shared default redactor; with options it
 * builds one per call (build your own with createRedactor for repeated use).
 */
export async function redact(text: string, options?: RedactorOptions & RedactCallOptions): Promise<RedactionResult> {
  if (options === undefined) {
    defaultRedactor ??= createRedactor().catch((err: unknown) => {
      defaultRedactor = undefined;
      throw err;
    });
    return (await defaultRedactor).redact(text);
  }
  const { placeholders, ...rest } = options;
  const r = await createRedactor(rest);
  return r.redact(text, placeholders ? { placeholders } : {});
}
