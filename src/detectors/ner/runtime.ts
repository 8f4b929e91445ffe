/**
 * onnxruntime-node, loaded lazily and optionally, and session creation with execution-provider
 * fallback.
 *
 * onnxruntime-node is an optional dependency: `loadOrt()` resolves to undefined when it is not
 * installed (or its native binding cannot load), and the `ner` family then reports itself
 * unavailable. Only the few members used here are typed, so this file compiles without it.
 *
 * Fallback: onnxruntime-node 1.30 throws when *any* provider in `executionProviders` cannot load
 * (e.g. `['cuda', 'cpu']` on a machine without the CUDA provider library), instead of falling
 * back. So providers are tried one at a time, in the caller's order, each alone; the first that
 * creates a session wins. When none does, ExecutionProviderError lists what was tried and why, in
 * words of our own: onnxruntime's messages are not passed on (they may carry paths; and no input
 * text is involved at this point anyway).
 */
import { DetectorError } from '../../errors.js';

export interface OrtTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
}

export interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
  release?(): Promise<void>;
}

export interface OrtModule {
  InferenceSession: { create(model: Uint8Array | string, options?: Record<string, unknown>): Promise<OrtSession> };
  Tensor: new (type: string, data: Int32Array | Float32Array, dims: readonly number[]) => OrtTensor;
  env: { logLevel?: string };
}

let ortPromise: Promise<OrtModule | undefined> | undefined;

/** Import onnxruntime-node once; undefined when it is not installed or cannot load. */
export function loadOrt(): Promise<OrtModule | undefined> {
  ortPromise ??= import('onnxruntime-node' as string)
    .then((m: unknown) => {
      const mod = ((m as { default?: unknown }).default ?? m) as OrtModule;
      if (typeof mod?.InferenceSession?.create !== 'function' || typeof mod.Tensor !== 'function') return undefined;
      // onnxruntime prints a warning line per session on stderr by default; we report failures ourselves.
      try {
        mod.env.logLevel = 'fatal';
      } catch {
        /* older builds: not settable */
      }
      return mod;
    })
    .catch(() => undefined);
  return ortPromise;
}

/** Why one provider failed, in our own words. */
export interface ProviderFailure {
  provider: string;
  reason: 'provider library not available' | 'provider rejected the model' | 'failed to create a session';
}

/** No execution provider in the list could create a session. `tried` says which and why. */
export class ExecutionProviderError extends DetectorError {
  readonly tried: readonly ProviderFailure[];
  constructor(tried: readonly ProviderFailure[], options?: { cause?: unknown }) {
    super(
      'ner',
      `No execution provider could run the NER model (tried: ${tried.map((t) => `${t.provider}: ${t.reason}`).join('; ')})`,
      { code: 'E_DETECTOR_UNAVAILABLE', cause: options?.cause },
    );
    this.tried = tried;
  }
  override get name(): string {
    return 'ExecutionProviderError';
  }
}

function classifyFailure(err: unknown): ProviderFailure['reason'] {
  const msg = err instanceof Error ? err.message : String(err);
  if (/shared library|cannot open|not (?:be )?(?:found|supported|available)|unsupported|no such file/i.test(msg)) {
    return 'provider library not available';
  }
  if (/model|graph|node|opset|type/i.test(msg)) return 'provider rejected the model';
  return 'failed to create a session';
}

export interface SessionOptions {
  executionProviders: readonly string[];
  intraOpNumThreads: number;
}

export interface CreatedSession {
  session: OrtSession;
  /** The provider that created it. */
  provider: string;
  /** Providers tried before it, with reasons. */
  skipped: readonly ProviderFailure[];
}

/** Try each provider alone, in order; the first that loads wins. */
export async function createSessionWithFallback(
  ort: OrtModule,
  model: Uint8Array,
  options: SessionOptions,
): Promise<CreatedSession> {
  const tried: ProviderFailure[] = [];
  for (const provider of options.executionProviders) {
    try {
      const session = await ort.InferenceSession.create(model, {
        executionProviders: [provider],
        intraOpNumThreads: options.intraOpNumThreads,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
        // 4 = fatal only: a provider that cannot load is expected while falling back, and we
        // report it ourselves; onnxruntime's own line would name library paths on stderr.
        logSeverityLevel: 4,
      });
      return { session, provider, skipped: tried };
    } catch (err) {
      tried.push({ provider, reason: classifyFailure(err) });
    }
  }
  throw new ExecutionProviderError(tried);
}
