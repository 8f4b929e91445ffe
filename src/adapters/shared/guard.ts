import { ConfigError } from '../../errors.js';
import { createPlaceholderMap, exportPlaceholderEntries, type PlaceholderMap } from '../../operators/placeholder.js';
import { createRedactor, type Redactor, type RedactorOptions } from '../../pipeline/redactor.js';
import type { EntityType } from '../../types.js';
import type { RedactStreamOptions } from '../../stream/redact.js';
import type { RestoreStreamOptions } from '../../stream/restore.js';
import { GuardHttpError, toHttpError, type ViolationSummary } from './errors.js';
import { compileFieldSelection, toPointer, type FieldSelection } from './fields.js';
import { formatCounts, isJsonContentType, requestIdFrom } from './headers.js';
import { collectStrings, parseJson, setAt, spliceStrings, type StringLeaf } from './json.js';
import type { PlaceholderVault } from './vault.js';
import { createPromptValidator } from '../../validate/index.js';
import type { PromptPolicy } from '../../validate/types.js';

/**
 * The part every adapter shares: option validation, body checks and parsing, field selection,
 * validation hook, redaction into one per-request placeholder map (optionally continued from a
 * vault), entity counts. Adapters only translate their request/response types to and from this.
 */

/** What a prompt check returns (the shape of validatePrompt's result). */
export interface PromptCheckResult {
  ok: boolean;
  violations: readonly { code: string; rule?: string; severity?: string; start?: number; end?: number }[];
  score?: number;
}
export type PromptCheck = (text: string) => PromptCheckResult | Promise<PromptCheckResult>;

export type ResponseMode = 'restore' | 'redact' | 'off';

export interface GuardOptions
  extends Pick<RedactorOptions, 'detectors' | 'detectorOptions' | 'types' | 'threshold' | 'allow' | 'deny' | 'context' | 'resolution'> {
  /** A redactor to use instead of building one from the detector options above. */
  redactor?: Redactor | Promise<Redactor>;
  /** Which JSON strings to redact. @default 'llm' (LLM_REQUEST_FIELDS) */
  fields?: FieldSelection;
  /** Largest request body in bytes (413 E_BODY_TOO_LARGE). @default 1_048_576 */
  maxBodyBytes?: number;
  /** Deepest JSON nesting (400 E_BODY_TOO_DEEP). @default 64 */
  maxDepth?: number;
  /** Most JSON strings, keys included (413 E_BODY_TOO_MANY_STRINGS). @default 10_000 */
  maxStrings?: number;
  /** Deadline for redacting one request body, ms (503 E_TIMEOUT). @default 10_000 */
  timeoutMs?: number;
  /**
   * Prompt validation before redaction, on every selected field the caller wrote (not system /
   * developer / assistant messages, `system` or `instructions`): `true` runs validatePrompt's
   * default policy, an object is a PromptPolicy, a function `(text) => { ok, violations }` is
   * your own check. A failure answers 422 E_PROMPT_REJECTED with the violation codes. @default false
   */
  validate?: boolean | PromptPolicy | PromptCheck;
  /** What to do with response text (ignored by the Express middleware). */
  response?: ResponseMode;
  /** Holdback tuning for streamed responses. */
  stream?: RestoreStreamOptions & RedactStreamOptions;
  /** Keeps placeholder mappings across the requests of a conversation. @default none */
  vault?: PlaceholderVault;
  /**
   * The conversation a request belongs to, for the vault. Bind it to the authenticated caller:
   * whoever can name a conversation can have its placeholders restored. @default none (required with vault)
   */
  conversationKey?: (headers: Headers) => string | undefined | Promise<string | undefined>;
  /** How long a conversation's mapping is kept, ms. @default 1_800_000 (30 min) */
  vaultTtlMs?: number;
  /** Request id header (read if plain, else generated; set on responses). `false`: none. @default 'x-request-id' */
  requestIdHeader?: string | false;
  /** Response header carrying entity counts by type. `false`: none. @default 'x-phi-guard-entities' */
  countsHeader?: string | false;
  /** Largest buffered (non-streamed) response body processed, bytes (502 beyond). @default 10_485_760 */
  maxResponseBytes?: number;
}

export const DEFAULT_GUARD_OPTIONS = {
  fields: 'llm',
  maxBodyBytes: 1_048_576,
  maxDepth: 64,
  maxStrings: 10_000,
  timeoutMs: 10_000,
  vaultTtlMs: 1_800_000,
  requestIdHeader: 'x-request-id',
  countsHeader: 'x-phi-guard-entities',
  maxResponseBytes: 10_485_760,
} as const;

/** What one request's redaction produced; adapters expose it to the app. Never holds text. */
export interface GuardScope {
  readonly requestId: string;
  /** Entities redacted, by type. */
  readonly counts: Readonly<Partial<Record<EntityType, number>>>;
  readonly total: number;
  /** Number of JSON strings that were redacted (changed). */
  readonly fieldsRedacted: number;
  /** Put this request's originals back into text (e.g. the model's answer). */
  restore(text: string): string;
  /** @internal the mapping; not enumerable. */
  readonly map: PlaceholderMap;
}

export interface GuardedBody {
  scope: GuardScope;
  /** The redacted JSON text (original bytes except for the redacted strings). */
  text: string;
  /** The redacted value. */
  value: unknown;
}

export interface Guard {
  readonly options: Readonly<ResolvedGuardOptions>;
  redactor(): Promise<Redactor>;
  /** 415 unless the content type is JSON (UTF-8) and the body is not compressed. */
  checkHeaders(headers: Headers): void;
  /** Decode, parse, check, validate and redact a raw JSON body. */
  processRaw(raw: Uint8Array | string, headers: Headers, requestId: string): Promise<GuardedBody>;
  /** The same for a value another parser produced (Express's req.body). */
  processValue(value: unknown, headers: Headers, requestId: string): Promise<GuardedBody>;
  /** A scope for a request without a body (nothing redacted). */
  emptyScope(requestId: string): GuardScope;
  requestId(headers: Headers): string;
  /** Headers to add to the response: request id and counts. */
  responseHeaders(scope: GuardScope): [string, string][];
}

export interface ResolvedGuardOptions {
  maxBodyBytes: number;
  maxDepth: number;
  maxStrings: number;
  timeoutMs: number;
  response: ResponseMode;
  stream: RestoreStreamOptions & RedactStreamOptions;
  requestIdHeader: string | false;
  countsHeader: string | false;
  maxResponseBytes: number;
}

function posInt(name: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw new ConfigError(name, 'a positive integer');
  return v;
}

function headerName(name: string, v: unknown, fallback: string): string | false {
  if (v === undefined) return fallback;
  if (v === false) return false;
  if (typeof v !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(v)) throw new ConfigError(name, 'a header name or false');
  return v.toLowerCase();
}

// Stateless for one-shot decode calls, so one instance serves every request.
const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });

const REDACTOR_KEYS = ['detectors', 'detectorOptions', 'types', 'threshold', 'allow', 'deny', 'context', 'resolution'] as const;

/** Build the shared guard. Validates every option now; the redactor loads in the background. */
export function createGuard(options: GuardOptions = {}, defaults: { response: ResponseMode }): Guard {
  if (typeof options !== 'object' || options === null) throw new ConfigError('options', 'an object');
  const matchField = compileFieldSelection(options.fields);
  const resolved: ResolvedGuardOptions = {
    maxBodyBytes: posInt('maxBodyBytes', options.maxBodyBytes, DEFAULT_GUARD_OPTIONS.maxBodyBytes),
    maxDepth: posInt('maxDepth', options.maxDepth, DEFAULT_GUARD_OPTIONS.maxDepth),
    maxStrings: posInt('maxStrings', options.maxStrings, DEFAULT_GUARD_OPTIONS.maxStrings),
    timeoutMs: posInt('timeoutMs', options.timeoutMs, DEFAULT_GUARD_OPTIONS.timeoutMs),
    response: options.response ?? defaults.response,
    stream: options.stream ?? {},
    requestIdHeader: headerName('requestIdHeader', options.requestIdHeader, DEFAULT_GUARD_OPTIONS.requestIdHeader),
    countsHeader: headerName('countsHeader', options.countsHeader, DEFAULT_GUARD_OPTIONS.countsHeader),
    maxResponseBytes: posInt('maxResponseBytes', options.maxResponseBytes, DEFAULT_GUARD_OPTIONS.maxResponseBytes),
  };
  if (!['restore', 'redact', 'off'].includes(resolved.response)) throw new ConfigError('response', "'restore', 'redact' or 'off'");
  if (typeof resolved.stream !== 'object' || resolved.stream === null) throw new ConfigError('stream', 'an object');
  const vaultTtl = posInt('vaultTtlMs', options.vaultTtlMs, DEFAULT_GUARD_OPTIONS.vaultTtlMs);
  const { vault, conversationKey } = options;
  if (vault !== undefined && (typeof vault?.get !== 'function' || typeof vault?.set !== 'function')) {
    throw new ConfigError('vault', 'an object with get(key) and set(key, entries, ttlMs)');
  }
  if (vault !== undefined && typeof conversationKey !== 'function') {
    throw new ConfigError('conversationKey', 'a function (headers) => key, required with vault');
  }
  const check = resolveValidate(options.validate);

  // The redactor: given, or built from the detector options. Built eagerly so the first request
  // does not pay for loading; a failure surfaces per request as 503 (fail closed).
  let redactorPromise: Promise<Redactor>;
  if (options.redactor !== undefined) {
    const clash = REDACTOR_KEYS.find((k) => options[k] !== undefined);
    if (clash) throw new ConfigError(clash, 'not set together with redactor');
    redactorPromise = Promise.resolve(options.redactor);
  } else {
    const ro: RedactorOptions = {};
    for (const k of REDACTOR_KEYS) if (options[k] !== undefined) (ro as Record<string, unknown>)[k] = options[k];
    redactorPromise = createRedactor(ro);
  }
  redactorPromise.catch(() => undefined); // reported per request, not as an unhandled rejection

  function makeScope(requestId: string, map: PlaceholderMap, counts: Partial<Record<EntityType, number>>, fields: number): GuardScope {
    let total = 0;
    for (const n of Object.values(counts)) total += n ?? 0;
    const scope = {
      requestId,
      counts: Object.freeze({ ...counts }),
      total,
      fieldsRedacted: fields,
      restore: function restoreScope(text: string) {
        return map.restore(text);
      },
    } as GuardScope;
    Object.defineProperty(scope, 'map', { value: map, enumerable: false });
    return Object.freeze(scope);
  }

  async function mapFor(headers: Headers): Promise<{ map: PlaceholderMap; key?: string }> {
    if (!vault || !conversationKey) return { map: createPlaceholderMap() };
    let key: string | undefined;
    try {
      key = await conversationKey(headers);
      if (key === undefined || key === '') return { map: createPlaceholderMap() };
      const entries = await vault.get(key);
      return { map: createPlaceholderMap(entries ?? []), key };
    } catch (err) {
      throw new GuardHttpError('E_VAULT', undefined, { cause: toHttpError(err) });
    }
  }

  async function runChecks(leaves: StringLeaf[], root: unknown): Promise<void> {
    if (!check) return;
    const violations: ViolationSummary[] = [];
    for (const leaf of leaves) {
      if (!isCallerText(root, leaf.path)) continue;
      let res: PromptCheckResult;
      try {
        res = await check(leaf.value);
      } catch {
        throw new GuardHttpError('E_INTERNAL', 'the validate hook failed');
      }
      if (res && res.ok === false) {
        for (const v of res.violations ?? []) {
          const s: ViolationSummary = { code: String(v.code), field: toPointer(leaf.path) };
          if (v.rule !== undefined) s.rule = String(v.rule);
          if (v.severity !== undefined) s.severity = String(v.severity);
          if (typeof v.start === 'number') s.start = v.start;
          if (typeof v.end === 'number') s.end = v.end;
          violations.push(s);
        }
        if (violations.length === 0) violations.push({ code: 'PROMPT_REJECTED', field: toPointer(leaf.path) });
      }
    }
    if (violations.length > 0) throw new GuardHttpError('E_PROMPT_REJECTED', undefined, { violations });
  }

  async function redactLeaves(leaves: StringLeaf[], root: unknown, headers: Headers, requestId: string) {
    const selected = leaves.filter((l) => matchField(l.path));
    await runChecks(selected, root);
    let redactor: Redactor;
    try {
      redactor = await redactorPromise;
    } catch (err) {
      throw toHttpError(err);
    }
    const { map, key } = await mapFor(headers);
    const counts: Partial<Record<EntityType, number>> = {};
    const edits: { leaf: StringLeaf; value: string }[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new GuardHttpError('E_TIMEOUT', `over ${resolved.timeoutMs} ms`)), resolved.timeoutMs);
    });
    try {
      // In document order, one map: numbering follows order of appearance across fields.
      const work = (async () => {
        for (const leaf of selected) {
          if (leaf.value.length === 0) continue;
          const res = await redactor.redact(leaf.value, { operator: 'placeholder', placeholders: map });
          for (const e of res.entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
          if (res.text !== leaf.value) edits.push({ leaf, value: res.text });
        }
      })();
      work.catch(() => undefined);
      await Promise.race([work, deadline]);
    } catch (err) {
      throw toHttpError(err);
    } finally {
      clearTimeout(timer);
    }
    if (vault && key !== undefined) {
      try {
        await vault.set(key, exportPlaceholderEntries(map), vaultTtl);
      } catch (err) {
        throw new GuardHttpError('E_VAULT', undefined, { cause: toHttpError(err) });
      }
    }
    return { scope: makeScope(requestId, map, counts, edits.length), edits };
  }

  const guard: Guard = {
    options: Object.freeze(resolved),
    redactor: () => redactorPromise,
    checkHeaders: function checkHeaders(headers) {
      const enc = headers.get('content-encoding');
      if (enc && enc.trim().toLowerCase() !== 'identity') throw new GuardHttpError('E_CONTENT_ENCODING');
      if (!isJsonContentType(headers.get('content-type'))) throw new GuardHttpError('E_CONTENT_TYPE');
    },
    processRaw: async function processRaw(raw, headers, requestId) {
      let text: string;
      if (typeof raw === 'string') text = raw;
      else {
        if (raw.byteLength > resolved.maxBodyBytes) throw new GuardHttpError('E_BODY_TOO_LARGE', `over ${resolved.maxBodyBytes} bytes`);
        try {
          text = UTF8_FATAL.decode(raw);
        } catch {
          throw new GuardHttpError('E_BODY_ENCODING');
        }
      }
      const parsed = parseJson(text, resolved);
      const { scope, edits } = await redactLeaves(parsed.strings, parsed.value, headers, requestId);
      let value = parsed.value;
      for (const e of edits) value = setAt(value, e.leaf.path, e.value);
      const out = spliceStrings(text, edits.map((e) => ({ start: e.leaf.start, end: e.leaf.end, value: e.value })));
      return { scope, text: out, value };
    },
    processValue: async function processValue(value, headers, requestId) {
      const leaves = collectStrings(value, resolved);
      const { scope, edits } = await redactLeaves(leaves, value, headers, requestId);
      let v = value;
      for (const e of edits) v = setAt(v, e.leaf.path, e.value);
      return { scope, text: JSON.stringify(v), value: v };
    },
    emptyScope: (requestId) => makeScope(requestId, createPlaceholderMap(), {}, 0),
    requestId: function requestId(headers) {
      return requestIdFrom(resolved.requestIdHeader ? headers.get(resolved.requestIdHeader) : undefined);
    },
    responseHeaders: function responseHeaders(scope) {
      const out: [string, string][] = [];
      if (resolved.requestIdHeader) out.push([resolved.requestIdHeader, scope.requestId]);
      if (resolved.countsHeader) out.push([resolved.countsHeader, formatCounts(scope.counts)]);
      return out;
    },
  };
  return guard;
}

function resolveValidate(v: GuardOptions['validate']): PromptCheck | undefined {
  if (v === undefined || v === false) return undefined;
  if (typeof v === 'function') return v;
  if (v === true) return createPromptValidator();
  if (typeof v === 'object' && v !== null) return createPromptValidator(v);
  throw new ConfigError('validate', 'true, a PromptPolicy object or a function (text) => { ok, violations }');
}

/** Roles whose text the application wrote: not validated as user input. */
const APP_ROLES = new Set(['system', 'developer', 'assistant']);

/** True when the leaf is text the caller (or a tool) supplied, as opposed to the app's own prompt. */
function isCallerText(root: unknown, path: StringLeaf['path']): boolean {
  const top = path[0];
  if (top === 'system' || top === 'instructions') return false;
  if ((top === 'messages' || top === 'input') && typeof path[1] === 'number' && root && typeof root === 'object') {
    const list = (root as Record<string, unknown>)[top];
    const msg = Array.isArray(list) ? (list[path[1]] as { role?: unknown } | undefined) : undefined;
    if (msg && typeof msg === 'object' && typeof msg.role === 'string' && APP_ROLES.has(msg.role)) return false;
  }
  return true;
}

/** True when a request carries a body worth inspecting. */
export function hasBody(method: string, headers: Headers): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return false;
  const len = headers.get('content-length');
  if (len !== null) return len.trim() !== '0';
  return headers.has('transfer-encoding') || headers.has('content-type');
}

/**
 * Read a request body, failing with 413 as soon as it passes `max` bytes. A declared length
 * within the limit is read in one go (`arrayBuffer()`: runtimes such as @hono/node-server have a
 * fast path for it that skips building a Web stream) and checked again after reading.
 */
export async function readRequestBody(request: Request, max: number): Promise<Uint8Array> {
  const len = request.headers.get('content-length');
  if (len !== null && /^\d+$/.test(len.trim())) {
    if (Number(len) > max) {
      await request.body?.cancel().catch(() => undefined);
      throw new GuardHttpError('E_BODY_TOO_LARGE', `over ${max} bytes`);
    }
    const buf = new Uint8Array(await request.arrayBuffer());
    if (buf.byteLength > max) throw new GuardHttpError('E_BODY_TOO_LARGE', `over ${max} bytes`);
    return buf;
  }
  return readLimited(request.body, max, null);
}

/**
 * Read a Web body stream, failing as soon as it passes `max` bytes (or its declared length
 * does): 413 for request bodies by default; the response path passes its own error.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  max: number,
  contentLength: string | null,
  tooLarge: () => GuardHttpError = () => new GuardHttpError('E_BODY_TOO_LARGE', `over ${max} bytes`),
): Promise<Uint8Array> {
  if (contentLength !== null && /^\d+$/.test(contentLength.trim()) && Number(contentLength) > max) {
    await body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(value);
  }
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(size);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.byteLength;
  }
  return out;
}
